import { createReadStream, statSync } from 'node:fs';
import { Transform, type Readable, type Writable } from 'node:stream';
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
  /** Worksheet name as the tab shows it. */
  sheetName?: string;
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

/** A number format that shows a date (d, m, y tokens outside quotes and brackets). */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) || /m/i.test(bare.replace(/[hs]+:?m+|m+:?s+/gi, ''));
}

/**
 * A formula's cached result keeps its cell's date format: the streaming
 * reader hands back the bare serial number, which would read as "45123".
 */
function dateResult(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const value = cell.value;
  if (
    value &&
    typeof value === 'object' &&
    'formula' in value &&
    typeof value.result === 'number' &&
    isDateFormat(cell.numFmt)
  ) {
    // Excel serial day 25569 is 1970-01-01 (1900 date system).
    return { ...value, result: new Date(Math.round((value.result - 25569) * 86400) * 1000) };
  }
  return value;
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
}

/**
 * Facts about the sheet's layout that the streamed cell values do not show.
 * Filled while reading: a row's hidden mark is known when the row is
 * yielded; merged ranges (written after the rows) once all rows are read.
 */
export interface SheetLayout {
  /** Worksheet name as the tab shows it. */
  sheetName: string;
  /** Rows marked hidden (hidden by hand or by a filter), 1-based. */
  hiddenRows: Set<number>;
  /** Merged ranges, e.g. "B2:B30". */
  mergedRanges: { ref: string; top: number; bottom: number; left: number; right: number }[];
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

const columnNumber = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Watches the worksheet XML as it streams past the ExcelJS reader for what
 * that reader drops: the `hidden` attribute of rows and the merged ranges.
 * It also hands the reader text decoded across chunk boundaries: ExcelJS
 * 4.4 decodes each chunk on its own, so a Vietnamese letter split between
 * two chunks came out as "N��" in large files.
 */
async function* watchLayout(
  chunks: AsyncIterable<Buffer | string>,
  layout: SheetLayout,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  const tag = /<(row|mergeCell)\b[^>]*>/g;
  for await (const chunk of chunks) {
    const decoded = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const text = carry + decoded;
    tag.lastIndex = 0;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while ((match = tag.exec(text))) {
      consumed = tag.lastIndex;
      const t = match[0];
      if (match[1] === 'row') {
        if (/\shidden="(1|true)"/.test(t)) {
          const r = /\sr="(\d+)"/.exec(t);
          if (r) layout.hiddenRows.add(Number(r[1]));
        }
      } else {
        const ref = /\sref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/i.exec(t);
        if (ref)
          layout.mergedRanges.push({
            ref: `${ref[1]}${ref[2]}:${ref[3]}${ref[4]}`,
            top: Number(ref[2]),
            bottom: Number(ref[4]),
            left: columnNumber(ref[1]!),
            right: columnNumber(ref[3]!),
          });
      }
    }
    // Keep an unfinished tag for the next chunk.
    const open = text.lastIndexOf('<');
    carry = open >= consumed && text.indexOf('>', open) < 0 ? text.slice(open) : '';
    yield decoded;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Re-chunks a byte stream so no UTF-8 character is split between chunks (see watchLayout). */
function utf8Aligned(input: Readable): Readable {
  let tail: Buffer = Buffer.alloc(0);
  const aligned = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const bytes = tail.length ? Buffer.concat([tail, chunk]) : chunk;
      // Back up over continuation bytes (10xxxxxx) to the start of the last character.
      let end = bytes.length;
      let i = end - 1;
      while (i >= 0 && i > end - 4 && (bytes[i]! & 0xc0) === 0x80) i--;
      if (i >= 0) {
        const lead = bytes[i]!;
        const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        if (end - i < need) end = i;
      }
      tail = bytes.subarray(end);
      done(null, bytes.subarray(0, end));
    },
    flush(done) {
      done(null, tail.length ? tail : undefined);
    },
  });
  input.on('error', (error) => aligned.destroy(error));
  return input.pipe(aligned);
}

/** Counts bytes of a streamed upload and ends it early once over the limit. */
function limitBytes(
  input: Readable,
  maxBytes: number,
): { stream: Readable; tooLarge: () => number | null } {
  let seen = 0;
  let over: number | null = null;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (over !== null) return done();
      if (seen > maxBytes) {
        over = seen;
        this.push(null);
        return done();
      }
      done(null, chunk);
    },
  });
  input.on('error', (error) => stream.destroy(error));
  input.pipe(stream);
  return { stream, tooLarge: () => over };
}

