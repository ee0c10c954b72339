/**
 * The staff list's column headers (docs/registry-imports.md, "Staff list
 * import"): the import reads them, the export and the template write them.
 */
export const STAFF_HEADERS = {
  schoolCode: 'Mã trường',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  personalId: 'Mã định danh cá nhân',
  position: 'Vị trí',
  mainSubject: 'Môn dạy chính',
  qualification: 'Trình độ',
  employmentType: 'Loại hợp đồng',
  /** The level a teacher of a multi-level school teaches (the teacher norms count on it). */
  levelTaught: 'Cấp dạy',
} as const;
