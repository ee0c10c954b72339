import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFirstSheet } from './xlsx.ts';
import { workbookBytesSource, workbookFileSource, worksheetsLastOrder } from './zip-order.ts';

const dir = mkdtempSync(join(tmpdir(), 'sogd-zip-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The zip's entry names in file order, read from the local headers as a streaming reader meets them. */
function localNames(bytes: Buffer): string[] {
  const names: string[] = [];
  for (let p = 0; p + 30 <= bytes.length && bytes.readUInt32LE(p) === 0x04034b50;) {
    const nameLength = bytes.readUInt16LE(p + 26);
    names.push(bytes.toString('utf8', p + 30, p + 30 + nameLength));
    const next = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), p + 30 + nameLength);
    if (next < 0) break;
    p = next;
  }
  return names;
}

async function excelLikeWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Học sinh');
  ws.addRow(['Họ và tên', 'Ngày sinh']);
  for (let i = 0; i < rows; i++) ws.addRow([`Nguyễn Văn ${i}`, new Date(Date.UTC(2014, 0, 1 + i))]);
  ws.getColumn(2).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const reordered = async (bytes: Buffer) => {
  const chunks: Buffer[] = [];
  for await (const chunk of workbookBytesSource(bytes)!.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('worksheets last (zip-order.ts)', () => {
  it('moves the worksheets after the shared strings and styles, leaving out what ExcelJS ignores', async () => {
    const bytes = await excelLikeWorkbook(50);
    const before = localNames(bytes);
    // As Excel writes it: the sheet before the shared strings table.
    expect(before.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(
      before.indexOf('xl/sharedStrings.xml'),
    );
    const after = await reordered(bytes);
    expect(localNames(after).at(-1)).toBe('xl/worksheets/sheet1.xml');
    // Only the parts the streaming reader reads: nothing inflates that the reader does not count.
    const read = [
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ];
    expect([...localNames(after)].sort()).toEqual(read);
    expect(before).toEqual(expect.arrayContaining(['xl/theme/theme1.xml', 'docProps/core.xml']));
    // Only the streaming reader is handed these bytes: the central directory
    // at the end keeps the original offsets, so the entries are checked here.
    expect(after.subarray(after.length - 22).readUInt32LE(0)).toBe(0x06054b50);
  });

  it('reads a file in that order the same way, values and dates included', async () => {
    const file = join(dir, 'excel-order.xlsx');
    writeFileSync(file, await excelLikeWorkbook(3_000));
    expect(workbookFileSource(file)).not.toBeNull();
    const rows: string[][] = [];
    for await (const row of readFirstSheet(file, ['Họ và tên', 'Ngày sinh'], () => {}))
      rows.push([...row.values.values()]);
    expect(rows).toHaveLength(3_000);
    expect(rows[0]).toEqual(['Nguyễn Văn 0', '01/01/2014']);
    expect(rows[2_999]).toEqual(['Nguyễn Văn 2999', '19/03/2022']);
  });

  it('gives no layout for a file it cannot lay out plainly (the reader refuses it)', async () => {
    const bytes = await excelLikeWorkbook(5);
    const read = (b: Buffer) => (start: number, end: number) => b.subarray(start, end);
    expect(worksheetsLastOrder(bytes.length, read(bytes))).not.toBeNull();
    // Bytes before the first entry (a self-extracting stub), a cut file, not a zip at all.
    const stub = Buffer.concat([Buffer.from('MZ stub'), bytes]);
    expect(worksheetsLastOrder(stub.length, read(stub))).toBeNull();
    const cut = bytes.subarray(0, bytes.length - 30);
    expect(worksheetsLastOrder(cut.length, read(cut))).toBeNull();
    const csv = Buffer.from('Họ và tên,Ngày sinh\nA,01/01/2014\n');
    expect(worksheetsLastOrder(csv.length, read(csv))).toBeNull();
    expect(workbookBytesSource(csv)).toBeNull();
  });
});

describe('reading only what is needed (issue #11)', () => {
  it('hands on only the first tab’s worksheet, wherever it lies in the zip', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hướng dẫn').addRow(['Họ và tên']);
    wb.addWorksheet('Học sinh').addRow(['Họ và tên']);
    // The second sheet made the first tab (as moving a tab in Excel does).
    (wb.worksheets[1] as unknown as { orderNo: number }).orderNo = -1;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const sheets = localNames(await reordered(bytes)).filter((n) => n.startsWith('xl/worksheets/'));
    expect(sheets).toHaveLength(1);
    const tabs: string[] = [];
    for await (const row of readFirstSheet(bytes, ['Họ và tên'], (h) => tabs.push(h.sheetName!)))
      void row;
    expect(tabs).toEqual(['Học sinh']);
  });

  it('stops at once when the request is gone, throwing the signal’s reason', async () => {
    const controller = new AbortController();
    const gone = new Error('đã đóng kết nối');
    let rows = 0;
    const reading = (async () => {
      const bytes = await excelLikeWorkbook(20_000);
      const limits = { signal: controller.signal };
      for await (const row of readFirstSheet(bytes, ['Họ và tên'], () => {}, limits)) {
        void row;
        if (++rows === 10) controller.abort(gone);
      }
    })();
    await expect(reading).rejects.toBe(gone);
    expect(rows).toBeLessThan(20_000);
  });
});
