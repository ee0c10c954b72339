import { defineMessages } from '../../shared/i18n.ts';

/** The registry pages added for issue 13 (school list, student record), in both languages. */
export const registryMessages = defineMessages(
  {
    schoolListTitle: 'Danh sách trường',
    schoolListMenu: 'Danh sách trường',
    schoolYear: 'Năm học',
    searchSchools: 'Tên hoặc mã trường (không cần dấu)',
    allLevels: 'Mọi cấp học',
    allOwnerships: 'Mọi loại hình',
    allStandards: 'Chuẩn quốc gia: tất cả',
    allAccreditation: 'Kiểm định: tất cả',
    allSessions: '2 buổi/ngày: tất cả',
    twoSessionsYes: 'Học 2 buổi/ngày',
    twoSessionsNo: 'Không học 2 buổi/ngày',
    exportXlsx: 'Xuất Excel',
    code: 'Mã',
    name: 'Tên trường',
    level: 'Cấp học',
    ownership: 'Loại hình',
    commune: 'Xã, phường',
    students: 'Học sinh',
    classes: 'Lớp',
    staff: 'Cán bộ, GV',
    nationalStandard: 'Chuẩn quốc gia',
    accreditation: 'Kiểm định',
    twoSessions: '2 buổi/ngày',
    yes: 'Có',
    no: 'Không',
    notReached: 'Chưa đạt',
    standardLevel: 'Mức độ {n}',
    accreditationLevel: 'Cấp độ {n}',
    schoolCount: '{n} trường',
    totals: 'Tổng: {students} học sinh, {classes} lớp, {staff} cán bộ, giáo viên',
  },
  {
    schoolListTitle: 'Schools',
    schoolListMenu: 'School list',
    schoolYear: 'School year',
    searchSchools: 'School name or code (accents optional)',
    allLevels: 'All levels',
    allOwnerships: 'All ownerships',
    allStandards: 'National standard: all',
    allAccreditation: 'Accreditation: all',
    allSessions: 'Two sessions a day: all',
    twoSessionsYes: 'Two sessions a day',
    twoSessionsNo: 'Not two sessions a day',
    exportXlsx: 'Export to Excel',
    code: 'Code',
    name: 'School',
    level: 'Level',
    ownership: 'Ownership',
    commune: 'Commune/ward',
    students: 'Students',
    classes: 'Classes',
    staff: 'Staff',
    nationalStandard: 'National standard',
    accreditation: 'Accreditation',
    twoSessions: 'Two sessions/day',
    yes: 'Yes',
    no: 'No',
    notReached: 'Not reached',
    standardLevel: 'Level {n}',
    accreditationLevel: 'Level {n}',
    schoolCount: '{n} schools',
    totals: 'Total: {students} students, {classes} classes, {staff} staff',
  },
);

/** Puts values into a message's {placeholders}; numbers in the page's locale. */
export function fill(text: string, values: Record<string, string | number>, lang: 'vi' | 'en') {
  return text.replace(/\{(\w+)\}/g, (_m, k: string) => {
    const v = values[k];
    return typeof v === 'number' ? v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') : (v ?? '');
  });
}
