import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import { AppError } from '../../core/errors.ts';
import { createFileStore, type FileStore } from '../../core/files/store.ts';
import type { Db } from '../../db/connection.ts';
import { finishPdf, newPdf } from '../../lib/pdf.ts';
import { signIn } from '../../../test/helpers/client.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, scopeAt, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import type { Scope } from '../../core/access/scope.ts';
import { attachFile } from './attach-file.ts';
import type { ImportedIncoming } from './contract.ts';
import { EDXML_NS, parseEdxml } from './edxml.ts';
import { exportOutgoingEdxml, importIncomingEdxml } from './edxml-exchange.ts';
import { getIncoming } from './get-incoming.ts';
import { registerOutgoing } from './register-outgoing.ts';
import { saveSettings } from './save-settings.ts';
import { signComposedOutgoing } from './sign-composed.ts';

const PASSPHRASE = 'khoa-ky-van-ban-kiem-thu';
let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let files: FileStore;
const filesDir = mkdtempSync(join(tmpdir(), 'sogd-edxml-'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let leader: Scope;
let clerkA: Scope;
let clerkB: Scope;
let teacherA: Scope;
let clerkX: Scope;

async function pdfWith(text: string): Promise<Buffer> {
  const doc = newPdf({ layout: 'portrait', title: 'thử' });
  doc.fontSize(12).text(text);
  return finishPdf(doc);
}
async function refusal(work: Promise<unknown>): Promise<AppError> {
  const e = await work.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
const incomingCount = async (unit: string) =>
  Number(
    (
      await db
        .selectFrom('office_incoming')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('unit_id', '=', ids[unit]!)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A package as another platform writes it: prefixed header, a numeric type with its name. */
function foreignPackage(o: {
  to?: string;
  subject?: string | null;
  date?: string;
  attachment?: { name: string; bytes: Buffer };
  doctype?: boolean;
}): Buffer {
  const att = o.attachment;
  return Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?>
${o.doctype ? '<!DOCTYPE edXML [<!ENTITY x "y">]>' : ''}
<edXML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="${EDXML_NS}">
  <edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From>
          <edXML:OrganId>000.00.00.H37</edXML:OrganId>
          <edXML:OrganizationInCharge>Ủy ban nhân dân tỉnh Thử Nghiệm</edXML:OrganizationInCharge>
          <edXML:OrganName>Sở Nội vụ tỉnh Thử Nghiệm</edXML:OrganName>
        </edXML:From>
        <edXML:To>
          <edXML:OrganId>000.00.12.H37</edXML:OrganId>
          <edXML:OrganName>${o.to ?? 'Trường Tiểu học Kim Đồng'}</edXML:OrganName>
        </edXML:To>
        <edXML:Code>
          <edXML:CodeNumber>88</edXML:CodeNumber>
          <edXML:CodeNotation>SNV-CCVC</edXML:CodeNotation>
        </edXML:Code>
        <edXML:PromulgationInfo>
          <edXML:Place>Thử Nghiệm</edXML:Place>
          <edXML:PromulgationDate>${o.date ?? '2026/11/20'}</edXML:PromulgationDate>
        </edXML:PromulgationInfo>
        <edXML:DocumentType><edXML:Type>18</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
        ${o.subject === null ? '' : `<edXML:Subject>${o.subject ?? 'V/v tuyển dụng viên chức &amp; hợp đồng'}</edXML:Subject>`}
        <edXML:OtherInfo><edXML:Priority>1</edXML:Priority></edXML:OtherInfo>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>000.00.00.H37</edXML:OrganId><edXML:Timestamp>2026/11/20 09:15:00</edXML:Timestamp></edXML:TraceHeader></edXML:TraceHeaderList>
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest version="1.0">
        ${att ? `<edXML:Reference xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="cid:a1" xlink:type="simple"><edXML:AttachmentName>${att.name}</edXML:AttachmentName><edXML:ContentType>application/pdf</edXML:ContentType><edXML:ContentId>cid:a1</edXML:ContentId></edXML:Reference>` : ''}
      </edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  ${att ? `<AttachmentEncoded><Attachment><ContentType>application/pdf</ContentType><ContentId>a1</ContentId><ContentTransferEncoded>${att.bytes.toString('base64')}</ContentTransferEncoded><AttachmentName>${att.name}</AttachmentName></Attachment></AttachmentEncoded>` : ''}
</edXML>`,
  );
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  files = createFileStore(filesDir);
  leader = await scopeAt(db, ids.SGD!, 'department_admin');
  clerkA = await scopeAt(db, ids.THA!, 'school_staff');
  clerkB = await scopeAt(db, ids.THB!, 'school_staff');
  teacherA = await scopeAt(db, ids.THA!, 'teacher');
  clerkX = await scopeAt(db, ids.X02!, 'office_staff');
  await saveSettings(db, leader, { abbreviation: 'SGDĐT', divisions: ['VP'] });
});
afterAll(async () => {
  await close?.();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('edXML packages (issue #17 item 8)', () => {
  let xml: string;
  let outgoing: { id: string; notation: string };
  let attached: Buffer;

  it('exports a signed outgoing document with its files, and reads it back the same', async () => {
    outgoing = await registerOutgoing(db, leader, {
      type: 'KH',
      subject: 'Kế hoạch kiểm tra nội bộ năm học 2026-2027',
      draftingUnit: 'VP',
      signerName: 'Nguyễn Văn An',
      urgency: 'urgent',
      recipientIds: [ids.THA!],
      // A unit of sogd addressed by name, as an outside address: it gets the package, not a copy.
      outsideRecipients: ['Phường Đông Hải'],
    });
    attached = await pdfWith('Phụ lục kế hoạch kiểm tra.');
    await attachFile(db, leader, files, { kind: 'outgoing', id: outgoing.id }, async () => ({
      ...(await files.put(attached, { maxBytes: 50 * 1024 * 1024 })),
      fileName: 'phu-luc.pdf',
      fields: {},
    }));
    await signComposedOutgoing(db, leader, outgoing.id, {
      body: 'Kế hoạch kiểm tra nội bộ.',
      signerTitle: 'Giám đốc',
      place: 'Thử Nghiệm',
      passphrase: () => PASSPHRASE,
    });
    const exported = await exportOutgoingEdxml(db, leader, files, outgoing.id);
    xml = exported.xml;
    expect(exported.fileName).toMatch(/\.edxml$/);
    expect(xml).toContain(`xmlns="${EDXML_NS}"`);
    expect(xml).toContain('<edXML:MessageHeader>');
    expect(xml).toContain('<AttachmentEncoded>');
    const back = parseEdxml(xml, { maxBytes: 50 * 1024 * 1024 });
    const [number, notation] = [
      outgoing.notation.split('/')[0],
      outgoing.notation.slice(outgoing.notation.indexOf('/') + 1),
    ];
    expect(back).toMatchObject({
      documentId: outgoing.id,
      from: { organId: 'SGD', organName: 'Sở Giáo dục và Đào tạo Thử Nghiệm' },
      codeNumber: number,
      codeNotation: notation,
      type: 'KH',
      typeName: 'Kế hoạch',
      subject: 'Kế hoạch kiểm tra nội bộ năm học 2026-2027',
      signer: { fullName: 'Nguyễn Văn An' },
      priority: 1,
    });
    expect(back.to.map((t) => t.organName).sort()).toEqual([
      'Phường Đông Hải',
      'Trường Tiểu học Kim Đồng',
    ]);
    // The signed PDF first, then the attached file, byte for byte.
    expect(back.attachments.map((a) => a.name)).toEqual([
      expect.stringMatching(/\.signed\.pdf$/),
      'phu-luc.pdf',
    ]);
    expect(sha(back.attachments[1]!.bytes)).toBe(sha(attached));
    expect(back.attachments[0]!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('imports the package at a recipient: registered from edXML, files kept, signature verified', async () => {
    // The school received it through sogd already: the package is the same document, refused.
    const sameAtA = await refusal(
      importIncomingEdxml(db, clerkA, files, { xml: Buffer.from(xml) }),
    );
    expect(sameAtA.status).toBe(409);
    expect(sameAtA.detail).toContain(outgoing.notation);
    const before = await incomingCount('X02');
    const imported = await importIncomingEdxml(db, clerkX, files, { xml: Buffer.from(xml) });
    expect(imported.files).toBe(2);
    expect(await incomingCount('X02')).toBe(before + 1);
    const doc = await getIncoming(db, clerkX, imported.id);
    expect(doc).toMatchObject({
      notation: outgoing.notation,
      senderName: 'Sở Giáo dục và Đào tạo Thử Nghiệm',
      type: 'KH',
      subject: 'Kế hoạch kiểm tra nội bộ năm học 2026-2027',
      urgency: 'urgent',
      channel: 'edxml',
    });
    expect(doc.attachments.map((a) => a.sha256)).toContain(sha(attached));
    // The signed PDF's signature is checked as it arrives: the department's own CA, trusted.
    expect(doc.signatureChecks.map((c) => c.status)).toContain('valid');
    // Twice: the same notation from the same sender in the year, refused; nothing added.
    const again = await refusal(importIncomingEdxml(db, clerkX, files, { xml: Buffer.from(xml) }));
    expect(again.status).toBe(409);
    expect(await incomingCount('X02')).toBe(before + 1);
  });

  it("reads another platform's package: prefixes, a numeric type with its name, entities", async () => {
    const scan = await pdfWith('Công văn của Sở Nội vụ.');
    const imported = await importIncomingEdxml(db, clerkA, files, {
      xml: foreignPackage({ attachment: { name: 'cong-van-88.pdf', bytes: scan } }),
    });
    const doc = await getIncoming(db, clerkA, imported.id);
    expect(doc).toMatchObject({
      notation: '88/SNV-CCVC',
      senderName: 'Sở Nội vụ tỉnh Thử Nghiệm',
      type: 'CV',
      date: '2026-11-20',
      subject: 'V/v tuyển dụng viên chức & hợp đồng',
      urgency: 'urgent',
    });
    expect(doc.attachments.map((a) => [a.fileName, a.sha256])).toEqual([
      ['cong-van-88.pdf', sha(scan)],
    ]);
  });

  it('refuses bad packages with the reason, registering nothing', async () => {
    const before = await incomingCount('THA');
    const cases: [Buffer, RegExp][] = [
      [Buffer.from('không phải XML <a>'), /không phải XML hợp lệ \(dòng \d+, cột \d+\)/],
      [Buffer.from('<?xml version="1.0"?><goi><tin/></goi>'), /không phải gói tin edXML/],
      [
        Buffer.from(
          foreignPackage({ date: '2026/11/25' })
            .toString()
            .replace(`xmlns="${EDXML_NS}"`, 'xmlns="http://example.org/khac"'),
        ),
        /không gian tên http:\/\/example\.org\/khac/,
      ],
      [foreignPackage({ subject: null, date: '2026/11/21' }), /thiếu <Subject> \(trích yếu\)/],
      [foreignPackage({ date: '2026/02/30' }), /"2026\/02\/30" không phải ngày/],
      [foreignPackage({ date: '2099/01/02' }), /ở tương lai/],
      [foreignPackage({ doctype: true, date: '2026/11/22' }), /DOCTYPE/],
      [
        foreignPackage({ to: 'Trường THCS Nguyễn Du', date: '2026/11/23' }),
        /không phải Trường Tiểu học Kim Đồng/,
      ],
      [
        foreignPackage({
          date: '2026/11/24',
          attachment: { name: 'hong.pdf', bytes: Buffer.from('%PDF-1.4 bị cắt giữa chừng') },
        }),
        /tệp hong\.pdf/,
      ],
    ];
    for (const [xml, message] of cases) {
      const e = await refusal(importIncomingEdxml(db, clerkA, files, { xml }));
      expect(e.status, String(message)).toBe(400);
      expect(e.detail).toMatch(message);
    }
    expect(await incomingCount('THA')).toBe(before);
  });

  it('answers only within scope: a teacher may not import, another unit does not export', async () => {
    expect(
      (await refusal(importIncomingEdxml(db, teacherA, files, { xml: Buffer.from(xml) }))).status,
    ).toBe(403);
    expect((await refusal(exportOutgoingEdxml(db, clerkB, files, outgoing.id))).status).toBe(404);
  });

  it('exports and imports over HTTP (multipart upload of the package)', async () => {
    await makeUser(db, ids.SGD!, 'department_admin', 'giamdoc.http');
    await makeUser(db, ids.X01!, 'office_staff', 'vanthu.xa');
    const app: App = await buildApp({ db, webDir: null, files });
    try {
      const sgd = await signIn(app, 'giamdoc.http', 'mat-khau-rat-dai-1');
      const commune = await registerOutgoing(db, leader, {
        type: 'TB',
        subject: 'Thông báo lịch họp giao ban',
        draftingUnit: 'VP',
        recipientIds: [],
        outsideRecipients: ['Xã Hoà Bình'],
      });
      const got = await app.inject({
        method: 'GET',
        url: `/api/office/outgoing/${commune.id}/edxml`,
        headers: { cookie: sgd.cookie },
      });
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toMatch(/^application\/xml/);
      const xa = await signIn(app, 'vanthu.xa', 'mat-khau-rat-dai-1');
      const boundary = 'sogd-edxml-boundary';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tb.edxml"\r\nContent-Type: application/xml\r\n\r\n`,
        ),
        got.rawPayload,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const posted = await app.inject({
        method: 'POST',
        url: '/api/office/incoming/edxml',
        headers: {
          cookie: xa.cookie,
          'x-csrf-token': xa.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      });
      expect(posted.statusCode, posted.body).toBe(200);
      const body = posted.json<ImportedIncoming>();
      expect(body.files).toBe(0);
      const row = await db
        .selectFrom('office_incoming')
        .select(['notation', 'channel', 'unit_id'])
        .where('id', '=', body.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ notation: commune.notation, channel: 'edxml', unit_id: ids.X01 });
      const anonymous = await app.inject({ method: 'POST', url: '/api/office/incoming/edxml' });
      expect(anonymous.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
