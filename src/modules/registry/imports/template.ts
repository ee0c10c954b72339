import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../../lib/exceljs.ts';

/**
 * Downloadable import templates: the contract's headers (bold, frozen), a
 * note on each header that needs one, and dropdowns. Short lists are written
 * inline in the validation; long ones (schools, ethnic groups) go to a very
 * hidden "Danh mục" sheet, one column each in the order given, because Excel
 * caps an inline list at 255 characters.
 */
export interface TemplateSpec {
  sheetName: string;
  headers: readonly string[];
  notes?: Readonly<Record<string, string>>;
  dropdowns: readonly {
    header: string;
    values: readonly string[];
    inline?: boolean;
    /** false: the list is a suggestion, other text is accepted by Excel. */
    strict?: boolean;
  }[];
  /** Columns stored as text, so that dates and 12-digit ids keep their leading zeros. */
  textColumns?: readonly string[];
  /** Rows that get the dropdowns and text format. */
  rows?: number;
}

export async function importTemplate(spec: TemplateSpec): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet('Danh mục', { state: 'veryHidden' });
  sheet.columns = spec.headers.map((header) => ({
    header,
    width: Math.max(14, header.length + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  spec.headers.forEach((header, i) => {
    const note = spec.notes?.[header];
    if (note) sheet.getRow(1).getCell(i + 1).note = note;
  });
  const columnOf = (header: string) => {
    const i = spec.headers.indexOf(header);
    if (i < 0) throw new Error(`template: no column ${header}`);
    return i + 1;
  };
  const validations: { column: number; validation: ExcelJS.DataValidation }[] = [];
  let hiddenColumn = 0;
  for (const list of spec.dropdowns) {
    if (!list.values.length) continue;
    let formula: string;
    if (list.inline) formula = `"${list.values.join(',')}"`;
    else {
      hiddenColumn++;
      list.values.forEach((v, i) => (lists.getCell(i + 1, hiddenColumn).value = v));
      const letter = lists.getColumn(hiddenColumn).letter;
      formula = `'Danh mục'!$${letter}$1:$${letter}$${list.values.length}`;
    }
    validations.push({
      column: columnOf(list.header),
      validation: {
        type: 'list',
        allowBlank: true,
        ...(list.strict === false ? { showErrorMessage: false } : {}),
        formulae: [formula],
      },
    });
  }
  const textColumns = (spec.textColumns ?? []).map(columnOf);
  for (let row = 2; row <= (spec.rows ?? 2000); row++) {
    for (const { column, validation } of validations)
      sheet.getCell(row, column).dataValidation = { ...validation };
    for (const column of textColumns) sheet.getCell(row, column).numFmt = '@';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
