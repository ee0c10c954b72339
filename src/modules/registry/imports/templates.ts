import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { LEVEL_TAUGHT_LABELS, POSITION_LABELS } from '../labels.ts';
import { schoolCodesInScope } from './repo.ts';
import { STAFF_HEADERS } from './staff-headers.ts';
import { STUDENT_HEADERS } from './student-rows.ts';
import { importTemplate } from './template.ts';

/** The downloadable import templates, for a user who may import (registry.write). */

/**
 * The downloadable template: the contract's headers, notes, and dropdowns
 * (schools of the caller's scope, gender, the usual ethnic groups).
 */
export async function studentTemplate(db: Db, scope: Scope): Promise<Buffer> {
  scope.require('registry.write');
  const schoolCodes = await schoolCodesInScope(db, scope);
  const H = STUDENT_HEADERS;
  return importTemplate({
    sheetName: 'Học sinh',
    headers: Object.values(H),
    notes: {
      [H.schoolCode]: 'Mã trường như trong cây đơn vị (chọn trong danh sách).',
      [H.className]: 'Tên lớp trong trường và năm học, ví dụ 6A1, 10 Toán, Lá 2.',
      [H.birthDate]: 'dd/mm/yyyy',
      [H.gender]: 'Nam hoặc Nữ',
      [H.personalId]: '12 chữ số (không bắt buộc)',
      [H.phone]: '10 chữ số, bắt đầu bằng 0',
    },
    dropdowns: [
      { header: H.schoolCode, values: schoolCodes },
      { header: H.gender, values: ['Nam', 'Nữ'], inline: true },
      { header: H.ethnicity, values: ETHNICITIES, strict: false },
    ],
    textColumns: [H.birthDate, H.personalId, H.phone],
  });
}

const ETHNICITIES = [
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  "H'Mông",
  'Nùng',
  'Dao',
  'Hoa',
  'Gia Rai',
  'Ê Đê',
  'Ba Na',
  'Sán Chay',
  'Chăm',
  'Xơ Đăng',
];

/** The staff template: schools of the caller's scope, gender and positions as dropdowns. */
export async function staffTemplate(db: Db, scope: Scope): Promise<Buffer> {
  scope.require('registry.write');
  const schoolCodes = await schoolCodesInScope(db, scope);
  const H = STAFF_HEADERS;
  return importTemplate({
    sheetName: 'Cán bộ',
    headers: Object.values(H),
    notes: {
      [H.schoolCode]: 'Mã trường như trong cây đơn vị (chọn trong danh sách).',
      [H.birthDate]: 'dd/mm/yyyy',
      [H.gender]: 'Nam hoặc Nữ',
      [H.personalId]: '12 chữ số (không bắt buộc)',
      [H.position]: 'Giáo viên, Cán bộ quản lý hoặc Nhân viên',
      [H.employmentType]: 'Ví dụ: Biên chế, Hợp đồng',
      [H.levelTaught]: 'Trường nhiều cấp học: cấp giáo viên dạy (không bắt buộc)',
    },
    dropdowns: [
      { header: H.schoolCode, values: schoolCodes },
      { header: H.gender, values: ['Nam', 'Nữ'], inline: true },
      { header: H.position, values: Object.values(POSITION_LABELS), inline: true },
      { header: H.employmentType, values: ['Biên chế', 'Hợp đồng'], inline: true, strict: false },
      { header: H.levelTaught, values: Object.values(LEVEL_TAUGHT_LABELS), inline: true },
    ],
    textColumns: [H.birthDate, H.personalId],
  });
}
