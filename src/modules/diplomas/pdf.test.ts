import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, scopeAt, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { graduate, makeDiplomas, makeIssuerKey } from '../../../test/helpers/factories/diplomas.ts';
import { getDiploma } from './get-diploma.ts';
import { copyPdf, dataSheetPdf } from './pdf.ts';
import { findCopy } from './print-copy.ts';
import { printRegister } from './print-register.ts';
import { recordCopy } from './record-copy.ts';
import { revokeDiploma } from './revoke-diploma.ts';

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let scope: Scope;

/** Text of every page, read back from the PDF bytes. */
async function pdfText(
  bytes: Buffer,
): Promise<{ pages: number; text: string[]; landscape: boolean }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const text: string[] = [];
  let landscape = false;
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const viewport = page.getViewport({ scale: 1 });
    landscape = viewport.width > viewport.height;
    const content = await page.getTextContent();
    text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return { pages: pdf.numPages, text, landscape };
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  scope = await scopeAt(db, ids.SGD!, 'department_staff');
  await makeIssuerKey(db, ids.SGD!);
  await makeDiplomas(db, {
    authority: ids.SGD!,
    entries: Array.from({ length: 60 }, (_, i) =>
      graduate(i, {
        fullName: i === 0 ? 'Đặng Thị Ngọc Ánh' : `Trần Văn Hùng ${i}`,
        birthDate: '2008-05-01',
        birthPlace: 'Quảng Ninh',
        ethnicity: 'Tày',
        schoolName: 'Trường THPT Chuyên Hạ Long',
      }),
    ),
  });
});
afterAll(async () => close?.());

describe('printed register and data sheet', () => {
  it('prints the register A4 landscape, Vietnamese intact, with numbered pages', async () => {
    const { pages, text, landscape } = await pdfText(
      await printRegister(db, scope, { authorityId: ids.SGD! }),
    );
    expect(landscape).toBe(true);
    expect(pages).toBeGreaterThan(1);
    expect(text[0]).toContain('SỔ GỐC CẤP VĂN BẰNG');
    expect(text[0]).toContain('Đặng Thị Ngọc Ánh');
    expect(text[0]).toContain('2026/THPT/00001');
    expect(text.at(-1)).toContain(`Trang ${pages}/${pages}`);
  });

  it('prints a data sheet with the QR code', async () => {
    const [first] = await db
      .selectFrom('diploma')
      .select('id')
      .orderBy('serial_number')
      .limit(1)
      .execute();
    const d = await getDiploma(db, scope, { id: first!.id });
    const bytes = await dataSheetPdf(d, 'Sở Giáo dục và Đào tạo Thử Nghiệm');
    const { text } = await pdfText(bytes);
    expect(text[0]).toContain('Đặng Thị Ngọc Ánh');
    expect(text[0]).toContain('THPT0000001');
    expect(bytes.includes(Buffer.from('/Subtype /Image'))).toBe(true);
  });

  it('numbers certified copies in a yearly copy book and prints them; never a second original, none once revoked', async () => {
    const rows = await db
      .selectFrom('diploma')
      .select('id')
      .orderBy('serial_number')
      .limit(2)
      .execute();
    const [first, second] = rows.map((r) => r.id);
    const request = { requester: 'Đặng Thị Ngọc Ánh', copies: 2, reason: 'Mất bản chính' };
    const before = await db
      .selectFrom('diploma')
      .select((eb) => eb.fn.countAll().as('n'))
      .execute();
    // The copy just recorded: the last event of the entry's history.
    const copyOf = async (id: string, at: Date) => {
      const copied = await recordCopy(db, scope, { id, ...request }, at);
      const event = copied.history.at(-1)!;
      expect(event.kind).toBe('copy');
      return { eventId: event.id, copyNumber: event.after!.copyNumber! };
    };
    const a = await copyOf(first!, new Date('2026-12-31T16:30:00Z'));
    const b = await copyOf(second!, new Date('2026-12-31T18:00:00Z'));
    // 23:30 on 31/12 in Việt Nam is still 2026; 01:00 on 1/1 starts the 2027 book.
    expect(a.copyNumber).toBe('2026/BS/00001');
    expect(b.copyNumber).toBe('2027/BS/00001');
    const after = await db
      .selectFrom('diploma')
      .select((eb) => eb.fn.countAll().as('n'))
      .execute();
    expect(after).toEqual(before);

    const d = await getDiploma(db, scope, { id: first! });
    const copy = findCopy(d, a.eventId);
    expect(copy).toEqual({
      copyNumber: '2026/BS/00001',
      requester: 'Đặng Thị Ngọc Ánh',
      copies: 2,
      issuedOn: '2026-12-31',
    });
    const { text } = await pdfText(await copyPdf(d, copy, 'Sở Giáo dục và Đào tạo Thử Nghiệm'));
    expect(text[0]).toContain('BẢN SAO TỪ SỔ GỐC');
    expect(text[0]).toContain('2026/BS/00001');
    expect(text[0]).toContain('THPT0000001');
    expect(text[0]).toContain('Đặng Thị Ngọc Ánh');
    expect(() => findCopy(d, b.eventId)).toThrow();

    await revokeDiploma(db, scope, {
      id: second!,
      decisionNumber: '99/QĐ-SGDĐT',
      decisionDate: '2027-01-05',
      reason: 'Gian lận hồ sơ',
    });
    await expect(recordCopy(db, scope, { id: second!, ...request })).rejects.toThrow(/thu hồi/);
  });
});
