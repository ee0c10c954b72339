import type ExcelJS from 'exceljs';

/**
 * ExcelJS, loaded on the first spreadsheet rather than at every start: with
 * its zip and stream dependencies it took about 0.18 s of a 2 s restart
 * (issue #13 item 20, CPU profile of `sogd serve`). Types come from
 * `import type ExcelJS from 'exceljs'`, which loads nothing.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
