/**
 * The hot loop of reading a sheet: the worksheet XML (and the shared strings
 * table) scanned into cell values by hand. ExcelJS's WorkbookReader still
 * streams the file (zip, workbook, relationships, styles); only its per-cell
 * path (a SAX event and a Row and Cell object per cell) is replaced, because
 * it took 5 s of every 100,000 rows (measured, bench/registry.ts), more than
 * writing them to PostgreSQL. Values come out as ExcelJS shapes, so the
 * callers read them the same way.
 */

/** A cell's value, in the shape ExcelJS gives it. */
export type ScannedValue =
  | string
  | number
  | boolean
  | Date
  | { error: string }
  | { formula: string; result?: string | number | boolean | Date | { error: string } }
  | null;

export interface ScannedRow {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  /** Values by 1-based column; holes for absent cells. */
  cells: ScannedValue[];
}

/**
 * Facts about the sheet's layout that cell values do not show. Filled while
 * reading: a row's hidden mark is known when the row is yielded; merged
 * ranges (written after the rows) once all rows are read.
 */
export interface SheetLayout {
  /** Worksheet name as the tab shows it. */
  sheetName: string;
  /** Rows marked hidden (hidden by hand or by a filter), 1-based. */
  hiddenRows: Set<number>;
  /** Merged ranges, e.g. "B2:B30". */
  mergedRanges: { ref: string; top: number; bottom: number; left: number; right: number }[];
}

export interface SheetLookups {
  /** The shared strings table (readSharedStrings); absent when the workbook has none. */
  sharedStrings?: readonly string[];
  /** Whether cells of this style id show a date. */
  isDateStyle: (styleId: number) => boolean;
  /** Workbook uses the 1904 date system (old Mac Excel). */
  date1904: boolean;
}

/** A number format that shows a date (d, m, y tokens outside quotes and brackets). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) || /m/i.test(bare.replace(/[hs]+:?m+|m+:?s+/gi, ''));
}

/** Excel serial day → Date (25569 is 1970-01-01 in the 1900 system; 1904 starts 1462 days later). */
export const excelSerialToDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML's own escape for characters XML cannot carry (ECMA-376 ST_Xstring), e.g. _x000D_. */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function decodeText(raw: string): string {
  let text = raw;
  if (text.includes('&'))
    text = text.replace(ENTITY, (_m, e: string) =>
      e.charCodeAt(0) === 35
        ? String.fromCodePoint(
            e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
          )
        : NAMED[e]!,
    );
  if (text.includes('_x'))
    text = text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return text;
}

const isXmlSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Each attribute of the start tag `buf[from, to)`, in order: its name's
 * place in `buf` (any namespace prefix dropped: `x:r` is `r`) and its value,
 * read in place. A province's list has 6 million cell tags, so no regex and
 * no object per tag.
 */
function eachAttribute(
  buf: string,
  from: number,
  to: number,
  visit: (nameStart: number, nameEnd: number, value: string) => void,
): void {
  let i = from;
  for (;;) {
    const eq = buf.indexOf('=', i);
    if (eq < 0 || eq >= to) return;
    let nameEnd = eq;
    while (nameEnd > i && isXmlSpace(buf.charCodeAt(nameEnd - 1))) nameEnd--;
    let nameStart = nameEnd;
    while (nameStart > i && !isXmlSpace(buf.charCodeAt(nameStart - 1))) {
      if (buf.charCodeAt(nameStart - 1) === 58 /* : */) break; // the prefix is dropped
      nameStart--;
    }
    let open = eq + 1;
    while (open < to && isXmlSpace(buf.charCodeAt(open))) open++;
    const quote = buf.charCodeAt(open);
    if (quote !== 34 /* " */ && quote !== 39 /* ' */) return;
    const close = buf.indexOf(quote === 34 ? '"' : "'", open + 1);
    if (close < 0 || close >= to) return;
    visit(nameStart, nameEnd, decodeText(buf.slice(open + 1, close)));
    i = close + 1;
  }
}

/** The value of attribute `name` in the start tag `buf[from, to)` (see eachAttribute). */
function attribute(buf: string, from: number, to: number, name: string): string | undefined {
  let found: string | undefined;
  eachAttribute(buf, from, to, (nameStart, nameEnd, value) => {
    if (
      found === undefined &&
      nameEnd - nameStart === name.length &&
      buf.startsWith(name, nameStart)
    )
      found = value;
  });
  return found;
}

