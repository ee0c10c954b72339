import { closeSync, createReadStream, openSync, readSync, fstatSync } from 'node:fs';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';

/**
 * ExcelJS's streaming reader reads a worksheet as it inflates only if the
 * workbook, its relationships, the styles and the shared strings came
 * before it in the zip. Excel itself (and ExcelJS's writer) puts the
 * worksheets first, so ExcelJS copied each sheet's whole XML to a temporary
 * file and yielded no row before the end of the zip: for the 500,000-student
 * bench file, 314 MB written and read back, the first row after 2 s with
 * the database idle. A file or bytes in memory can be read in any order: the
 * zip's central directory gives each entry's place, and the reader gets the
 * same entries, byte for byte, with the worksheets last (and without the
 * parts it would only inflate to throw away, see readByExcelJs, and the
 * worksheets after the first tab). Anything
 * unusual (zip64, no directory, entries out of place) has no layout: the
 * reader (xlsx.ts) refuses it, as it could not bound what it inflates.
 */

/** `[start, end)` in the file. */
interface ByteRange {
  start: number;
  end: number;
}

/** One entry as the central directory describes it. */
export interface ZipEntryInfo {
  name: string;
  /** Local header's place in the file. */
  offset: number;
  /** Declared sizes (not to be trusted: the reader counts what really inflates). */
  compressedSize: number;
  size: number;
  /** 0 stored, 8 deflated. */
  method: number;
}

/** A zip as its central directory describes it, and the reading order for ExcelJS. */
export interface ZipLayout {
  /** Every entry, in directory order. */
  entries: ZipEntryInfo[];
  /** The parts ExcelJS's streaming reader reads (see READ_BY_EXCELJS). */
  read: ZipEntryInfo[];
  /** The byte ranges to hand to the reader: those parts, worksheets last, then the directory. */
  order: ByteRange[];
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** End-of-central-directory record: 22 bytes and a comment of up to 65,535. */
const EOCD_MAX = 22 + 0xffff;
/** A worksheet as ExcelJS 4.4's WorkbookReader reads it (its own test is unanchored: any other path is left out). */
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const READ_BY_EXCELJS = new Set([
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
]);
/**
 * Whether ExcelJS's streaming reader reads this part (with hyperlinks
 * ignored). Every other part (theme, properties, pictures, comments,
 * printer settings, `_rels/.rels`) it would inflate only to throw away: it
 * is left out of the bytes it is handed, so that nothing inflates that no
 * code of ours counts.
 */
const readByExcelJs = (name: string) => READ_BY_EXCELJS.has(name) || WORKSHEET.test(name);

function endOfDirectory(size: number, read: (start: number, end: number) => Buffer) {
  if (size < 22) return null;
  const tailStart = Math.max(0, size - EOCD_MAX);
  const tail = read(tailStart, size);
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) return { tail, tailStart, eocd: i };
  return null;
}

/**
 * The zip's layout, or null when it is not plainly laid out: no directory,
 * zip64, bytes before the first entry, entries out of place (the caller
 * refuses it).
 */
