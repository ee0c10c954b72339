import { statSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs.ts';
import { controlCharCell } from './control-chars.ts';
import { searchKey } from './vietnamese.ts';
import { checkDeclared, InflateMeter, unlaidOut } from './xlsx-limits.ts';
import {
  isDateFormat,
  readSharedStrings,
  scanSheetRows,
  UnreadableWorkbookError,
  type ScannedValue,
  type SheetLayout,
} from './xlsx-scan.ts';
import { workbookBytesSource, workbookFileSource, type WorkbookSource } from './zip-order.ts';

export type { SheetLayout } from './xlsx-scan.ts';

/**
 * Reading the spreadsheets schools already keep. Streamed (ExcelJS
 * WorkbookReader; the cells themselves by xlsx-scan.ts), first worksheet
 * only, headers in row 1 matched ignoring case, surrounding spaces and
 * Vietnamese diacritics.
 */

export { UnreadableWorkbookError } from './xlsx-scan.ts';

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
  /** Worksheet name as the tab shows it. */
  sheetName?: string;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Plain text of a cell value; dates as dd/mm/yyyy. `null` for blank. */
export function cellText(value: ExcelJS.CellValue | ScannedValue): {
  text: string | null;
  problem?: string;
} {
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
      if (result && typeof result === 'object' && 'error' in result)
        return {
          text: null,
          problem: `ô chứa công thức cho lỗi ${String(result.error)}: hãy sửa công thức hoặc dán giá trị (Paste Values)`,
        };
      if (result === undefined || result === null)
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
 * The most data rows one file may hold, documented in the README: a whole
 * province's list (the benchmark imports 500,000) fits; beyond it the reader
 * stops at once, before the rest of the sheet is read, and asks for the file
 * to be split (by school, for instance).
 */
export const MAX_SHEET_ROWS = 600_000;

export interface SheetLimits {
  /** Largest file in bytes (default MAX_WORKBOOK_BYTES). */
  maxBytes?: number;
  /** Most non-empty data rows (default MAX_SHEET_ROWS). */
  maxRows?: number;
  /**
   * Stops the reading (its reason is thrown) when aborted: the request that
   * uploaded the file is gone. Not for a worker's data (it cannot be copied).
   */
  signal?: AbortSignal;
}

/** A hidden row (by hand or by a filter) is neither imported nor skipped silently: the clerk decides. */
export const HIDDEN_ROW_MESSAGE =
  'Dòng này đang bị ẩn (ẩn tay hoặc do bộ lọc): hãy bỏ ẩn nếu cần nhập, hoặc xoá dòng, rồi nhập lại.';

/**
 * Merged cells keep their value in the top cell only: the rows below would
 * silently lose it, so every merge across data rows is an error at its top
 * row, named by the first known column it covers.
 */
export function mergeErrors(
  layout: SheetLayout | null,
  header: SheetHeader | null,
): { row: number; column: string | null; message: string }[] {
  const errors: { row: number; column: string | null; message: string }[] = [];
  for (const m of layout?.mergedRanges ?? []) {
    if (m.bottom <= m.top || m.bottom < 2) continue;
    let column: string | null = null;
    for (let c = m.left; c <= m.right && !column; c++) {
      const key = header?.columns.get(c);
      if (key) column = header?.labels.get(key) ?? key;
    }
    errors.push({
      row: Math.max(2, m.top),
      column,
      message: `Ô gộp ${m.ref} trải qua nhiều dòng: hãy bỏ gộp ô (Unmerge) và điền giá trị cho từng dòng.`,
    });
  }
  return errors;
}

/** An upload stream's bytes, refused once over `maxBytes` (nothing more is read). */
async function collect(input: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let seen = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      seen += bytes.length;
      if (seen > maxBytes) throw new UnreadableWorkbookError(tooLargeMessage(seen, maxBytes, true));
      chunks.push(bytes);
    }
  } finally {
    input.destroy();
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

const tooLargeMessage = (bytes: number, maxBytes: number, atLeast: boolean) =>
  `Tệp quá lớn (${atLeast ? 'trên ' : ''}${(bytes / 1e6).toFixed(0)} MB); giới hạn là ${(maxBytes / 1e6).toFixed(0)} MB. Hãy chia danh sách thành nhiều tệp (ví dụ theo trường).`;

/**
 * Streams the rows of the first worksheet (first tab as the workbook lists
 * them). Calls `onHeader` once with the header row, then yields data rows
 * (empty rows skipped). `onLayout` receives the sheet's layout object at its
 * start (see SheetLayout for when it is complete). Throws UnreadableWorkbookError
 * when the input is not an xlsx workbook, is over `limits.maxBytes`, has
 * more than `limits.maxRows` data rows (it stops there, reading no further),
 * or would inflate past the limits of xlsx-limits.ts and xlsx-scan.ts (a
 * zip or XML bomb: refused before it fills the memory). A stream is read
 * into memory first (at most `maxBytes`): the zip's directory, at its end,
 * is needed before anything inflates.
 */
export async function* readFirstSheet(
  input: string | Buffer | Readable,
  knownHeaders: readonly string[],
  onHeader: (header: SheetHeader) => void,
  limits: SheetLimits = {},
  onLayout?: (layout: SheetLayout) => void,
): AsyncGenerator<SheetRow> {
  const maxBytes = limits.maxBytes ?? MAX_WORKBOOK_BYTES;
  const maxRows = limits.maxRows ?? MAX_SHEET_ROWS;
  const signal = limits.signal;
  let size: number;
  if (typeof input === 'string') {
    try {
      size = statSync(input).size;
    } catch {
      throw new UnreadableWorkbookError(`Không mở được tệp ${input}.`);
    }
  } else {
    if (!Buffer.isBuffer(input)) input = await collect(input, maxBytes);
    size = input.length;
  }
  if (size > maxBytes) throw new UnreadableWorkbookError(tooLargeMessage(size, maxBytes, false));
  // A file or bytes are handed to ExcelJS with the worksheets last (zip-order.ts).
  const laidOut: WorkbookSource | null =
    typeof input === 'string' ? workbookFileSource(input) : workbookBytesSource(input);
  if (!laidOut) throw unlaidOut();
  const { stream: source, layout } = laidOut;
  try {
    checkDeclared(layout, size);
  } catch (error) {
    source.destroy();
    throw error;
  }
  const meter = new InflateMeter(layout, size, signal);
  const known = new Set(knownHeaders.map(headerKey));
  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  // ExcelJS internals (4.4, pinned): the shared strings table and the sheet's
  // cells are read by xlsx-scan.ts, styles and the workbook by ExcelJS; every
  // part it reads goes through the meter.
  type Parse = (this: unknown, entry: Readable) => Promise<void>;
  const internals = reader as unknown as {
    _parseSharedStrings: (entry: Readable) => AsyncGenerator<never>;
    _parseRels: Parse;
    _parseWorkbook: Parse;
    _parseStyles: Parse;
    _parseWorksheet: (iterator: AsyncIterable<Buffer>, sheetNo: string) => Iterable<unknown>;
    sharedStrings?: string[];
    workbookRels?: unknown[];
    styles: { getStyleModel: (id: number) => { numFmt?: string } | null };
    properties?: { model?: { date1904?: boolean } };
    model?: { sheets?: { name: string }[] };
  };
  // ExcelJS streams a worksheet only once it holds a shared strings table and
  // the relationships (else it copies the sheet to a temporary file, which
  // nothing would count): the worksheets come last, so a workbook without
  // them (inline strings, no relationships) has none to wait for.
  internals.sharedStrings = [];
  internals.workbookRels = [];
  const counted = (parse: Parse, name: string) =>
    function (this: unknown, entry: Readable) {
      return parse.call(this, Readable.from(meter.count(name, entry as AsyncIterable<Buffer>)));
    };
  internals._parseRels = counted(internals._parseRels, 'xl/_rels/workbook.xml.rels');
  internals._parseWorkbook = counted(internals._parseWorkbook, 'xl/workbook.xml');
  internals._parseStyles = counted(internals._parseStyles, 'xl/styles.xml');
  const parseWorksheet = internals._parseWorksheet;
  internals._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(
      this,
      meter.count(`xl/worksheets/sheet${sheetNo}.xml`, iterator),
      sheetNo,
    );
  };
  internals._parseSharedStrings = async function* (entry) {
    internals.sharedStrings = await readSharedStrings(
      meter.count('xl/sharedStrings.xml', entry as AsyncIterable<Buffer>),
    );
    yield* []; // ExcelJS expects a generator of events; the table is all there is
  };
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (id: number) => {
    let date = dateStyles.get(id);
    if (date === undefined) {
      date = id > 0 && isDateFormat(internals.styles.getStyleModel(id)?.numFmt);
      dateStyles.set(id, date);
    }
    return date;
  };
  let header: SheetHeader | null = null;
  let dataRows = 0;
  try {
    for await (const worksheet of reader) {
      const raw = worksheet as unknown as { iterator: AsyncIterable<Buffer | string> };
      // Zip order need not be tab order: skip any sheet before the first tab
      // (read through, counted, rather than left to ExcelJS to inflate uncounted).
      const sheetName = (worksheet as unknown as { name: string }).name;
      const first = internals.model?.sheets?.[0]?.name;
      if (first !== undefined && sheetName !== first) {
        for await (const chunk of raw.iterator) void chunk;
        continue;
      }
      const layout: SheetLayout = { sheetName, hiddenRows: new Set(), mergedRanges: [] };
      onLayout?.(layout);
      const lookups = {
        sharedStrings: internals.sharedStrings,
        isDateStyle,
        date1904: internals.properties?.model?.date1904 === true,
      };
      for await (const row of scanSheetRows(raw.iterator, lookups, layout)) {
        const cells = row.cells;
        if (!header) {
          header = {
            columns: new Map(),
            labels: new Map(),
            unknown: [],
            sheetName,
          };
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
        for (const [column, key] of header.columns) {
          const cell = cells[column];
          if (cell === undefined) continue;
          const { text, problem } = controlCharCell(cellText(cell));
          if (problem) problems.push({ header: header.labels.get(key) ?? key, message: problem });
          if (text !== null) values.set(key, text.normalize('NFC'));
        }
        if (values.size === 0 && problems.length === 0) continue;
        if (++dataRows > maxRows)
          throw new UnreadableWorkbookError(
            `Trang tính "${sheetName}" có hơn ${maxRows.toLocaleString('vi-VN')} dòng dữ liệu (dừng đọc ở dòng ${row.rowNumber.toLocaleString('vi-VN')}): giới hạn mỗi tệp là ${maxRows.toLocaleString('vi-VN')} dòng. Hãy chia danh sách thành nhiều tệp (ví dụ theo trường).`,
          );
        yield { rowNumber: row.rowNumber, values, problems };
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof UnreadableWorkbookError) throw error;
    throw new UnreadableWorkbookError(
      `Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    // Stopping early (row limit, error) must not leave the file open.
    source.destroy();
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
  await writeSimpleSheets(file, [{ name: sheetName, headers, rows }]);
}

/** Several such sheets in one workbook, in order. */
export async function writeSimpleSheets(
  file: string | Writable,
  sheets: { name: string; headers: string[]; rows: Iterable<(string | number | null)[]> }[],
): Promise<void> {
  const workbook = new (await loadExcelJS()).stream.xlsx.WorkbookWriter(
    typeof file === 'string'
      ? { filename: file, useStyles: true }
      : { stream: file, useStyles: true },
  );
  for (const { name, headers, rows } of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = headers.map((h) => ({ header: h, width: Math.max(12, h.length + 4) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
}
