/**
 * How the audit log names the diploma register's rows and fields
 * (src/core/audit.ts): plain data, installed from the module's descriptor.
 */
import type { AuditLabels } from '../../core/audit.ts';
import { DIPLOMA_EVENT_LABELS, DIPLOMA_TYPE_LABELS } from './labels.ts';

export const DIPLOMAS_AUDIT: AuditLabels = {
  subjects: {
    diploma: {
      noun: { vi: 'văn bằng', en: 'diploma' },
      name: ['full_name'],
      code: 'serial_number',
      fields: {
        diploma_type: { vi: 'Loại văn bằng', en: 'Diploma type' },
        full_name: { vi: 'Họ và tên', en: 'Full name' },
        birth_date: { vi: 'Ngày sinh', en: 'Date of birth' },
        birth_place: { vi: 'Nơi sinh', en: 'Place of birth' },
        ethnicity: { vi: 'Dân tộc', en: 'Ethnic group' },
        school_name: { vi: 'Trường', en: 'School' },
        graduation_year: { vi: 'Năm tốt nghiệp', en: 'Graduation year' },
        decision_number: { vi: 'Số quyết định', en: 'Decision number' },
        decision_date: { vi: 'Ngày quyết định', en: 'Decision date' },
        serial_number: { vi: 'Số hiệu', en: 'Serial number' },
        register_number: { vi: 'Số vào sổ cấp bằng', en: 'Register number' },
        issue_date: { vi: 'Ngày cấp', en: 'Issue date' },
        signer_name: { vi: 'Người ký', en: 'Signed by' },
        status: { vi: 'Trạng thái', en: 'Status' },
        notes: { vi: 'Ghi chú', en: 'Notes' },
      },
      values: {
        diploma_type: {
          vi: DIPLOMA_TYPE_LABELS,
          en: {
            upper_secondary: 'Upper-secondary diploma',
            lower_secondary: 'Lower-secondary diploma',
          },
        },
        status: {
          vi: { valid: 'Còn hiệu lực', corrected: 'Đã chỉnh sửa', revoked: 'Đã thu hồi' },
          en: { valid: 'Valid', corrected: 'Corrected', revoked: 'Revoked' },
        },
      },
    },
    diploma_event: {
      noun: { vi: 'sự kiện sổ gốc', en: 'register event' },
      name: ['decision_number'],
      fields: {
        kind: { vi: 'Sự kiện', en: 'Event' },
        decision_number: { vi: 'Số quyết định', en: 'Decision number' },
        decision_date: { vi: 'Ngày quyết định', en: 'Decision date' },
        reason: { vi: 'Lý do', en: 'Reason' },
      },
      values: {
        kind: {
          vi: DIPLOMA_EVENT_LABELS,
          en: {
            issue: 'Issue',
            correction: 'Correction',
            revocation: 'Revocation',
            copy: 'Certified copy',
          },
        },
      },
    },
    issuer_key: {
      noun: { vi: 'khoá ký văn bằng', en: 'issuing key' },
      fields: {},
    },
  },
  actions: { key_rotate: { vi: 'Thay', en: 'Replaced' } },
};