/** "AB12" → 28; 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    n = n * 26 + code - 96;
  }
  return n;
}

/**
 * Thrown when a workbook cannot be read, or is refused (limits, a hostile
 * file); its message, in Vietnamese, is shown to the user as it is.
 */
export class UnreadableWorkbookError extends Error {}

/**
 * The longest cell (a `<v>`, a formula, an inline or a shared string) and the
 * longest tag, in characters. Excel itself stops a cell at 32,767; 1 Mi
 * leaves room for other writers and bounds what one cell can cost: text with
 * no end (the 128 MB of spaces) is refused there, not carried along.
 */
export const MAX_CELL_CHARS = 1024 * 1024;

/**
 * Excel's own grid (ECMA-376 §18.3.1.73, Excel specifications and limits):
 * 1,048,576 rows by 16,384 columns (XFD). A reference beyond it is no real
 * sheet's, and bounding it bounds the row's cell array and the hidden rows.
 */
export const MAX_SHEET_ROW_NUMBER = 1_048_576;
export const MAX_SHEET_COLUMN = 16_384;

/** Most merged ranges in a sheet: a list has a few, a report a few thousand. */
export const MAX_MERGED_RANGES = 100_000;

/**
 * The shared strings table, held whole in memory for the sheet's lookups:
 * at most this many strings and this many characters in all. The
 * 100,000-row bench list (shared strings written) has 344,279 strings and
 * 7 million characters, so a list at the 600,000-row limit about 2.1 million
 * and 42 million; the caps leave twice that and more, and stop a table that
 * would fill the memory before it is built.
 */
export const MAX_SHARED_STRINGS = 4_000_000;
export const MAX_SHARED_STRING_CHARS = 100_000_000;

const count = (n: number) => n.toLocaleString('vi-VN');

/** "AB" for 28. */
function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const tooLongTag = () =>
  new UnreadableWorkbookError(
    `Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): một thẻ XML dài hơn ${count(MAX_CELL_CHARS)} ký tự; đây không phải bảng tính thông thường. Hãy mở tệp bằng Excel và lưu lại.`,
  );

/**
 * A forgiving XML tokenizer fed text piece by piece: tags and the text
 * between them, with chunk boundaries anywhere (an unfinished tag waits for
 * the next piece). Names lose their namespace prefix, as some writers use
 * `x:row`. Comments, processing instructions and the doctype are skipped;
 * CDATA is text. A tag is handed on as positions in the buffer, not as
 * strings (a 500,000-row sheet has 40 million tags).
 *
 * Linear in the input, whatever it holds: text goes to the scanner as it
 * arrives, raw (entities are decoded once the value is whole, so one split
 * between pieces is harmless), or is dropped when no value is being read;
 * only an unfinished tag is carried to the next piece, its end searched for
 * in the new text only, and a tag longer than MAX_CELL_CHARS is an error.
 * (Carrying text and searching again from its start made a sheet of 128 MB
 * of spaces take 360 s.)
 */
abstract class XmlScanner {
  /** An unfinished tag (from its '<'), or ''. */
  private pending = '';
  /** How far into `pending` its end has been searched for already. */
  private searched = 0;

  /**
   * A tag whose name (prefix dropped) is `buf[nameStart, nameEnd)` and whose
   * attributes lie in `buf[nameEnd, gt)`.
   */
  protected abstract tag(
    buf: string,
    nameStart: number,
    nameEnd: number,
    gt: number,
    closing: boolean,
    selfClosing: boolean,
  ): void;
  /** Whether the text at this point is kept (`text` is then called with it). */
  protected abstract wantsText(): boolean;
  /** Raw text, entities not decoded (CDATA's escaped, so decoding gives it back). */
  protected abstract text(text: string): void;

