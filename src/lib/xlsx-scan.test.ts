import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  MAX_CELL_CHARS,
  MAX_MERGED_RANGES,
  MAX_SHARED_STRINGS,
  readSharedStrings,
  scanSheetRows,
  UnreadableWorkbookError,
  type ScannedRow,
  type SheetLayout,
  type SheetLookups,
} from './xlsx-scan.ts';

// Worksheet XML as Excel and other writers produce it: shared and inline
// strings, styles that show dates, formulas with and without cached values,
// errors, booleans, rows without `r`, prefixed names, entities and CDATA.
const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>
<x:row r="2" spans="1:6" hidden="1"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>Nguyễn </x:t></x:r><x:r><x:t xml:space="preserve">Văn A</x:t></x:r></x:is></x:c><x:c r="B2" s="1"><x:v>39083</x:v></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c></x:row>
<x:row><x:c t="str"><x:v>Trần &amp; Lê &#7841;&#x1EA1; _x000D_</x:v></x:c><x:c s="1"><x:f>DATE(2007,1,1)</x:f><x:v>39083</x:v></x:c><x:c><x:f>1/0</x:f></x:c><x:c t="e"><x:f>NA()</x:f><x:v>#N/A</x:v></x:c><x:c t='e'><x:v>#REF!</x:v></x:c></x:row>
<x:row r="7"/>
<x:row r="9"><x:c r="B9" t="inlineStr"><x:v>Lò Văn Pọm</x:v></x:c><x:c r="C9" t="d"><x:v>2010-05-31</x:v></x:c><x:c r="D9"><x:v><![CDATA[12]]></x:v></x:c><x:c r="E9" t="s"><x:v>99</x:v></x:c><x:c r="F9"/></x:row>
</x:sheetData>
<x:mergeCells count="1"><x:mergeCell ref="B2:B4"/></x:mergeCells>
</x:worksheet>`;

const lookups: SheetLookups = {
  sharedStrings: ['Họ và tên', 'Ngày sinh'],
  isDateStyle: (id) => id === 1,
  date1904: false,
};

async function scan(pieces: string[]): Promise<{ rows: ScannedRow[]; layout: SheetLayout }> {
  const layout: SheetLayout = { sheetName: 'S', hiddenRows: new Set(), mergedRanges: [] };
  const rows: ScannedRow[] = [];
  const chunks = Readable.from(pieces.map((p) => Buffer.from(p)));
  for await (const row of scanSheetRows(chunks, lookups, layout)) rows.push(row);
  return { rows, layout };
}

describe('scanSheetRows', () => {
  it('reads every kind of cell as ExcelJS shapes them', async () => {
    const { rows, layout } = await scan([SHEET]);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 7, 9]);
    expect(rows[0]!.cells[1]).toBe('Họ và tên');
    expect(rows[0]!.cells[2]).toBe('Ngày sinh');
    expect(rows[1]!.cells[1]).toBe('Nguyễn Văn A');
    expect(rows[1]!.cells[2]).toEqual(new Date('2007-01-01T00:00:00Z'));
    expect(rows[1]!.cells[3]).toBeUndefined();
    expect(rows[1]!.cells[4]).toBe(true);
    // Cells without `r` follow the previous one; entities, character references and _xHHHH_ decoded.
    expect(rows[2]!.cells[1]).toBe('Trần & Lê ạạ \r');
    expect(rows[2]!.cells[2]).toEqual({
      formula: 'DATE(2007,1,1)',
      result: new Date('2007-01-01T00:00:00Z'),
    });
    expect(rows[2]!.cells[3]).toEqual({ formula: '1/0' });
    expect(rows[2]!.cells[4]).toEqual({ formula: 'NA()', result: { error: '#N/A' } });
    expect(rows[2]!.cells[5]).toEqual({ error: '#REF!' });
    expect(rows[3]!.cells).toEqual([]);
    expect(rows[4]!.cells[2]).toBe('Lò Văn Pọm');
    expect(rows[4]!.cells[3]).toEqual(new Date('2010-05-31T00:00:00Z'));
    expect(rows[4]!.cells[4]).toBe(12);
    // A shared string index the table lacks is an error cell, not a crash.
    expect((rows[4]!.cells[5] as { error: string }).error).toContain('99');
    expect(rows[4]!.cells[6]).toBeUndefined();
    expect([...layout.hiddenRows]).toEqual([2]);
    expect(layout.mergedRanges).toEqual([{ ref: 'B2:B4', top: 2, bottom: 4, left: 2, right: 2 }]);
  });

  it('gives the same rows however the bytes are cut, even inside a letter or an entity', async () => {
    const whole = await scan([SHEET]);
    const bytes = Buffer.from(SHEET);
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const { rows, layout } = await scanBytes([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(rows, `cut at byte ${cut}`).toEqual(whole.rows);
      expect(layout).toEqual(whole.layout);
    }
    // And byte by byte.
    const single = await scanBytes([...bytes].map((b) => Buffer.from([b])));
    expect(single.rows).toEqual(whole.rows);
  });

  it('reads dates of the 1904 system', async () => {
    const layout: SheetLayout = { sheetName: 'S', hiddenRows: new Set(), mergedRanges: [] };
    const rows: ScannedRow[] = [];
    const one = Readable.from([
      '<sheetData><row r="2"><c r="A2" s="1"><v>0</v></c></row></sheetData>',
    ]);
    for await (const row of scanSheetRows(one, { ...lookups, date1904: true }, layout))
      rows.push(row);
    expect(rows[0]!.cells[1]).toEqual(new Date('1904-01-01T00:00:00Z'));
  });
});

async function scanBytes(pieces: Buffer[]): Promise<{ rows: ScannedRow[]; layout: SheetLayout }> {
  const layout: SheetLayout = { sheetName: 'S', hiddenRows: new Set(), mergedRanges: [] };
  const rows: ScannedRow[] = [];
  for await (const row of scanSheetRows(Readable.from(pieces), lookups, layout)) rows.push(row);
  return { rows, layout };
}

describe('readSharedStrings', () => {
  it('joins rich text runs, leaves out phonetic runs, keeps empty strings in place', async () => {
    const xml = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4">
<si><t>Mã trường</t></si>
<si><r><rPr><b/></rPr><t>Họ </t></r><r><t xml:space="preserve">và tên</t></r><rPh sb="0" eb="1"><t>ホ</t></rPh></si>
<si/>
<si><t>Lê &lt;Thị&gt; Hồng</t></si></sst>`;
    const bytes = Buffer.from(xml);
    const halves = Readable.from([bytes.subarray(0, 101), bytes.subarray(101)]);
    expect(await readSharedStrings(halves)).toEqual([
      'Mã trường',
      'Họ và tên',
      '',
      'Lê <Thị> Hồng',
    ]);
  });
});

