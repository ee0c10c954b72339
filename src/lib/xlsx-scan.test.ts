import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  readSharedStrings,
  scanSheetRows,
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
