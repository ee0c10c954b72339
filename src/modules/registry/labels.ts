/**
 * The registry's label tables, in one place for the server (exports, import
 * templates, messages) and the web pages. Plain data and types only: the web
 * imports it as a value without bundling zod (contract.ts re-exports it).
 */

export type Gender = 'male' | 'female';
export type StudentStatus = 'studying' | 'transferred' | 'dropped_out' | 'graduated';
export type StaffPosition = 'teacher' | 'manager' | 'staff';
export type RoomType =
  | 'classroom'
  | 'subject_room'
  | 'library'
  | 'laboratory'
  | 'computer_room'
  | 'language_room'
  | 'multipurpose_hall'
  | 'equipment_room'
  | 'medical_room'
  | 'administration'
  | 'staff_room'
  | 'kitchen'
  | 'toilet'
  | 'other';
export type RoomCondition = 'solid' | 'semi_solid' | 'temporary';

export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };
export const GENDER_LABELS_EN: Record<Gender, string> = { male: 'Male', female: 'Female' };

/** A student's status as a list column shows it. */
export const STUDENT_STATUS_LABELS: Record<StudentStatus, string> = {
  studying: 'Đang học',
  transferred: 'Chuyển đi',
  dropped_out: 'Thôi học',
  graduated: 'Đã tốt nghiệp',
};

export const POSITION_LABELS: Record<StaffPosition, string> = {
  teacher: 'Giáo viên',
  manager: 'Cán bộ quản lý',
  staff: 'Nhân viên',
};
export const POSITION_LABELS_EN: Record<StaffPosition, string> = {
  teacher: 'Teacher',
  manager: 'Manager',
  staff: 'Staff',
};

/** Employment type (biên chế: in the staff quota; hợp đồng: on a labour contract), as recorded. */
export const EMPLOYMENT_TYPES = ['Biên chế', 'Hợp đồng'] as const;
export const EMPLOYMENT_TYPE_EN: Record<(typeof EMPLOYMENT_TYPES)[number], string> = {
  'Biên chế': 'Permanent (in the quota)',
  'Hợp đồng': 'Contract',
};

export type SchoolLevel = 'preschool' | 'primary' | 'lower_secondary' | 'upper_secondary';
/** The level a teacher teaches in a multi-level school (the teacher norms count it there). */
export const LEVEL_TAUGHT_LABELS: Record<SchoolLevel, string> = {
  preschool: 'Mầm non',
  primary: 'Tiểu học',
  lower_secondary: 'THCS',
  upper_secondary: 'THPT',
};

/** Room types (cơ sở vật chất), stable identifiers; labels as the sector's forms say them. */
export const ROOM_TYPE_LABELS: Record<RoomType, string> = {
  classroom: 'Phòng học',
  subject_room: 'Phòng học bộ môn',
  library: 'Thư viện',
  laboratory: 'Phòng thí nghiệm',
  computer_room: 'Phòng tin học',
  language_room: 'Phòng ngoại ngữ',
  multipurpose_hall: 'Phòng đa năng, nhà thể chất',
  equipment_room: 'Phòng thiết bị giáo dục',
  medical_room: 'Phòng y tế',
  administration: 'Phòng hành chính',
  staff_room: 'Phòng giáo viên',
  kitchen: 'Bếp ăn, nhà ăn',
  toilet: 'Nhà vệ sinh',
  other: 'Phòng khác',
};

export const ROOM_TYPE_LABELS_EN: Record<RoomType, string> = {
  classroom: 'Classroom',
  subject_room: 'Subject room',
  library: 'Library',
  laboratory: 'Laboratory',
  computer_room: 'Computer room',
  language_room: 'Language room',
  multipurpose_hall: 'Multipurpose hall, gym',
  equipment_room: 'Equipment room',
  medical_room: 'Medical room',
  administration: 'Administration',
  staff_room: 'Staff room',
  kitchen: 'Kitchen, canteen',
  toilet: 'Toilets',
  other: 'Other room',
};

export const ROOM_CONDITION_LABELS: Record<RoomCondition, string> = {
  solid: 'Kiên cố',
  semi_solid: 'Bán kiên cố',
  temporary: 'Tạm',
};
export const ROOM_CONDITION_LABELS_EN: Record<RoomCondition, string> = {
  solid: 'Solid',
  semi_solid: 'Semi-solid',
  temporary: 'Temporary',
};

/** TT 17, 18, 19/2018/TT-BGDĐT: chuẩn quốc gia Mức độ 1 and 2 (vn-regulations.md §2). */
export const NATIONAL_STANDARD_LABELS = [
  'Chưa đạt chuẩn quốc gia',
  'Chuẩn quốc gia mức độ 1',
  'Chuẩn quốc gia mức độ 2',
] as const;
export const NATIONAL_STANDARD_LABELS_EN = [
  'Not at the national standard',
  'National standard, level 1',
  'National standard, level 2',
] as const;
/** Same circulars: kiểm định chất lượng giáo dục Cấp độ 1–4. */
export const ACCREDITATION_LABELS = [
  'Chưa đạt kiểm định',
  'Cấp độ 1',
  'Cấp độ 2',
  'Cấp độ 3',
  'Cấp độ 4',
] as const;
export const ACCREDITATION_LABELS_EN = [
  'Not accredited',
  'Level 1',
  'Level 2',
  'Level 3',
  'Level 4',
] as const;

/** Room types and conditions in the order the forms list them. */
export const ROOM_TYPES = Object.keys(ROOM_TYPE_LABELS) as RoomType[];
export const ROOM_CONDITIONS = Object.keys(ROOM_CONDITION_LABELS) as RoomCondition[];