  feed(piece: string): void {
    const buf = this.pending ? this.pending + piece : piece;
    // Positions below `resume` belong to the carried tag and were searched already.
    const resume = this.searched;
    this.pending = '';
    this.searched = 0;
    let pos = 0;
    // How far the carried tag's end has been searched for (nothing, for a bare '<!' opener).
    let searchedTo = buf.length;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      const textEnd = lt < 0 ? buf.length : lt;
      if (textEnd > pos && this.wantsText()) this.text(buf.slice(pos, textEnd));
      if (lt < 0) return;
      pos = lt;
      const next = buf.charCodeAt(lt + 1);
      let end: number;
      let close = '>';
      if (next === 33 /* ! */) {
        // Until the second character is there, '<!' could start any of the three.
        if (lt + 9 > buf.length && !buf.startsWith('<!--', lt)) {
          searchedTo = lt;
          break;
        }
        const cdata = buf.startsWith('<![CDATA[', lt);
        close = cdata ? ']]>' : buf.startsWith('<!--', lt) ? '-->' : '>';
        end = buf.indexOf(close, Math.max(lt + 2, resume - close.length + 1));
        if (end < 0) break;
        if (cdata && this.wantsText()) this.text(buf.slice(lt + 9, end).replaceAll('&', '&amp;'));
        pos = end + close.length;
        continue;
      }
      end = buf.indexOf('>', Math.max(lt, resume));
      if (end < 0) break;
      pos = end + 1;
      if (next === 63 /* ? */) continue;
      const closing = next === 47; /* / */
      let start = closing ? lt + 2 : lt + 1;
      let nameEnd = start;
      for (; nameEnd < end; nameEnd++) {
        const c = buf.charCodeAt(nameEnd);
        if (c === 32 || c === 47 || c === 10 || c === 13 || c === 9) break;
        if (c === 58 /* : */) start = nameEnd + 1;
      }
      this.tag(buf, start, nameEnd, end, closing, buf.charCodeAt(end - 1) === 47);
    }
    // An unfinished tag: carried over, bounded.
    if (buf.length - pos > MAX_CELL_CHARS) throw tooLongTag();
    this.pending = buf.slice(pos);
    this.searched = searchedTo - pos;
  }

  /** At the end of the input: an unfinished tag is dropped, as before. */
  end(): void {
    this.pending = '';
  }
}

/** Whether `buf[start, end)` is the tag name `name`. */
const isName = (buf: string, start: number, end: number, name: string): boolean =>
  end - start === name.length && buf.startsWith(name, start);

/** Rows of one worksheet's XML. */
class SheetScanner extends XmlScanner {
  readonly ready: ScannedRow[] = [];
  private row: ScannedRow | null = null;
  private lastRow = 0;
  private column = 0;
  private type = '';
  private style = 0;
  private inCell = false;
  private capture: 'v' | 'f' | 't' | null = null;
  private value: string | null = null;
  private formula: string | null = null;
  private inline: string | null = null;
  private phonetic = 0;

  constructor(
    private readonly lookups: SheetLookups,
    private readonly layout: SheetLayout,
  ) {
    super();
  }

  protected tag(
    buf: string,
    start: number,
    end: number,
    gt: number,
    closing: boolean,
    selfClosing: boolean,
  ): void {
    const first = buf.charCodeAt(start);
    if (end - start === 1) {
      if (first === 99 /* c */) {
        if (!closing) this.openCell(buf, end, gt);
        if (closing || selfClosing) this.closeCell();
      } else if (first === 118 /* v */ || first === 102 /* f */) {
        if (!this.inCell) return;
        if (!closing) {
          if (first === 118) this.value ??= '';
          else this.formula ??= '';
          this.capture = selfClosing ? null : first === 118 ? 'v' : 'f';
        } else this.capture = null;
      } else if (first === 116 /* t */) {
        if (!this.inCell || this.phonetic) return;
        if (!closing) {
          this.inline ??= '';
          this.capture = selfClosing ? null : 't';
        } else this.capture = null;
      }
    } else if (isName(buf, start, end, 'row')) {
      if (!closing) {
        const r = attribute(buf, end, gt, 'r');
        const rowNumber = r ? Number(r) : this.lastRow + 1;
        if (!(rowNumber >= 1 && rowNumber <= MAX_SHEET_ROW_NUMBER))
          throw new UnreadableWorkbookError(
            `Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): dòng số "${r ?? rowNumber}" nằm ngoài bảng tính Excel (tối đa ${count(MAX_SHEET_ROW_NUMBER)} dòng).`,
          );
        this.lastRow = rowNumber;
        this.column = 0;
        const hidden = attribute(buf, end, gt, 'hidden');
        if (hidden === '1' || hidden === 'true') this.layout.hiddenRows.add(rowNumber);
        this.row = { rowNumber, cells: [] };
      }
      if ((closing || selfClosing) && this.row) {
        this.ready.push(this.row);
        this.row = null;
      }
    } else if (isName(buf, start, end, 'rPh')) {
      // Phonetic guide runs (East Asian readings) are not part of the text.
      if (!selfClosing) this.phonetic += closing ? -1 : 1;
    } else if (!closing && isName(buf, start, end, 'mergeCell')) {
      const ref = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(attribute(buf, end, gt, 'ref') ?? '');
      if (ref && this.layout.mergedRanges.length >= MAX_MERGED_RANGES)
        throw new UnreadableWorkbookError(
          `Trang tính có hơn ${count(MAX_MERGED_RANGES)} vùng ô gộp; đây không phải danh sách thông thường. Hãy bỏ gộp ô (Unmerge) rồi lưu lại.`,
        );
      if (ref)
        this.layout.mergedRanges.push({
          ref: ref[0],
          top: Number(ref[2]),
          bottom: Number(ref[4]),
          left: columnOf(ref[1]!),
          right: columnOf(ref[3]!),
        });
    }
  }

