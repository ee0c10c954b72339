/**
 * How the audit log names the indicators module's rows and fields
 * (src/core/audit.ts): plain data, installed from the module's descriptor.
 * Audited: the plans and their targets (migration 2026120740), the yearly
 * budget figures (2026120511) and the statistical reports (2026120272).
 */
import type { AuditLabels } from '../../core/audit.ts';
import { INDICATORS } from './definitions.ts';

/** An indicator's id as the reader knows it: its name. */
const indicatorNames = {
  vi: Object.fromEntries(INDICATORS.map((d) => [d.id, d.name.vi])),
  en: Object.fromEntries(INDICATORS.map((d) => [d.id, d.name.en])),
};

export const INDICATORS_AUDIT: AuditLabels = {
  subjects: {
    indicator_plan: {
      noun: { vi: 'kế hoạch chỉ tiêu', en: 'target plan' },
      name: ['name'],
      code: 'decision',
      fields: {
        name: { vi: 'Tên kế hoạch', en: 'Plan name' },
        decision: { vi: 'Số, ký hiệu', en: 'Number and code' },
        decision_date: { vi: 'Ngày ban hành', en: 'Date issued' },
      },
    },
    indicator_target: {
      noun: { vi: 'chỉ tiêu kế hoạch', en: 'plan target' },
      name: ['indicator_id'],
      code: 'school_year',
      fields: {
        indicator_id: { vi: 'Chỉ tiêu', en: 'Indicator' },
        school_year: { vi: 'Năm học', en: 'School year' },
        value: { vi: 'Giá trị mục tiêu', en: 'Target value' },
      },
      values: { indicator_id: indicatorNames },
    },
    indicator_budget: {
      noun: { vi: 'số liệu chi ngân sách giáo dục', en: 'education budget figures' },
      code: 'year',
      fields: {
        year: { vi: 'Năm ngân sách', en: 'Budget year' },
        education_spending: {
          vi: 'Chi cho giáo dục và đào tạo (triệu đồng)',
          en: 'Education spending (million VND)',
        },
        total_spending: {
          vi: 'Tổng chi ngân sách địa phương (triệu đồng)',
          en: 'Total local spending (million VND)',
        },
        source: { vi: 'Căn cứ số liệu', en: 'Source' },
      },
    },
    indicator_report: {
      noun: { vi: 'báo cáo thống kê', en: 'statistical report' },
      name: ['school_year'],
      code: 'period',
      fields: {
        school_year: { vi: 'Năm học', en: 'School year' },
        period: { vi: 'Kỳ báo cáo', en: 'Period' },
        status: { vi: 'Trạng thái', en: 'Status' },
        entered: { vi: 'Số liệu trường nhập', en: 'Figures entered by the school' },
        submitted_at: { vi: 'Thời điểm gửi', en: 'Submitted at' },
        submitted_by: { vi: 'Người gửi', en: 'Submitted by' },
        approved_at: { vi: 'Thời điểm duyệt', en: 'Approved at' },
        approved_by: { vi: 'Người duyệt', en: 'Approved by' },
      },
      values: {
        period: {
          vi: { start: 'đầu năm học', end: 'cuối năm học' },
          en: { start: 'start of year', end: 'end of year' },
        },
        status: {
          vi: { draft: 'Đang nhập', submitted: 'Đã gửi', approved: 'Đã duyệt' },
          en: { draft: 'Draft', submitted: 'Submitted', approved: 'Approved' },
        },
      },
    },
  },
};