const tooLargeMessage = (bytes: number, maxBytes: number, atLeast: boolean) =>
  `Tệp quá lớn (${atLeast ? 'trên ' : ''}${(bytes / 1e6).toFixed(0)} MB); giới hạn là ${(maxBytes / 1e6).toFixed(0)} MB. Hãy chia danh sách thành nhiều tệp (ví dụ theo trường).`;

/**
 * Streams the rows of the first worksheet (first tab as the workbook lists
 * them). Calls `onHeader` once with the header row, then yields data rows
 * (empty rows skipped). `onLayout` receives the sheet's layout object at its
 * start (see SheetLayout for when it is complete). Throws UnreadableWorkbookError
 * when the input is not an xlsx workbook, is over `limits.maxBytes`, or has
 * more than `limits.maxRows` data rows (it stops there, reading no further).
 */
export async function* readFirstSheet(
  input: string | Readable,
  knownHeaders: readonly string[],
  onHeader: (header: SheetHeader) => void,
  limits: SheetLimits = {},
  onLayout?: (layout: SheetLayout) => void,
): AsyncGenerator<SheetRow> {
  const maxBytes = limits.maxBytes ?? MAX_WORKBOOK_BYTES;
  const maxRows = limits.maxRows ?? MAX_SHEET_ROWS;
  if (typeof input === 'string') {
    let size: number;
    try {
      size = statSync(input).size;
    } catch {
      throw new UnreadableWorkbookError(`Không mở được tệp ${input}.`);
    }
    if (size > maxBytes) throw new UnreadableWorkbookError(tooLargeMessage(size, maxBytes, false));
  }
  const source = typeof input === 'string' ? createReadStream(input) : input;
  const limited = limitBytes(source, maxBytes);
  const known = new Set(knownHeaders.map(headerKey));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(limited.stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  // Same chunk-boundary decoding fault in the shared strings (ExcelJS 4.4, pinned).
  const internals = reader as unknown as {
    _parseSharedStrings: (entry: Readable) => AsyncGenerator<unknown>;
  };
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseSharedStrings = (entry) => parseSharedStrings(utf8Aligned(entry));
  let header: SheetHeader | null = null;
  let dataRows = 0;
  const tooLarge = () => {
    const bytes = limited.tooLarge();
    if (bytes !== null) throw new UnreadableWorkbookError(tooLargeMessage(bytes, maxBytes, true));
  };
  try {
    for await (const worksheet of reader) {
      // Zip order need not be tab order: skip any sheet before the first tab.
      const sheetName = (worksheet as unknown as { name: string }).name;
      const sheets = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model
        ?.sheets;
      const first = sheets?.[0]?.name;
      if (first !== undefined && sheetName !== first) continue;
      const layout: SheetLayout = { sheetName, hiddenRows: new Set(), mergedRanges: [] };
      onLayout?.(layout);
      const raw = worksheet as unknown as { iterator: AsyncIterable<Buffer | string> };
      raw.iterator = watchLayout(raw.iterator, layout);
      for await (const row of worksheet) {
        const cells = row.values as ExcelJS.CellValue[];
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
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const key = header!.columns.get(column);
          if (!key) return;
          const { text, problem } = cellText(dateResult(cell));
          if (problem) problems.push({ header: header!.labels.get(key) ?? key, message: problem });
          if (text !== null) values.set(key, text.normalize('NFC'));
        });
        if (values.size === 0 && problems.length === 0) continue;
        if (++dataRows > maxRows)
          throw new UnreadableWorkbookError(
            `Trang tính "${sheetName}" có hơn ${maxRows.toLocaleString('vi-VN')} dòng dữ liệu (dừng đọc ở dòng ${row.number.toLocaleString('vi-VN')}): giới hạn mỗi tệp là ${maxRows.toLocaleString('vi-VN')} dòng. Hãy chia danh sách thành nhiều tệp (ví dụ theo trường).`,
          );
        yield { rowNumber: row.number, values, problems };
      }
      tooLarge();
      break; // the first worksheet only
    }
    tooLarge();
  } catch (error) {
    tooLarge();
    if (error instanceof UnreadableWorkbookError) throw error;
    throw new UnreadableWorkbookError(
      `Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    // Stopping early (row limit, error) must not leave the file open.
    source.destroy();
    limited.stream.destroy();
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
