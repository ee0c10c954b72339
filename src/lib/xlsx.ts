import { createReadStream, statSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { searchKey } from './vietnamese.ts';

/**
 * Reading the spreadsheets schools already keep. Streamed (ExcelJS
 * WorkbookReader), first worksheet only, headers in row 1 matched ignoring
 * case, surrounding spaces and Vietnamese diacritics.
 */

export class UnreadableWorkbookError extends Error {}

/** The largest upload accepted, documented in the README. */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

export const headerKey = (header: string): string => searchKey(header).replace(/\s+/g, ' ');

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  rowNumber: number;
  /** Cell text by header key; absent or blank cells are missing. */
  values: Map<string, string>;
  /** Cells whose content could not be read as plain data (formula without a value, error). */
  problems: { header: string; message: string }[];
}

export interface SheetHeader {
  /** Column number (1-based) → header key. */
  columns: Map<number, string>;
  /** Original header text by key. */
  labels: Map<string, string>;
  /** Header keys no field uses, as written in the file. */
  unknown: string[];
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Plain text of a cell value; dates as dd/mm/yyyy. `null` for blank. */
export function cellText(value: ExcelJS.CellValue): { text: string | null; problem?: string } {
  if (value === null || value === undefined) return { text: null };
  if (typeof value === 'string') return { text: value.trim() || null };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    // Excel dates carry no zone: read the calendar day in UTC.
    return {
      text: `${pad2(value.getUTCDate())}/${pad2(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`,
    };
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return {
        text:
          value.richText
            .map((r) => r.text)
            .join('')
            .trim() || null,
      };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      if (
        result === undefined ||
        result === null ||
        (typeof result === 'object' && 'error' in result)
      )
        return {
          text: null,
          problem:
            'ô chứa công thức chưa có giá trị: hãy dán giá trị (Paste Values) thay cho công thức',
        };
      return cellText(result);
    }
    if ('error' in value) return { text: null, problem: `ô chứa lỗi Excel ${String(value.error)}` };
    if ('text' in value && typeof value.text === 'string')
      return { text: value.text.trim() || null };
  }
  return { text: JSON.stringify(value) };
}

/**
 * Streams the rows of the first worksheet. Calls `onHeader` once with the
 * header row, then yields data rows (empty rows skipped). Throws
 * UnreadableWorkbookError when the input is not an xlsx workbook.
 */
export async function* readFirstSheet(
  input: string | Readable,
  knownHeaders: readonly string[],
  onHeader: (header: SheetHeader) => void,
): AsyncGenerator<SheetRow> {
  if (typeof input === 'string') {
    let size: number;
    try {
      size = statSync(input).size;
    } catch {
      throw new UnreadableWorkbookError(`Không mở được tệp ${input}.`);
    }
    if (size > MAX_WORKBOOK_BYTES)
      throw new UnreadableWorkbookError(
        `Tệp quá lớn (${(size / 1e6).toFixed(0)} MB); giới hạn là ${MAX_WORKBOOK_BYTES / 1e6} MB.`,
      );
  }
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  const known = new Set(knownHeaders.map(headerKey));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  let header: SheetHeader | null = null;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const cells = row.values as ExcelJS.CellValue[];
        if (!header) {
          header = { columns: new Map(), labels: new Map(), unknown: [] };
          cells.forEach((cell, column) => {
            const text = cellText(cell).text;
            if (!text) return;
            const key = headerKey(text);
            if (known.has(key)) {
              header!.columns.set(column, key);
              header!.labels.set(key, text);
            } else header!.unknown.push(text);
          });
          onHeader(header);
          continue;
        }
        const values = new Map<string, string>();
        const problems: SheetRow['problems'] = [];
        cells.forEach((cell, column) => {
          const key = header!.columns.get(column);
          if (!key) return;
          const { text, problem } = cellText(cell);
          if (problem) problems.push({ header: header!.labels.get(key) ?? key, message: problem });
          if (text !== null) values.set(key, text.normalize('NFC'));
        });
        if (values.size === 0 && problems.length === 0) continue;
        yield { rowNumber: row.number, values, problems };
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw error;
    throw new UnreadableWorkbookError(
      `Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!header)
    throw new UnreadableWorkbookError('Bảng tính không có trang tính hoặc không có dòng tiêu đề.');
}

/** Writes rows to an xlsx file with a bold, frozen header row. */
export async function writeSimpleWorkbook(
  file: string | Writable,
  sheetName: string,
  headers: string[],
  rows: Iterable<(string | number | null)[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter(
    typeof file === 'string'
      ? { filename: file, useStyles: true }
      : { stream: file, useStyles: true },
  );
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({ header: h, width: Math.max(12, h.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
