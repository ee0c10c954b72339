/**
 * The indicators module's value names in vi and en (plain data: the web
 * imports it without zod). The definitions themselves are in definitions.ts.
 */

export type IndicatorUnit = 'percent' | 'ratio';
export type TargetStatus = 'on_track' | 'at_risk' | 'missed';

export const TARGET_STATUS_LABELS: Record<TargetStatus, { vi: string; en: string }> = {
  on_track: { vi: 'Đạt', en: 'On track' },
  at_risk: { vi: 'Chưa đạt, còn thời hạn', en: 'At risk' },
  missed: { vi: 'Không đạt', en: 'Missed' },
};

export const QUALITY_CHECK_LABELS: Record<string, { vi: string; en: string }> = {
  duplicate_students: {
    vi: 'Học sinh có thể trùng (cùng họ tên, ngày sinh)',
    en: 'Possible duplicate students (same name and date of birth)',
  },
  age_out_of_range: {
    vi: 'Tuổi ngoài độ tuổi thường gặp của khối lớp',
    en: 'Age outside the usual range for the grade',
  },
  classes_over_max: { vi: 'Lớp vượt sĩ số tối đa', en: 'Classes over the size limit' },
  empty_classes: { vi: 'Lớp chưa có học sinh', en: 'Empty classes' },
  schools_without_manager: {
    vi: 'Trường chưa có cán bộ quản lý',
    en: 'Schools without a manager',
  },
  schools_missing_subject_teacher: {
    vi: 'Trường chưa có giáo viên của môn học bắt buộc',
    en: 'Schools with no teacher of a required subject',
  },
  students_without_class: {
    vi: 'Học sinh đang học chưa được xếp lớp',
    en: 'Students without a class',
  },
  staff_past_retirement: {
    vi: 'Cán bộ, giáo viên đã đến tuổi nghỉ hưu',
    en: 'Staff past the retirement age',
  },
};
