import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { UnreadableWorkbookError } from './xlsx-scan.ts';
import { zipLayout, type ZipEntryInfo, type ZipLayout } from './zip-order.ts';

/**
 * What one uploaded workbook may cost to inflate (issue #11: a 1.46 MB file
 * whose shared strings inflated to 500 MB took 1.9 GB of memory; four at once
 * killed the server). The zip's central directory is checked first (entry
 * count, declared sizes), then every byte that really inflates is counted as
 * it streams, since the declared sizes are the attacker's to write.
 */

/**
 * Inflated bytes allowed per byte of the file. Real workbooks inflate 4–10
 * times (the 100,000-row bench list 6.6 times, with or without shared
 * strings); a bomb hundreds of times (the 340 and 1,000).
 */
export const MAX_INFLATE_RATIO = 50;
/** Inflated bytes allowed whatever the file's size: 1 GiB, 2.5 times a list at the 600,000-row limit. */
export const MAX_INFLATED_BYTES = 1024 ** 3;
/**
 * Allowed to any file however small, so that a tiny file of very repetitive
 * XML (a blank template with thousands of styled rows) is not refused for its
 * ratio: 16 MiB costs nothing.
 */
export const MIN_INFLATED_ALLOWANCE = 16 * 1024 ** 2;
/**
 * Inflated bytes allowed in each part ExcelJS parses into objects (workbook,
 * its relationships, styles): real ones are kilobytes, a few megabytes for a
 * workbook with thousands of styles.
 */
export const MAX_PART_INFLATED_BYTES = 32 * 1024 ** 2;
/**
 * Entries allowed in the zip. A workbook has 10 to 50 parts; one with a
 * hundred sheets, each with its drawing, comments and relationships, a few
 * hundred. 10,000 leaves room for any real workbook and bounds the directory.
 */
export const MAX_ZIP_ENTRIES = 10_000;
/**
 * Worksheets handed to ExcelJS when the workbook does not say which is the
 * first tab (else only that one is, see zip-order.ts): each costs about
 * 2 ms of ExcelJS's zip reading even empty, so 5,000 took 9 s.
 */
export const MAX_WORKSHEETS_READ = 1_000;

const mb = (bytes: number) => (bytes / 1e6).toLocaleString('vi-VN', { maximumFractionDigits: 0 });

const hostile = (what: string) =>
  new UnreadableWorkbookError(
    `Tệp không được nhận: ${what}. Bảng tính thông thường không như vậy (tệp có thể bị hỏng hoặc được tạo để làm quá tải máy chủ); hãy mở tệp bằng Excel, kiểm tra và lưu lại, hoặc chia danh sách thành nhiều tệp.`,
  );

/** Inflated bytes a file of this size may give in all (see the constants above). */
export function inflateBudget(fileSize: number): number {
  return Math.min(
    MAX_INFLATED_BYTES,
    Math.max(MIN_INFLATED_ALLOWANCE, MAX_INFLATE_RATIO * fileSize),
  );
}

const budgetText = (fileSize: number) =>
  `${mb(inflateBudget(fileSize))} MB (${MAX_INFLATE_RATIO} lần kích thước tệp, tối đa ${mb(MAX_INFLATED_BYTES)} MB)`;

/** The most one part may inflate to: its declared size, the part cap, the whole budget. */
function partLimit(entry: ZipEntryInfo, budget: number): number {
  const parsedByExcelJs = /^xl\/(workbook\.xml|styles\.xml|_rels\/workbook\.xml\.rels)$/.test(
    entry.name,
  );
  return Math.min(entry.size, parsedByExcelJs ? MAX_PART_INFLATED_BYTES : budget);
}

/**
 * The layout's directory checked against the limits, before anything
 * inflates: entry count, each part's and all parts' declared sizes. Throws
 * UnreadableWorkbookError.
 */
