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

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag, prefixes dropped (`x:r` → `r`). */
function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTRIBUTE.exec(tag))) {
    const name = m[1]!;
    const colon = name.indexOf(':');
    found[colon < 0 ? name : name.slice(colon + 1)] = decodeText(m[2] ?? m[3] ?? '');
  }
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
 * A forgiving XML tokenizer fed text piece by piece: tags and the text
 * between them, with chunk boundaries anywhere (an unfinished tag or text
 * waits for the next piece). Names lose their namespace prefix, as some
 * writers use `x:row`. Comments, processing instructions and the doctype are
 * skipped; CDATA is text.
 */
abstract class XmlScanner {
  private pending = '';

  protected abstract tag(name: string, tag: string, closing: boolean, selfClosing: boolean): void;
  protected abstract text(text: string): void;

  feed(piece: string): void {
    const buf = this.pending + piece;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) break;
      if (lt > pos) this.text(decodeText(buf.slice(pos, lt)));
      pos = lt;
      const next = buf.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        const cdata = buf.startsWith('<![CDATA[', lt);
        const close = cdata ? ']]>' : buf.startsWith('<!--', lt) ? '-->' : '>';
        const end = buf.indexOf(close, lt + 2);
        if (end < 0) break;
        if (cdata) this.text(buf.slice(lt + 9, end));
        pos = end + close.length;
        continue;
      }
      const gt = buf.indexOf('>', lt);
      if (gt < 0) break;
      pos = gt + 1;
      if (next === 63 /* ? */) continue;
      const closing = next === 47; /* / */
      let start = closing ? lt + 2 : lt + 1;
      let end = start;
      for (; end < gt; end++) {
        const c = buf.charCodeAt(end);
        if (c === 32 || c === 47 || c === 10 || c === 13 || c === 9) break;
        if (c === 58 /* : */) start = end + 1;
      }
      this.tag(
        buf.slice(start, end),
        buf.slice(lt, gt + 1),
        closing,
        buf.charCodeAt(gt - 1) === 47,
      );
    }
    // Text before an unfinished tag stays pending too: it is only complete at the next '<'.
    this.pending = buf.slice(pos);
  }
}

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

  protected tag(name: string, tag: string, closing: boolean, selfClosing: boolean): void {
    switch (name) {
      case 'c':
        if (!closing) this.openCell(tag);
        if (closing || selfClosing) this.closeCell();
        return;
      case 'v':
      case 'f':
        if (!this.inCell) return;
        if (!closing) {
          if (name === 'v') this.value ??= '';
          else this.formula ??= '';
          this.capture = selfClosing ? null : name;
        } else this.capture = null;
        return;
      case 't':
        if (!this.inCell || this.phonetic) return;
        if (!closing) {
          this.inline ??= '';
          this.capture = selfClosing ? null : 't';
        } else this.capture = null;
        return;
      case 'rPh':
        // Phonetic guide runs (East Asian readings) are not part of the text.
        if (!selfClosing) this.phonetic += closing ? -1 : 1;
        return;
      case 'row':
        if (!closing) {
          const a = attributes(tag);
          const rowNumber = a.r ? Number(a.r) : this.lastRow + 1;
          this.lastRow = rowNumber;
          this.column = 0;
          if (a.hidden === '1' || a.hidden === 'true') this.layout.hiddenRows.add(rowNumber);
          this.row = { rowNumber, cells: [] };
        }
        if ((closing || selfClosing) && this.row) {
          this.ready.push(this.row);
          this.row = null;
        }
        return;
      case 'mergeCell': {
        if (closing) return;
        const ref = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(attributes(tag).ref ?? '');
        if (ref)
          this.layout.mergedRanges.push({
            ref: ref[0],
            top: Number(ref[2]),
            bottom: Number(ref[4]),
            left: columnOf(ref[1]!),
            right: columnOf(ref[3]!),
          });
        return;
      }
      default:
        return;
    }
  }

  protected text(text: string): void {
    if (this.capture === 'v') this.value += text;
    else if (this.capture === 'f') this.formula += text;
    else if (this.capture === 't') this.inline += text;
  }

  private openCell(tag: string): void {
    const a = attributes(tag);
    const column = a.r ? columnOf(a.r) : 0;
    this.column = column > 0 ? column : this.column + 1;
    this.type = a.t ?? 'n';
    this.style = a.s ? Number(a.s) : 0;
    this.inCell = true;
    this.value = this.formula = this.inline = null;
    this.capture = null;
  }

  private closeCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    this.capture = null;
    if (!this.row) return;
    const result = this.typed(this.value);
    let value: ScannedValue;
    if (this.formula !== null)
      value = result === null ? { formula: this.formula } : { formula: this.formula, result };
    else if (this.type === 'inlineStr')
      value = this.inline ?? result; // some writers use <v>
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
  private capture = false;
  private phonetic = 0;

  protected tag(name: string, _tag: string, closing: boolean, selfClosing: boolean): void {
    if (name === 'si') {
      if (!closing) this.current = '';
      if ((closing || selfClosing) && this.current !== null) {
        this.strings.push(this.current);
        this.current = null;
      }
    } else if (name === 'rPh') {
      if (!selfClosing) this.phonetic += closing ? -1 : 1;
    } else if (name === 't' && this.current !== null && !this.phonetic)
      this.capture = !closing && !selfClosing;
  }

  protected text(text: string): void {
    if (this.capture) this.current += text;
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
}

/** Reads a shared strings table (xl/sharedStrings.xml) into plain strings. */
export async function readSharedStrings(chunks: AsyncIterable<Buffer | string>): Promise<string[]> {
  const scanner = new SharedStringsScanner();
  for await (const piece of decoded(chunks)) scanner.feed(piece);
  return scanner.strings;
}
