import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../core/access/scope.ts';
import { AppError } from '../../core/errors.ts';
import { createFileStore, type FileStore } from '../../core/files/store.ts';
import type { Db } from '../../db/connection.ts';
import type { Role } from '../../db/schema.ts';
import { finishPdf, newPdf } from '../../lib/pdf.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import { assignIncoming } from './assign-incoming.ts';
import { assignmentStats } from './assignment-stats.ts';
import { annexFontName, placeAndDate } from './annex-layout.ts';
import { attachFile, type DocumentKind } from './attach-file.ts';
import { composeOutgoing } from './compose-outgoing.ts';
import { DOCX, docxText, zipEntry } from './document-files.ts';
import { getDraft } from './get-draft.ts';
import { getIncoming } from './get-incoming.ts';
import { issueOutgoing } from './issue-outgoing.ts';
import { listIncoming } from './list-incoming.ts';
import { listOutgoing } from './list-outgoing.ts';
import { numberDraft } from './number-draft.ts';
import { openAttachment } from './open-attachment.ts';
import { registerIncoming } from './register-incoming.ts';
import { registerOutgoing } from './register-outgoing.ts';
import { registerPdf } from './register-pdf.ts';
import { reportAssignment } from './report-assignment.ts';
import { addDays, todayInVietnam } from './rules.ts';
import { saveDraft } from './save-draft.ts';
import { saveSettings } from './save-settings.ts';
import { stepDraft } from './step-draft.ts';

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let files: FileStore;
const filesDir = mkdtempSync(join(tmpdir(), 'sogd-office-files-'));
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

