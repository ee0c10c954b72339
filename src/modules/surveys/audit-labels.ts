/**
 * How the audit log names a survey form's row and fields (src/core/audit.ts):
 * plain data, installed from the module's descriptor. Only the form is
 * audited; answers, codes and free texts are not, anonymous by design.
 */
import type { AuditLabels } from '../../core/audit.ts';
import { SURVEY_STATUS_LABELS } from './labels.ts';

export const SURVEYS_AUDIT: AuditLabels = {
  subjects: {
    survey_form: {
      noun: { vi: 'phiếu khảo sát', en: 'survey form' },
      name: ['title'],
      code: 'school_year',
      fields: {
        title: { vi: 'Tên phiếu', en: 'Title' },
        school_year: { vi: 'Năm học', en: 'School year' },
        status: { vi: 'Trạng thái', en: 'Status' },
        ends_on: { vi: 'Ngày cuối nhận trả lời', en: 'Last day for answers' },
        closed_at: { vi: 'Thời điểm đóng', en: 'Closed at' },
        series: { vi: 'Loạt khảo sát', en: 'Survey series' },
      },
      values: { status: SURVEY_STATUS_LABELS },
    },
  },
};