export function zipLayout(
  size: number,
  read: (start: number, end: number) => Buffer,
): ZipLayout | null {
  const found = endOfDirectory(size, read);
  if (!found) return null;
  const { tail, tailStart, eocd } = found;
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryStart = tail.readUInt32LE(eocd + 16);
  // zip64 marks (0xffff, 0xffffffff) or a directory that does not fit.
  if (count === 0xffff || directoryStart === 0xffffffff) return null;
  if (directoryStart + directorySize > tailStart + eocd) return null;
  const directory = read(directoryStart, directoryStart + directorySize);
  const entries: ZipEntryInfo[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_SIGNATURE) return null;
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    const offset = directory.readUInt32LE(p + 42);
    const compressedSize = directory.readUInt32LE(p + 20);
    const uncompressedSize = directory.readUInt32LE(p + 24);
    if (offset === 0xffffffff || compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)
      return null;
    if (p + 46 + nameLength > directory.length) return null;
    entries.push({
      name: directory.toString('utf8', p + 46, p + 46 + nameLength),
      offset,
      compressedSize,
      size: uncompressedSize,
      method: directory.readUInt16LE(p + 10),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  // The entries must tile the file from its start up to the directory, each at a local header.
  if (!sorted.length || sorted[0]!.offset !== 0) return null;
  const ranges = sorted.map((e, i) => ({
    start: e.offset,
    end: i + 1 < sorted.length ? sorted[i + 1]!.offset : directoryStart,
    entry: e,
  }));
  for (const r of ranges) {
    if (r.end <= r.start) return null;
    if (read(r.start, r.start + 4).readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
  }
  const sheet = (r: (typeof ranges)[number]) => WORKSHEET.test(r.entry.name);
  // Only the first tab is read: the other worksheets are left out too, when the workbook names it.
  const firstTab = firstTabPart(entries, read);
  const kept = ranges.filter(
    (r) => readByExcelJs(r.entry.name) && (!firstTab || !sheet(r) || r.entry.name === firstTab),
  );
  return {
    entries,
    read: kept.map((r) => r.entry),
    order: [
      ...kept.filter((r) => !sheet(r)),
      ...kept.filter(sheet),
      { start: directoryStart, end: size },
    ].map(({ start, end }) => ({ start, end })),
  };
}

/** Largest workbook.xml or relationships part read here to find the first tab. */
const SMALL_PART_BYTES = 4 * 1024 * 1024;

/** A small part's text, or null (absent, too large, unreadable). */
function smallPart(
  entries: ZipEntryInfo[],
  name: string,
  read: (start: number, end: number) => Buffer,
): string | null {
  const entry = entries.find((e) => e.name === name);
  if (!entry || entry.size > SMALL_PART_BYTES) return null;
  try {
    const header = read(entry.offset, entry.offset + 30);
    const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = read(start, start + entry.compressedSize);
    if (entry.method === 0) return data.toString('utf8');
    if (entry.method !== 8) return null;
    // Bounded: a part that inflates past what it declares throws here.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * The zip path of the workbook's first tab (xl/workbook.xml's first
 * `<sheet>`, through its relationship), or null when it cannot be told.
 */
function firstTabPart(
  entries: ZipEntryInfo[],
  read: (start: number, end: number) => Buffer,
): string | null {
  const workbook = smallPart(entries, 'xl/workbook.xml', read);
  const rels = workbook && smallPart(entries, 'xl/_rels/workbook.xml.rels', read);
  if (!workbook || !rels) return null;
  const sheetTag = /<(?:\w+:)?sheet\s[^>]*>/.exec(workbook)?.[0];
  const id = sheetTag && /\s(?:\w+:)?id\s*=\s*["']([^"']+)["']/.exec(sheetTag)?.[1];
  if (!id) return null;
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
    if (/\sId\s*=\s*["']([^"']+)["']/.exec(tag)?.[1] !== id) continue;
    const target = /\sTarget\s*=\s*["']([^"']+)["']/.exec(tag)?.[1];
    if (!target) return null;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    return WORKSHEET.test(path) ? path : null;
  }
  return null;
}

/**
 * The file's byte ranges in the order to read them (see zipLayout); null
 * when the zip is not plainly laid out.
 */
export function worksheetsLastOrder(
  size: number,
  read: (start: number, end: number) => Buffer,
): ByteRange[] | null {
  return zipLayout(size, read)?.order ?? null;
}

/** A workbook's bytes for ExcelJS, in reading order, and its layout. */
export interface WorkbookSource {
  stream: Readable;
  layout: ZipLayout;
}

/** A workbook file laid out for ExcelJS; null when its layout does not allow it (see above). */
export function workbookFileSource(path: string): WorkbookSource | null {
  let layout: ZipLayout | null = null;
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const handle = fd;
    layout = zipLayout(fstatSync(handle).size, (start, end) => {
      const bytes = Buffer.alloc(end - start);
      readSync(handle, bytes, 0, bytes.length, start);
      return bytes;
    });
  } catch {
    layout = null; // unreadable here: refused as such
  } finally {
    if (fd !== null) closeSync(fd);
  }
  if (!layout) return null;
  const ranges = layout.order;
  const stream = Readable.from(
    (async function* () {
      for (const { start, end } of ranges)
        for await (const chunk of createReadStream(path, { start, end: end - 1 }))
          yield chunk as Buffer;
    })(),
    { objectMode: false },
  );
  return { stream, layout };
}

/** Workbook bytes in memory laid out for ExcelJS; null when the layout does not allow it (see above). */
export function workbookBytesSource(bytes: Buffer): WorkbookSource | null {
  const layout = zipLayout(bytes.length, (start, end) => bytes.subarray(start, end));
  if (!layout) return null;
  return {
    stream: Readable.from(
      layout.order.map(({ start, end }) => bytes.subarray(start, end)),
      { objectMode: false },
    ),
    layout,
  };
}
