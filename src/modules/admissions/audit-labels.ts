/**
 * How the audit log names the grade-10 admissions' rows and fields
 * (src/core/audit.ts): plain data, installed from the module's descriptor.
 */
import type { AuditLabels } from '../../core/audit.ts';

export const ADMISSIONS_AUDIT: AuditLabels = {
  subjects: {
    admission_campaign: {
      noun: { vi: 'kỳ tuyển sinh', en: 'admission campaign' },
      name: ['name'],
      fields: {
        name: { vi: 'Tên kỳ tuyển sinh', en: 'Name' },
        school_year: { vi: 'Năm học', en: 'School year' },
        opens_at: { vi: 'Mở đăng ký', en: 'Opens' },
        closes_at: { vi: 'Hạn đăng ký', en: 'Closes' },
        confirm_by: { vi: 'Hạn xác nhận nhập học', en: 'Confirm by' },
        max_preferences: { vi: 'Số nguyện vọng tối đa', en: 'Preferences allowed' },
        status: { vi: 'Trạng thái', en: 'Status' },
        published_at: { vi: 'Công bố kết quả', en: 'Results published' },
        entry_rules: { vi: 'Quy tắc tuyển sinh đầu cấp', en: 'Entry rules' },
      },
    },
    admission_program: {
      noun: { vi: 'chỉ tiêu tuyển sinh', en: 'admission programme' },
      fields: {
        quota: { vi: 'Chỉ tiêu', en: 'Quota' },
        cutoff: { vi: 'Điểm chuẩn', en: 'Cut-off' },
        classes: { vi: 'Số lớp', en: 'Classes' },
        unzoned: { vi: 'Không theo tuyến', en: 'Outside zoning' },
      },
    },
    admission_candidate: {
      noun: { vi: 'thí sinh', en: 'candidate' },
      name: ['full_name'],
      code: 'code',
      fields: {
        code: { vi: 'Mã thí sinh', en: 'Candidate code' },
        full_name: { vi: 'Họ và tên', en: 'Full name' },
        birth_date: { vi: 'Ngày sinh', en: 'Date of birth' },
        pin_hash: { vi: 'Mã PIN', en: 'PIN' },
        score: { vi: 'Điểm xét tuyển', en: 'Score' },
        gender: { vi: 'Giới tính', en: 'Gender' },
        personal_id: { vi: 'Mã định danh cá nhân', en: 'Personal id' },
        birth_year_exception: { vi: 'Lý do ngoại lệ năm sinh', en: 'Birth-year exception' },
        birth_year_exception_by: { vi: 'Người ghi ngoại lệ', en: 'Exception recorded by' },
        birth_year_exception_at: { vi: 'Thời điểm ghi ngoại lệ', en: 'Exception recorded at' },
      },
    },
    admission_result: {
      noun: { vi: 'kết quả tuyển sinh', en: 'admission result' },
      fields: {
        round: { vi: 'Vòng', en: 'Round' },
        response: { vi: 'Xác nhận', en: 'Response' },
        responded_at: { vi: 'Ngày xác nhận', en: 'Responded' },
        handed_over_at: { vi: 'Chuyển sang CSDL ngành', en: 'Handed over to the registry' },
      },
    },
    entry_area: {
      noun: { vi: 'khu dân cư tuyển sinh', en: 'enrolment area' },
      name: ['name'],
      code: 'code',
      fields: {
        code: { vi: 'Mã khu dân cư', en: 'Area code' },
        name: { vi: 'Tên khu dân cư', en: 'Area name' },
        latitude: { vi: 'Vĩ độ', en: 'Latitude' },
        longitude: { vi: 'Kinh độ', en: 'Longitude' },
      },
    },
    admission_entry_evidence: {
      noun: { vi: 'giấy tờ minh chứng tuyển sinh đầu cấp', en: 'entry-grade evidence file' },
      name: ['file_name'],
      fields: {
        kind: { vi: 'Loại giấy tờ', en: 'Document' },
        version: { vi: 'Phiên bản hồ sơ', en: 'Application version' },
        file_name: { vi: 'Tên tệp', en: 'File name' },
        file_size: { vi: 'Dung lượng', en: 'Size' },
        file_type: { vi: 'Kiểu tệp', en: 'File type' },
        file_sha256: { vi: 'Mã băm SHA-256', en: 'SHA-256' },
      },
    },
    admission_entry_rules_change: {
      noun: { vi: 'thay đổi quy tắc tuyển sinh đầu cấp', en: 'change of entry rules' },
      fields: {
        before: { vi: 'Quy tắc trước', en: 'Rules before' },
        after: { vi: 'Quy tắc sau', en: 'Rules after' },
        reason: { vi: 'Lý do', en: 'Reason' },
        after_opening: { vi: 'Sau khi mở đăng ký', en: 'After registration opened' },
        changed_by_name: { vi: 'Người thay đổi', en: 'Changed by' },
        campaign_version: { vi: 'Phiên bản kỳ tuyển sinh', en: 'Campaign version' },
      },
    },
    entry_catchment: {
      noun: { vi: 'tuyến tuyển sinh', en: 'catchment' },
      fields: { grade: { vi: 'Lớp', en: 'Grade' } },
    },
  },
};