export function checkDeclared(layout: ZipLayout, fileSize: number): void {
  if (layout.entries.length > MAX_ZIP_ENTRIES)
    throw hostile(
      `tệp nén có ${layout.entries.length.toLocaleString('vi-VN')} mục, giới hạn là ${MAX_ZIP_ENTRIES.toLocaleString('vi-VN')}`,
    );
  const names = new Set<string>();
  let worksheets = 0;
  for (const { name } of layout.read) {
    // A package's part names are unique (ECMA-376 Part 2, §9.1.1.1): a second one is no workbook's.
    if (names.has(name)) throw hostile(`phần "${name}" có hai lần trong tệp nén`);
    names.add(name);
    if (name.startsWith('xl/worksheets/') && ++worksheets > MAX_WORKSHEETS_READ)
      throw hostile(
        `tệp có hơn ${MAX_WORKSHEETS_READ.toLocaleString('vi-VN')} trang tính mà không cho biết trang đầu tiên`,
      );
  }
  const budget = inflateBudget(fileSize);
  let total = 0;
  for (const entry of layout.read) {
    if (entry.method !== 0 && entry.method !== 8)
      throw new UnreadableWorkbookError(
        `Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): phần "${entry.name}" nén theo cách không hỗ trợ (mã ${entry.method}).`,
      );
    total += entry.size;
    const stated = `phần "${entry.name}" khai báo giải nén ra ${mb(entry.size)} MB`;
    if (entry.size > partLimit({ ...entry, size: Infinity }, budget))
      throw hostile(`${stated}, quá giới hạn`);
    if (total > budget) throw hostile(`tệp khai báo giải nén ra hơn ${budgetText(fileSize)}`);
  }
}

/**
 * Counts what really inflates, part by part, against the declared sizes
 * and the budget; `signal` stops the reading when the request is gone.
 */
export class InflateMeter {
  private total = 0;
  private readonly budget: number;
  private readonly byName = new Map<string, ZipEntryInfo>();

  constructor(
    layout: ZipLayout,
    private readonly fileSize: number,
    private readonly signal?: AbortSignal,
  ) {
    this.budget = inflateBudget(fileSize);
    for (const entry of layout.read) {
      const seen = this.byName.get(entry.name);
      if (!seen || seen.size < entry.size) this.byName.set(entry.name, entry);
    }
  }

  /** The chunks of part `name`, counted; throws once over a limit or when aborted. */
  async *count<T extends Buffer | string>(
    name: string,
    chunks: AsyncIterable<T>,
  ): AsyncGenerator<T> {
    const entry = this.byName.get(name);
    // ExcelJS only hands on parts it was given, all in the layout; anything else is refused.
    if (!entry) throw hostile(`phần "${name}" không có trong mục lục của tệp nén`);
    const limit = partLimit(entry, this.budget);
    let seen = 0;
    for await (const chunk of chunks) {
      this.signal?.throwIfAborted();
      const n = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      seen += n;
      this.total += n;
      if (seen > limit)
        throw hostile(
          seen > entry.size
            ? `phần "${name}" giải nén ra hơn ${mb(entry.size)} MB mà tệp khai báo`
            : `phần "${name}" giải nén ra hơn ${mb(limit)} MB`,
        );
      if (this.total > this.budget)
        throw hostile(`tệp giải nén ra hơn ${budgetText(this.fileSize)}`);
      yield chunk;
    }
  }
}

/**
 * For readers that inflate the whole workbook at once (ExcelJS's
 * `workbook.xlsx.load`): every entry inflated here first, output counted and
 * thrown away, so that a lying directory is caught before anything is kept.
 * Throws UnreadableWorkbookError.
 */
export async function assertInflatable(bytes: Buffer, signal?: AbortSignal): Promise<void> {
  const layout: ZipLayout | null = zipLayout(bytes.length, (s, e) => bytes.subarray(s, e));
  if (!layout) throw unlaidOut();
  const all = { ...layout, read: layout.entries };
  checkDeclared(all, bytes.length);
  const meter = new InflateMeter(all, bytes.length, signal);
  for (const entry of layout.entries) {
    const nameLength = bytes.readUInt16LE(entry.offset + 26);
    const extraLength = bytes.readUInt16LE(entry.offset + 28);
    const start = entry.offset + 30 + nameLength + extraLength;
    const data = bytes.subarray(start, start + entry.compressedSize);
    const inflated =
      entry.method === 0 ? Readable.from([data]) : Readable.from([data]).pipe(createInflateRaw());
    try {
      for await (const chunk of meter.count(entry.name, inflated as AsyncIterable<Buffer>))
        void chunk;
    } catch (error) {
      inflated.destroy();
      if (error instanceof UnreadableWorkbookError || signal?.aborted) throw error;
      throw new UnreadableWorkbookError(
        `Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): phần "${entry.name}" hỏng (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }
}

/** For a zip without a plain layout (see zipLayout). */
export const unlaidOut = () =>
  new UnreadableWorkbookError(
    'Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): không tìm thấy mục lục của tệp nén, hoặc tệp nén theo dạng không hỗ trợ (tệp hỏng, bị cắt ngang, zip64 hay tệp tự giải nén). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.',
  );