  protected wantsText(): boolean {
    return this.capture !== null;
  }

  protected text(text: string): void {
    const held =
      this.capture === 'v' ? this.value : this.capture === 'f' ? this.formula : this.inline;
    if ((held?.length ?? 0) + text.length > MAX_CELL_CHARS)
      throw new UnreadableWorkbookError(
        `Ô ${columnName(this.column)}${this.lastRow} dài hơn ${count(MAX_CELL_CHARS)} ký tự (Excel cho tối đa 32.767 ký tự mỗi ô); đây không phải bảng tính thông thường. Hãy kiểm tra ô đó trong Excel và lưu lại.`,
      );
    if (this.capture === 'v') this.value += text;
    else if (this.capture === 'f') this.formula += text;
    else if (this.capture === 't') this.inline += text;
  }

  private openCell(buf: string, from: number, to: number): void {
    // `<c r="B7" s="3" t="s">`: one pass over the tag for its three attributes.
    let r: string | undefined;
    let t: string | undefined;
    let s: string | undefined;
    eachAttribute(buf, from, to, (nameStart, nameEnd, value) => {
      if (nameEnd - nameStart !== 1) return;
      const name = buf.charCodeAt(nameStart);
      if (name === 114 /* r */) r = value;
      else if (name === 116 /* t */) t = value;
      else if (name === 115 /* s */) s = value;
    });
    const column = r ? columnOf(r) : 0;
    this.column = column > 0 ? column : this.column + 1;
    if (this.column > MAX_SHEET_COLUMN)
      throw new UnreadableWorkbookError(
        `Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): dòng ${this.lastRow} có ô ở cột thứ ${count(this.column)}, ngoài bảng tính Excel (tối đa ${count(MAX_SHEET_COLUMN)} cột, đến XFD).`,
      );
    this.type = t ?? 'n';
    this.style = s ? Number(s) : 0;
    this.inCell = true;
    this.value = this.formula = this.inline = null;
    this.capture = null;
  }

  private closeCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    this.capture = null;
    if (!this.row) return;
    // Held raw (XmlScanner): decoded once whole.
    const result = this.typed(this.value === null ? null : decodeText(this.value));
    let value: ScannedValue;
    if (this.formula !== null) {
      const formula = decodeText(this.formula);
      value = result === null ? { formula } : { formula, result };
    } else if (this.type === 'inlineStr')
      value = this.inline === null ? result : decodeText(this.inline); // some writers use <v>
    else value = result;
    if (value !== null) this.row.cells[this.column] = value;
  }

  /** The cell's `<v>` read by its type: shared string, text, boolean, error, ISO date or number. */
  private typed(v: string | null): Exclude<ScannedValue, { formula: string }> {
    if (v === null) return null;
    switch (this.type) {
      case 's': {
        const shared = this.lookups.sharedStrings?.[Number(v)];
        if (shared === undefined) return { error: `chuỗi dùng chung số ${v} không có trong tệp` };
        return shared;
      }
      case 'str':
      case 'inlineStr':
        return v;
      case 'b':
        return Number(v) !== 0;
      case 'e':
        return { error: v };
      case 'd': {
        const date = new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
        return Number.isNaN(date.getTime()) ? v : date;
      }
      default: {
        const n = Number(v);
        if (v.trim() === '' || Number.isNaN(n)) return v;
        return this.lookups.isDateStyle(this.style)
          ? excelSerialToDate(n, this.lookups.date1904)
          : n;
      }
    }
  }
}