/** The pieces of `head`, `fill` repeated to `bytes` in all, `tail`, as 64 KiB chunks arrive. */
function* stream(head: string, fill: string, bytes: number, tail: string): Generator<Buffer> {
  yield Buffer.from(head);
  const chunk = Buffer.from(fill.repeat(65_536 / fill.length));
  for (let sent = 0; sent < bytes; sent += chunk.length) yield chunk;
  yield Buffer.from(tail);
}

const reason = (work: Promise<unknown>) =>
  work.then(
    () => 'read',
    (e: unknown) => (e instanceof UnreadableWorkbookError ? e.message : String(e)),
  );

describe('hostile XML (issue #11: linear, bounded)', () => {
  const rowsOf = async (chunks: Iterable<Buffer>) => {
    const layout: SheetLayout = { sheetName: 'S', hiddenRows: new Set(), mergedRanges: [] };
    const rows: ScannedRow[] = [];
    for await (const row of scanSheetRows(Readable.from(chunks), lookups, layout)) rows.push(row);
    return rows;
  };

  it('reads 64 MB of text without a tag in linear time (it was quadratic: 360 s for 128 MB)', async () => {
    // Between rows, the text is not kept at all; the rows around it are read.
    const t = performance.now();
    const rows = await rowsOf(
      stream(
        '<sheetData><row r="1"><c t="inlineStr"><is><t>A</t></is></c></row>',
        ' ',
        64 * 1024 ** 2,
        '<row r="2"><c><v>7</v></c></row></sheetData>',
      ),
    );
    const seconds = (performance.now() - t) / 1000;
    expect(rows.map((r) => r.cells[1])).toEqual(['A', 7]);
    // Generous for a busy machine: 0.1–0.3 s measured; the old scanner took 28.5 s of CPU.
    expect(seconds).toBeLessThan(5);
  });

  it('refuses a cell, and a tag, longer than MAX_CELL_CHARS, without carrying it along', async () => {
    const big = MAX_CELL_CHARS + 65_536;
    const head = '<sheetData><row r="4"><c r="C4" t="str"><v>';
    expect(await reason(rowsOf(stream(head, 'a', big, '</v></c></row></sheetData>')))).toMatch(
      /^Ô C4 dài hơn 1\.048\.576 ký tự/,
    );
    // A formula and an inline string alike.
    const formula = '<sheetData><row r="2"><c r="B2"><f>';
    expect(await reason(rowsOf(stream(formula, 'x', big, '</f></c></row>')))).toMatch(/^Ô B2 dài/);
    // A tag that never ends.
    expect(await reason(rowsOf(stream('<sheetData><row r="1" x="', 'y', big, '"/>')))).toMatch(
      /một thẻ XML dài hơn 1\.048\.576 ký tự/,
    );
    // Just under the limit is read whole, and entities split across the chunks are decoded.
    const under = MAX_CELL_CHARS - 65_536;
    const pieces = [...stream(head, '&amp;', under, '</v></c></row></sheetData>')];
    const fill = pieces.slice(1, -1).reduce((n, p) => n + p.length, 0);
    const rows = await rowsOf(pieces);
    expect(rows[0]!.cells[3]).toBe('&'.repeat(fill / 5));
  });

  it('refuses references outside Excel’s grid and endless merged ranges', async () => {
    expect(await reason(rowsOf([Buffer.from('<row r="1048577"/>')]))).toMatch(/dòng số "1048577"/);
    expect(
      await reason(rowsOf([Buffer.from('<row r="1"><c r="XFE1"><v>1</v></c></row>')])),
    ).toMatch(/cột thứ 16\.385/);
    const merges = Array.from(
      { length: MAX_MERGED_RANGES + 1 },
      (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`,
    ).join('');
    expect(await reason(rowsOf([Buffer.from(`<mergeCells>${merges}</mergeCells>`)]))).toMatch(
      /hơn 100\.000 vùng ô gộp/,
    );
  });

  it('refuses a shared strings table too large to hold, before building it', async () => {
    const sst = (count: number, body: string) =>
      Readable.from([Buffer.from(`<sst uniqueCount="${count}">${body}</sst>`)]);
    expect(await reason(readSharedStrings(sst(MAX_SHARED_STRINGS + 1, '')))).toMatch(
      /có hơn 4\.000\.000 chuỗi/,
    );
    const long = stream('<sst><si><t>', 'b', MAX_CELL_CHARS + 65_536, '</t></si></sst>');
    expect(await reason(readSharedStrings(Readable.from(long)))).toMatch(
      /Chuỗi dùng chung số 0 .*dài hơn 1\.048\.576 ký tự/,
    );
  });
});
