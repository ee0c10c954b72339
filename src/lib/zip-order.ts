import { closeSync, createReadStream, openSync, readSync, fstatSync } from 'node:fs';
import { Readable } from 'node:stream';

/**
 * ExcelJS's streaming reader reads a worksheet as it inflates only if the
 * workbook, its relationships, the styles and the shared strings came
 * before it in the zip. Excel itself (and ExcelJS's writer) puts the
 * worksheets first, so ExcelJS copied each sheet's whole XML to a temporary
 * file and yielded no row before the end of the zip: for the 500,000-student
 * bench file, 314 MB written and read back, the first row after 2 s with
 * the database idle. A file or bytes in memory can be read in any order: the
 * zip's central directory gives each entry's place, and the reader gets the
 * same entries, byte for byte, with the worksheets last. Anything unusual
 * (zip64, no directory, entries out of place) is passed on unchanged, to be
 * read, or refused, as before.
 */

/** `[start, end)` in the file. */
interface ByteRange {
  start: number;
  end: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** End-of-central-directory record: 22 bytes and a comment of up to 65,535. */
const EOCD_MAX = 22 + 0xffff;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * The file's byte ranges in the order to read them: every entry but the
 * worksheets, then the worksheets, then the central directory; null when
 * the zip is not plainly laid out (the caller reads it as it is).
 */
export function worksheetsLastOrder(
  size: number,
  read: (start: number, end: number) => Buffer,
): ByteRange[] | null {
  if (size < 22) return null;
  const tailStart = Math.max(0, size - EOCD_MAX);
  const tail = read(tailStart, size);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const entries = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryStart = tail.readUInt32LE(eocd + 16);
  // zip64 marks (0xffff, 0xffffffff) or a directory that does not fit: read as it is.
  if (entries === 0xffff || directoryStart === 0xffffffff) return null;
  if (directoryStart + directorySize > tailStart + eocd) return null;
  const directory = read(directoryStart, directoryStart + directorySize);
  const found: { offset: number; sheet: boolean }[] = [];
  let p = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_SIGNATURE) return null;
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    const offset = directory.readUInt32LE(p + 42);
    if (offset === 0xffffffff || p + 46 + nameLength > directory.length) return null;
    const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
    found.push({ offset, sheet: WORKSHEET.test(name) });
    p += 46 + nameLength + extraLength + commentLength;
  }
  found.sort((a, b) => a.offset - b.offset);
  // The entries must tile the file from its start up to the directory, each at a local header.
  if (!found.length || found[0]!.offset !== 0) return null;
  const ranges = found.map((e, i) => ({
    start: e.offset,
    end: i + 1 < found.length ? found[i + 1]!.offset : directoryStart,
    sheet: e.sheet,
  }));
  for (const r of ranges) {
    if (r.end <= r.start) return null;
    if (read(r.start, r.start + 4).readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
  }
  return [
    ...ranges.filter((r) => !r.sheet),
    ...ranges.filter((r) => r.sheet),
    { start: directoryStart, end: size },
  ].map(({ start, end }) => ({ start, end }));
}

/** A workbook's bytes for ExcelJS, and whether its worksheets come last. */
export interface WorkbookSource {
  stream: Readable;
  worksheetsLast: boolean;
}

/** A workbook file, worksheets last when its layout allows it (see above). */
export function workbookFileSource(path: string): WorkbookSource {
  let order: ByteRange[] | null = null;
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const handle = fd;
    order = worksheetsLastOrder(fstatSync(handle).size, (start, end) => {
      const bytes = Buffer.alloc(end - start);
      readSync(handle, bytes, 0, bytes.length, start);
      return bytes;
    });
  } catch {
    order = null; // unreadable here: the plain stream reports it
  } finally {
    if (fd !== null) closeSync(fd);
  }
  if (!order) return { stream: createReadStream(path), worksheetsLast: false };
  const ranges = order;
  const stream = Readable.from(
    (async function* () {
      for (const { start, end } of ranges)
        for await (const chunk of createReadStream(path, { start, end: end - 1 }))
          yield chunk as Buffer;
    })(),
    { objectMode: false },
  );
  return { stream, worksheetsLast: true };
}

/** Workbook bytes in memory, worksheets last when the layout allows it (see above). */
export function workbookBytesSource(bytes: Buffer): WorkbookSource {
  const order = worksheetsLastOrder(bytes.length, (start, end) => bytes.subarray(start, end));
  return {
    stream: Readable.from(
      order ? order.map(({ start, end }) => bytes.subarray(start, end)) : [bytes],
      { objectMode: false },
    ),
    worksheetsLast: order !== null,
  };
}
