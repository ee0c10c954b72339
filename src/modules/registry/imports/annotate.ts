import { loadExcelJS } from '../../../lib/exceljs.ts';
import { assertInflatable } from '../../../lib/xlsx-limits.ts';
import { cellText, headerKey } from '../../../lib/xlsx.ts';
import type { StudentChange } from './import-students.ts';
import type { RowError } from './student-rows.ts';

/**
 * The workbook back with a "Lỗi" column and the bad cells highlighted, for
 * the clerk to fix and upload again; with the dry run's changes, also a
 * "Thay đổi" column (each field before → after) and the changed cells marked.
 */
export async function annotatedWorkbook(
  input: Buffer,
  errors: RowError[],
  changes: StudentChange[] = [],
): Promise<Buffer> {
  await assertInflatable(input); // ExcelJS inflates every part at once: bombs are refused first
  const workbook = new (await loadExcelJS()).Workbook();
  await workbook.xlsx.load(input as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headerRow = sheet.getRow(1);
  const columnOf = new Map<string, number>();
  headerRow.eachCell((cell, col) => {
    const text = cellText(cell.value).text;
    if (text) columnOf.set(headerKey(text), col);
  });
  const errorCol = headerRow.cellCount + 1;
  const mark = (rowNumber: number, column: string | null, argb: string) => {
    const col = column ? columnOf.get(headerKey(column)) : undefined;
    if (col)
      sheet.getRow(rowNumber).getCell(col).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb },
      };
  };
  headerRow.getCell(errorCol).value = 'Lỗi';
  headerRow.getCell(errorCol).font = { bold: true, color: { argb: 'FFC00000' } };
  const byRow = new Map<number, RowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  for (const [rowNumber, list] of byRow) {
    sheet.getRow(rowNumber).getCell(errorCol).value = list
      .map((e) => (e.column ? `${e.column}: ${e.message}` : e.message))
      .join('\n');
    for (const e of list) mark(rowNumber, e.column, 'FFFFC7CE');
  }
  sheet.getColumn(errorCol).width = 60;
  if (changes.length) {
    const changeCol = errorCol + 1;
    headerRow.getCell(changeCol).value = 'Thay đổi';
    headerRow.getCell(changeCol).font = { bold: true, color: { argb: 'FF7F6000' } };
    for (const c of changes) {
      sheet.getRow(c.row).getCell(changeCol).value = c.fields
        .map((f) => `${f.column}: ${f.before ?? '(trống)'} → ${f.after ?? '(trống)'}`)
        .join('\n');
      for (const f of c.fields) mark(c.row, f.column, 'FFFFEB9C');
    }
    sheet.getColumn(changeCol).width = 60;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