async function userScope(unit: string, role: Role, username: string): Promise<Scope> {
  const id = await makeUser(db, ids[unit]!, role, username);
  const u = await db
    .selectFrom('orgs_unit_v')
    .select('path')
    .where('id', '=', ids[unit]!)
    .executeTakeFirstOrThrow();
  return new Scope({
    id,
    username,
    fullName: `Người dùng ${username}`,
    role,
    orgUnitId: ids[unit]!,
    orgPath: u.path,
  });
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function pdfWith(text: string, options: { userPassword?: string } = {}): Promise<Buffer> {
  if (options.userPassword) {
    const doc = new PDFDocument({ size: 'A4', userPassword: options.userPassword });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
    doc.text(text);
    doc.end();
    return done;
  }
  const doc = newPdf({ layout: 'portrait', title: 'thử' });
  doc.fontSize(12).text(text);
  return finishPdf(doc);
}
async function docxWith(text: string): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

/** Attaches bytes as an upload would: streamed into the store, then checked. */
function attach(caller: Scope, kind: DocumentKind, id: string, bytes: Buffer, fileName: string) {
  return attachFile(db, caller, files, { kind, id }, async () => ({
    ...(await files.put(bytes, { maxBytes: 50 * 1024 * 1024 })),
    fileName,
    fields: {},
  }));
}
const count = async () =>
  Number(
    (
      await db
        .selectFrom('office_attachment')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let drafter: Scope;
let reviewer: Scope;
let leader: Scope;
let clerk: Scope;
let clerkA: Scope;
let clerkB: Scope;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  files = createFileStore(filesDir);
  drafter = await userScope('SGD', 'department_staff', 'chuyenvien.sgd');
  reviewer = await userScope('SGD', 'department_staff', 'truongphong.sgd');
  leader = await userScope('SGD', 'department_admin', 'giamdoc.sgd');
  clerk = await userScope('SGD', 'office_staff', 'vanthu.sgd');
  clerkA = await userScope('THA', 'school_staff', 'vanthu.a');
  clerkB = await userScope('THB', 'school_staff', 'vanthu.b');
  await saveSettings(db, leader, { abbreviation: 'SGDĐT', divisions: ['VP'] });
});
afterAll(async () => {
  await close?.();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('files of documents', () => {
  it('keeps a scan once by checksum, searches its text and serves it only within scope', async () => {
    const incoming = await registerIncoming(db, clerkA, {
      senderName: 'Ủy ban nhân dân tỉnh',
      notation: '77/UBND-VX',
      type: 'CV',
      date: '2026-01-05',
      subject: 'Về việc rà soát',
    });
    const pdf = await pdfWith('Kế hoạch phòng chống bão lụt năm học');
    const row = await attach(clerkA, 'incoming', incoming.id, pdf, 'scan.pdf');
    expect(row).toMatchObject({
      fileName: 'scan.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
    });
    expect(await files.verify(row.sha256)).toBe(true);
    const again = await attach(clerkA, 'incoming', incoming.id, pdf, 'scan-2.pdf');
    expect(again.sha256).toBe(row.sha256);

    const detail = await getIncoming(db, clerkA, incoming.id);
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['scan.pdf', 'scan-2.pdf']);
    const opened = await openAttachment(db, clerkA, files, row.id);
    const chunks: Buffer[] = [];
    for await (const c of opened.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    // The download is in the document's access log (Annex VI).
    const logged = await db
      .selectFrom('audit_log')
      .select(['actor_name', 'entity_id'])
      .where('action', '=', 'office_download')
      .where('entity_id', '=', incoming.id)
      .execute();
    expect(logged).toEqual([{ actor_name: clerkA.actor.name, entity_id: incoming.id }]);
    // Another school does not learn the file exists.
    expect((await refusal(openAttachment(db, clerkB, files, row.id))).status).toBe(404);
    expect((await refusal(attach(clerkB, 'incoming', incoming.id, pdf, 'x.pdf'))).status).toBe(404);

    // Full-text: a word only in the file's text (without diacritics, too).
    if (hasPdftotext) {
      const found = await listIncoming(db, clerkA, { q: 'bão lụt' });
      expect(found.items.map((i) => i.id)).toEqual([incoming.id]);
      expect((await listIncoming(db, clerkA, { q: 'bao lut' })).items).toHaveLength(1);
    }
    expect((await listIncoming(db, clerkA, { q: 'động đất' })).items).toHaveLength(0);
    expect((await listIncoming(db, clerkB, { q: 'bão lụt' })).items).toHaveLength(0);
  });

  it('refuses a PDF that is not one, password-protected or broken, and a DOCX that is not one', async () => {
    const out = await registerOutgoing(db, clerk, { type: 'TB', subject: 'Thông báo thử tệp' });
    const before = await count();
    const cases: [Buffer, string, RegExp][] = [
      [Buffer.from('chỉ là chữ, không phải PDF'), 'gia.pdf', /không phải PDF, DOCX/],
      [await pdfWith('bí mật', { userPassword: 'x' }), 'khoa.pdf', /mật khẩu/],
      [(await pdfWith('bị cắt')).subarray(0, 400), 'cat.pdf', /hỏng/],
      [
        Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()),
        'bang.docx',
        /không phải văn bản Word/,
      ],
    ];
    for (const [bytes, name, message] of cases) {
      const error = await refusal(attach(clerk, 'outgoing', out.id, bytes, name));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(message);
      expect(error.message).toContain(name);
    }
    expect(await count()).toBe(before);
  });
});

describe('drafts and approval (Decree 30/2020 Art. 10–13, 15, 18)', () => {
  it('goes draft → review → leader → number → issue, to the primary schools of a commune', async () => {
    const draft = await saveDraft(db, drafter, {
      type: 'KH',
      subject: 'Kế hoạch bồi dưỡng giáo viên tiểu học',
      draftingUnit: 'VP',
      recipientGroups: [{ rootId: ids.X01!, levels: ['primary'] }],
      outsideRecipients: ['Sở Nội vụ'],
    });
    expect(draft).toMatchObject({ status: 'draft', recipientCount: 1 });
    const docx = await docxWith('Nội dung bồi dưỡng thường xuyên môn Tin học');
    const file = await attach(drafter, 'draft', draft.id, docx, 'du-thao.docx');
    expect(file.mediaType).toMatch(/wordprocessingml/);

    // The drafter may not review or approve their own draft; a return needs a comment.
    let d = await stepDraft(db, drafter, draft.id, { action: 'submit', version: draft.version });
    expect(d.status).toBe('review');
    expect(
      (await refusal(stepDraft(db, drafter, d.id, { action: 'approve', version: d.version })))
        .status,
    ).toBe(403);
    expect(
      (await refusal(stepDraft(db, reviewer, d.id, { action: 'return', version: d.version })))
        .status,
    ).toBe(400);
    d = await stepDraft(db, reviewer, d.id, {
      action: 'return',
      comment: 'Bổ sung kinh phí',
      version: d.version,
    });
    expect(d.status).toBe('returned');
    d = await stepDraft(db, drafter, d.id, { action: 'submit', version: d.version });
    d = await stepDraft(db, reviewer, d.id, { action: 'forward', version: d.version });
    expect(d.status).toBe('leader');
    // A stale version is refused (someone else acted first).
    expect(
      (await refusal(stepDraft(db, leader, d.id, { action: 'approve', version: d.version - 1 })))
        .status,
    ).toBe(409);
    // A division head cannot approve in the leader's place.
    expect(
      (await refusal(stepDraft(db, reviewer, d.id, { action: 'approve', version: d.version })))
        .status,
    ).toBe(403);
    d = await stepDraft(db, leader, d.id, {
      action: 'approve',
      comment: 'Đồng ý',
      version: d.version,
    });
    expect(d.status).toBe('approved');
    expect(d.steps.map((s) => s.action)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
      'forward',
      'approve',
    ]);

    const numbered = await numberDraft(db, clerk, d.id, d.version);
    expect(numbered.notation).toMatch(/^\d{2}\/KH-SGDĐT-VP$/);
    expect(numbered).toMatchObject({ status: 'registered', draftId: d.id, recipients: 0 });
    expect(numbered.attachments.map((a) => a.sha256)).toEqual([file.sha256]);
    expect((await refusal(numberDraft(db, clerk, d.id, d.version))).status).toBe(409);

    const issued = await issueOutgoing(db, clerk, numbered.id);
    expect(issued.status).toBe('released');
    const names = issued.recipientList.map((r) => r.unit?.code ?? r.outsideName).sort();
    expect(names).toEqual(['Sở Nội vụ', 'THA']);
    expect((await refusal(issueOutgoing(db, clerk, numbered.id))).status).toBe(409);
    expect((await getDraft(db, drafter, d.id)).status).toBe('issued');

    // The primary school reads the sender's file; the lower-secondary one got nothing.
    const copy = (await listIncoming(db, clerkA, { q: 'bồi dưỡng giáo viên' })).items[0]!;
    const seen = await getIncoming(db, clerkA, copy.id);
    expect(seen.attachments.map((a) => a.fileName)).toEqual(['du-thao.docx']);
    const download = await openAttachment(db, clerkA, files, seen.attachments[0]!.id);
    expect(download.sha256).toBe(file.sha256);
    expect((await listIncoming(db, clerkB, { q: 'bồi dưỡng' })).items).toHaveLength(0);
    // The DOCX's text is searched in the sender's register.
    const hits = await listOutgoing(db, clerk, { q: 'thường xuyên môn Tin học' });
    expect(hits.items.map((h) => h.id)).toEqual([numbered.id]);
  });

  it("refuses a recipient group outside the sender's tree", async () => {
    const error = await refusal(
      saveDraft(db, await userScope('THA', 'teacher', 'giaovien.a'), {
        type: 'CV',
        subject: 'Gửi nhầm',
        recipientGroups: [{ rootId: ids.X02! }],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain('X02');
  });
});

describe('register PDFs (A4 landscape)', () => {
  it.skipIf(!hasPdftotext)(
    'prints the outgoing register with its columns, read back by pdftotext',
    async () => {
      const pdf = await registerPdf(db, clerk, { kind: 'outgoing' });
      const text = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).stdout.toString();
      expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
      expect(text).toContain('Số, ký hiệu');
      expect(text).toMatch(/\/KH-SGDĐT-VP/);
      const info = spawnSync('pdfinfo', ['-'], { input: pdf }).stdout.toString();
      expect(info).toMatch(/Page size:\s+841\.89 x 595\.28/);
      const incoming = spawnSync('pdftotext', ['-', '-'], {
        input: await registerPdf(db, clerkA, { kind: 'incoming' }),
      }).stdout.toString();
      expect(incoming).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
      expect(incoming).toContain('77/UBND-VX');
    },
  );
});

describe('task statistics (issue #17 item 7)', () => {
  it('counts on-time, late and overdue handling by unit and month, for the unit and those below', async () => {
    const leaderA = await userScope('THA', 'school_admin', 'hieutruong.a');
    const deadline = todayInVietnam();
    const assigned: string[] = [];
    for (const n of [1, 2, 3]) {
      const doc = await registerIncoming(db, clerkA, {
        senderName: 'Phòng Văn hoá - Xã hội',
        notation: `${n}/VHXH`,
        type: 'CV',
        date: todayInVietnam(),
        subject: `Việc số ${n}`,
      });
      const detail = await assignIncoming(db, leaderA, doc.id, {
        leadUserId: clerkA.user.id,
        instruction: 'Xử lý',
        deadline,
      });
      assigned.push(detail.assignments[0]!.id);
    }
    await reportAssignment(db, clerkA, assigned[0]!, { done: true, result: 'Xong' });
    await reportAssignment(db, clerkA, assigned[1]!, { done: true, result: 'Xong muộn' });
    // The second was finished after its deadline, the third is overdue (dates moved back).
    await writeTransaction(db, systemActor('kiểm thử thống kê'), async (tx) => {
      await tx
        .updateTable('office_assignment')
        .set({ deadline: addDays(todayInVietnam(), -3) })
        .where('id', 'in', [assigned[1]!, assigned[2]!])
        .execute();
    });
    const thisYear = Number(todayInVietnam().slice(0, 4));
    const pastYear = Number(addDays(todayInVietnam(), -3).slice(0, 4));
    const mine = await assignmentStats(db, leaderA, {});
    const items = [
      ...mine.items,
      ...(pastYear !== thisYear
        ? (await assignmentStats(db, leaderA, { year: pastYear })).items
        : []),
    ];
    // The moved deadlines may fall in the previous month (or year): sum them all.
    const sum = (k: 'onTime' | 'late' | 'overdue' | 'total') =>
      items.filter((r) => r.unit.code === 'THA').reduce((a, r) => a + r[k], 0);
    expect([sum('total'), sum('onTime'), sum('late'), sum('overdue')]).toEqual([3, 1, 1, 1]);
    // The department sees the school's counts; another school does not.
    const dept = await assignmentStats(db, leader, {});
    expect(dept.items.some((r) => r.unit.code === 'THA')).toBe(true);
    const b = await assignmentStats(db, clerkB, {});
    expect(b.items.some((r) => r.unit.code === 'THA')).toBe(false);
  });
});

describe('Annex I layout (issue #17 item 4)', () => {
  it('lays out a decision as DOCX and PDF (A4), read back, and adds both to its files', async () => {
    const out = await registerOutgoing(db, clerk, {
      type: 'QĐ',
      subject: 'Về việc thành lập Hội đồng thi chọn học sinh giỏi',
      draftingUnit: 'VP',
      signerName: 'Nguyễn Văn An',
      recipientIds: [ids.THA!],
    });
    const { items } = await composeOutgoing(db, clerk, files, out.id, {
      body: 'Điều 1. Thành lập Hội đồng thi.\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.',
      authority: 'KT',
      onBehalfOf: 'Giám đốc',
      signerTitle: 'Phó Giám đốc',
      place: 'Thử Nghiệm',
    });
    expect(items.map((i) => i.mediaType)).toEqual([DOCX, 'application/pdf']);
    const read = async (sha: string) => {
      const chunks: Buffer[] = [];
      for await (const c of await files.open(sha)) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    };
    const xml = zipEntry(await read(items[0]!.sha256), 'word/document.xml')!;
    const text = docxText(xml);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: ${out.notation}`,
      'QUYẾT ĐỊNH',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn An',
      'Nơi nhận:',
      '- Trường Tiểu học Kim Đồng;',
      '- Lưu: VT, VP.',
    ])
      expect(text).toContain(s);
    expect(xml).toContain('w:ascii="Times New Roman"');
    // Margins: left 30 mm = 1701 twips, right 15 mm = 850, top and bottom 20 mm = 1134.
    const sectPr = zipEntry(await read(items[0]!.sha256), 'word/document.xml')!.match(
      /<w:pgMar[^>]+>/,
    )![0];
    expect(sectPr).toMatch(/w:left="1701"/);
    expect(sectPr).toMatch(/w:right="850"/);
    if (hasPdftotext) {
      const pdf = await read(items[1]!.sha256);
      const pdfText = spawnSync('pdftotext', ['-', '-'], { input: pdf }).stdout.toString();
      expect(pdfText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(pdfText).toContain(`Số: ${out.notation}`);
      expect(pdfText).toMatch(/Thử Nghiệm, ngày \d{2} tháng \d{1,2} năm \d{4}/);
      const info = spawnSync('pdfinfo', ['-'], { input: pdf }).stdout.toString();
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
      const fonts = spawnSync('pdffonts', ['-'], { input: pdf }).stdout.toString();
      // Tinos: Times New Roman's metrics, embedded (Annex I names Times New Roman).
      expect(annexFontName()).toBe('Tinos');
      expect(fonts).toMatch(/Tinos-Bold/);
      expect(fonts).toMatch(/Tinos-Regular/);
      expect(fonts).not.toMatch(/DejaVu/);
    }
  });

  it('writes dates as Annex I says: days below 10 and months 1–2 with a zero', () => {
    expect(placeAndDate('Hà Nội', '2026-03-05')).toBe('Hà Nội, ngày 05 tháng 3 năm 2026');
    expect(placeAndDate('Hà Nội', '2026-02-15')).toBe('Hà Nội, ngày 15 tháng 02 năm 2026');
    expect(placeAndDate('Hà Nội', '2026-12-25')).toBe('Hà Nội, ngày 25 tháng 12 năm 2026');
  });
});
