/**
 * How the audit log names the registry's rows and fields (src/core/audit.ts):
 * plain data, installed from the module's descriptor.
 */
import type { AuditLabels } from '../../core/audit.ts';
import {
  GENDER_LABELS,
  POSITION_LABELS,
  ROOM_CONDITION_LABELS,
  ROOM_TYPE_LABELS,
  STUDENT_STATUS_LABELS,
} from './labels.ts';

const person = {
  full_name: { vi: 'Họ và tên', en: 'Full name' },
  birth_date: { vi: 'Ngày sinh', en: 'Date of birth' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  personal_id: { vi: 'Số định danh cá nhân', en: 'Personal id' },
};
const gender = { vi: GENDER_LABELS, en: { male: 'Male', female: 'Female' } };

export const REGISTRY_AUDIT: AuditLabels = {
  subjects: {
    student: {
      noun: { vi: 'hồ sơ học sinh', en: 'student record' },
      name: ['full_name'],
      code: 'student_code',
      fields: {
        student_code: { vi: 'Mã học sinh', en: 'Student code' },
        ...person,
        ethnicity: { vi: 'Dân tộc', en: 'Ethnic group' },
        birth_place: { vi: 'Nơi sinh', en: 'Place of birth' },
        address: { vi: 'Địa chỉ', en: 'Address' },
        guardian_name: { vi: 'Cha mẹ hoặc người giám hộ', en: 'Guardian' },
        phone: { vi: 'Điện thoại', en: 'Phone' },
        status: { vi: 'Trạng thái', en: 'Status' },
        status_reason: { vi: 'Lý do', en: 'Reason' },
      },
      values: {
        gender,
        status: {
          vi: STUDENT_STATUS_LABELS,
          en: {
            studying: 'Studying',
            transferred: 'Transferred',
            dropped_out: 'Dropped out',
            graduated: 'Graduated',
          },
        },
      },
    },
    staff: {
      noun: { vi: 'hồ sơ cán bộ', en: 'staff record' },
      name: ['full_name'],
      fields: {
        ...person,
        position: { vi: 'Vị trí việc làm', en: 'Position' },
        main_subject: { vi: 'Môn dạy chính', en: 'Main subject' },
        qualification: { vi: 'Trình độ đào tạo', en: 'Qualification' },
        employment_type: { vi: 'Loại hợp đồng', en: 'Employment type' },
        active: { vi: 'Đang công tác', en: 'Working' },
      },
      values: {
        gender,
        position: {
          vi: POSITION_LABELS,
          en: { teacher: 'Teacher', manager: 'Manager', staff: 'Staff' },
        },
      },
    },
    class: {
      noun: { vi: 'lớp', en: 'class' },
      name: ['name'],
      fields: {
        school_year: { vi: 'Năm học', en: 'School year' },
        name: { vi: 'Tên lớp', en: 'Class name' },
        grade: { vi: 'Khối', en: 'Grade' },
        sessions_per_day: { vi: 'Số buổi/ngày', en: 'Sessions a day' },
      },
    },
    school_year_profile: {
      noun: { vi: 'thông tin năm học của trường', en: 'school-year profile' },
      name: ['school_year'],
      fields: {
        school_year: { vi: 'Năm học', en: 'School year' },
        national_standard_level: { vi: 'Mức chuẩn quốc gia', en: 'National standard level' },
        national_standard_decision: { vi: 'Quyết định công nhận', en: 'Recognition decision' },
        national_standard_date: { vi: 'Ngày công nhận', en: 'Recognition date' },
        accreditation_level: { vi: 'Cấp độ kiểm định', en: 'Accreditation level' },
        two_sessions_a_day: { vi: 'Dạy học 2 buổi/ngày', en: 'Two sessions a day' },
        homeroom_one_class: {
          vi: 'Mỗi giáo viên chủ nhiệm một lớp',
          en: 'One class per homeroom teacher',
        },
        notes: { vi: 'Ghi chú', en: 'Notes' },
      },
    },
    facility: {
      noun: { vi: 'cơ sở vật chất', en: 'facilities' },
      name: ['school_year'],
      fields: {
        room_type: { vi: 'Loại phòng', en: 'Room type' },
        condition: { vi: 'Tình trạng', en: 'Condition' },
        room_count: { vi: 'Số phòng', en: 'Rooms' },
        area_m2: { vi: 'Diện tích (m²)', en: 'Area (m²)' },
      },
      values: {
        room_type: { vi: ROOM_TYPE_LABELS },
        condition: {
          vi: ROOM_CONDITION_LABELS,
          en: { solid: 'Solid', semi_solid: 'Semi-solid', temporary: 'Temporary' },
        },
      },
    },
    registry_intake: {
      noun: { vi: 'học sinh trúng tuyển chuyển về', en: 'incoming admitted student' },
      name: ['reference'],
      fields: {
        school_year: { vi: 'Năm học', en: 'School year' },
        grade: { vi: 'Khối', en: 'Grade' },
        source: { vi: 'Nguồn', en: 'Source' },
        reference: { vi: 'Mã thí sinh', en: 'Candidate code' },
        class_id: { vi: 'Lớp', en: 'Class' },
        assigned_at: { vi: 'Ngày xếp lớp', en: 'Assigned on' },
      },
    },
    student_transfer: {
      noun: { vi: 'yêu cầu chuyển trường', en: 'transfer request' },
      name: ['school_year'],
      fields: {
        school_year: { vi: 'Năm học', en: 'School year' },
        status: { vi: 'Trạng thái', en: 'Status' },
        reason: { vi: 'Lý do', en: 'Reason' },
        decision_number: { vi: 'Số quyết định', en: 'Decision number' },
        decision_reason: { vi: 'Lý do từ chối', en: 'Reason given' },
        requested_by_name: { vi: 'Người đề nghị', en: 'Requested by' },
        decided_by_name: { vi: 'Người quyết định', en: 'Decided by' },
      },
      values: {
        status: {
          vi: {
            requested: 'Chờ tiếp nhận',
            accepted: 'Đã tiếp nhận',
            rejected: 'Từ chối',
            cancelled: 'Đã huỷ',
          },
          en: {
            requested: 'Requested',
            accepted: 'Accepted',
            rejected: 'Rejected',
            cancelled: 'Cancelled',
          },
        },
      },
    },
    promotion_run: {
      noun: { vi: 'đợt lên lớp', en: 'promotion run' },
      name: ['from_year'],
      fields: {
        from_year: { vi: 'Từ năm học', en: 'From year' },
        to_year: { vi: 'Sang năm học', en: 'To year' },
        promoted: { vi: 'Lên lớp', en: 'Promoted' },
        repeating: { vi: 'Lưu ban', en: 'Repeating' },
        graduated: { vi: 'Tốt nghiệp', en: 'Graduated' },
        classes_created: { vi: 'Lớp mới', en: 'Classes created' },
      },
    },
  },
};