/** The shared strings table: each `<si>`'s text runs joined (phonetic runs left out). */
class SharedStringsScanner extends XmlScanner {
  readonly strings: string[] = [];
  private current: string | null = null;
  /** Characters of the table so far (raw, as held). */
  private chars = 0;
  private capture = false;
  private phonetic = 0;

  protected tag(
    buf: string,
    start: number,
    end: number,
    gt: number,
    closing: boolean,
    selfClosing: boolean,
  ): void {
    if (isName(buf, start, end, 'si')) {
      if (!closing) this.current = '';
      if ((closing || selfClosing) && this.current !== null) {
        if (this.strings.length >= MAX_SHARED_STRINGS) throw tooManySharedStrings();
        this.strings.push(decodeText(this.current));
        this.current = null;
      }
    } else if (!closing && isName(buf, start, end, 'sst')) {
      // The declared size is checked at once (a lie is caught as the strings come).
      const declared = Number(attribute(buf, end, gt, 'uniqueCount') ?? 0);
      if (declared > MAX_SHARED_STRINGS) throw tooManySharedStrings();
    } else if (isName(buf, start, end, 'rPh')) {
      if (!selfClosing) this.phonetic += closing ? -1 : 1;
    } else if (isName(buf, start, end, 't') && this.current !== null && !this.phonetic)
      this.capture = !closing && !selfClosing;
  }

  protected wantsText(): boolean {
    return this.capture;
  }

  protected text(text: string): void {
    this.chars += text.length;
    if (this.chars > MAX_SHARED_STRING_CHARS)
      throw new UnreadableWorkbookError(
        `Bảng chuỗi dùng chung (xl/sharedStrings.xml) của tệp dài hơn ${count(MAX_SHARED_STRING_CHARS)} ký tự. Đây không phải bảng tính thông thường: hãy chia danh sách thành nhiều tệp hoặc mở bằng Excel và lưu lại.`,
      );
    if (this.current!.length + text.length > MAX_CELL_CHARS)
      throw new UnreadableWorkbookError(
        `Chuỗi dùng chung số ${count(this.strings.length)} (xl/sharedStrings.xml) dài hơn ${count(MAX_CELL_CHARS)} ký tự (Excel cho tối đa 32.767 ký tự mỗi ô); đây không phải bảng tính thông thường. Hãy mở tệp bằng Excel và lưu lại.`,
      );
    this.current += text;
  }
}

async function* decoded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  // One decoder across chunks: a Vietnamese letter may be split between two.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks)
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Streams the rows of a worksheet's XML, filling `layout` as it goes. */
export async function* scanSheetRows(
  chunks: AsyncIterable<Buffer | string>,
  lookups: SheetLookups,
  layout: SheetLayout,
): AsyncGenerator<ScannedRow> {
  const scanner = new SheetScanner(lookups, layout);
  for await (const piece of decoded(chunks)) {
    scanner.feed(piece);
    if (scanner.ready.length) yield* scanner.ready.splice(0);
  }
  scanner.end();
}

const tooManySharedStrings = () =>
  new UnreadableWorkbookError(
    `Bảng chuỗi dùng chung (xl/sharedStrings.xml) của tệp có hơn ${count(MAX_SHARED_STRINGS)} chuỗi. Đây không phải bảng tính thông thường: hãy chia danh sách thành nhiều tệp hoặc mở bằng Excel và lưu lại.`,
  );

/** Reads a shared strings table (xl/sharedStrings.xml) into plain strings. */
export async function readSharedStrings(chunks: AsyncIterable<Buffer | string>): Promise<string[]> {
  const scanner = new SharedStringsScanner();
  for await (const piece of decoded(chunks)) scanner.feed(piece);
  scanner.end();
  return scanner.strings;
}
