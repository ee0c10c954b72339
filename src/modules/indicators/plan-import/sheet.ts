/**
 * The plan-targets workbook (issue #16, point 2: targets "imported from
 * xlsx"): its columns and the downloadable template. docs/indicators.md
 * ("Plan targets from a workbook") documents the format.
 */
import { loadExcelJS } from '../../../lib/exceljs.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { INDICATORS } from '../definitions.ts';
import { LEVEL_NAMES } from '../dashboard-xlsx.ts';

export const PLAN_HEADERS = {
  indicatorId: 'Mã chỉ tiêu',
  schoolYear: 'Năm học',
  value: 'Mục tiêu',
  /** For the reader only: not read back. */
  name: 'Tên chỉ tiêu (không bắt buộc)',
} as const;
export type PlanField = keyof typeof PLAN_HEADERS;

/** Rows of a plan file: a plan has a few dozen targets. */
export const MAX_PLAN_ROWS = 2_000;
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

export const TEMPLATE_FILE = 'mau-chi-tieu-ke-hoach.xlsx';

/** The template, for whoever may enter plans. */
export async function planTemplateFor(scope: Scope): Promise<Buffer> {
  scope.require('indicators.write');
  return planTemplate();
}

/**
 * Sheet 1 "Chỉ tiêu kế hoạch" (the only one read): the headers, a note on
 * each, a dropdown of the indicator ids, the year as text. Sheet 2 "Danh
 * mục chỉ tiêu": every indicator id with its name, unit, direction and levels.
 */
export async function planTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'sogd';
  const sheet = workbook.addWorksheet('Chỉ tiêu kế hoạch', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const H = PLAN_HEADERS;
  sheet.columns = [
    { header: H.indicatorId, width: 34 },
    { header: H.schoolYear, width: 14, style: { numFmt: '@' } },
    { header: H.value, width: 12, style: { numFmt: '#,##0.00' } },
    { header: H.name, width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  const notes: Record<string, string> = {
    [H.indicatorId]: 'Mã chỉ tiêu trong trang "Danh mục chỉ tiêu" (chọn trong danh sách).',
    [H.schoolYear]: 'Năm học phải đạt mục tiêu, dạng 2025-2026.',
    [H.value]:
      'Một số: tỷ lệ tính bằng % (0 đến 100, ví dụ 91,5), tỷ số ghi như trên trang chỉ tiêu.',
    [H.name]: 'Để người đọc dễ theo dõi; sogd không đọc cột này.',
  };
  sheet.getRow(1).eachCell((cell) => {
    const note = notes[cell.text];
    if (note) cell.note = note;
  });
  const catalogue = workbook.addWorksheet('Danh mục chỉ tiêu');
  catalogue.columns = [
    { header: 'Mã chỉ tiêu', width: 34 },
    { header: 'Tên chỉ tiêu', width: 60 },
    { header: 'Đơn vị tính', width: 12 },
    { header: 'Mục tiêu là', width: 14 },
    { header: 'Cấp học', width: 40 },
    { header: 'Căn cứ', width: 60 },
  ];
  catalogue.getRow(1).font = { bold: true };
  for (const d of INDICATORS)
    catalogue.addRow([
      d.id,
      d.name.vi,
      d.unit === 'percent' ? '%' : 'tỷ số',
      d.better === 'higher' ? 'tối thiểu' : 'tối đa',
      d.levels.map((l) => LEVEL_NAMES[l]).join(', '),
      d.source,
    ]);
  const last = INDICATORS.length + 1;
  for (let r = 2; r <= 501; r++)
    sheet.getCell(r, 1).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`'Danh mục chỉ tiêu'!$A$2:$A$${last}`],
      showErrorMessage: true,
      errorTitle: 'Mã chỉ tiêu',
      error: 'Chọn một mã trong trang "Danh mục chỉ tiêu".',
    };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
