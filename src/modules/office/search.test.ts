import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../core/access/scope.ts';
import { createFileStore, type FileStore } from '../../core/files/store.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { Role } from '../../db/schema.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { attachFile, type DocumentKind } from './attach-file.ts';
import { listIncoming } from './list-incoming.ts';
import { listOutgoing } from './list-outgoing.ts';
import { registerIncoming } from './register-incoming.ts';
import { registerOutgoing } from './register-outgoing.ts';
import { saveSettings } from './save-settings.ts';

// Issue #17 item 3: full-text search over the registers' fields and the
// files' text, through ONE search vector per document (migration
// 2026121030), kept by triggers as files are attached and removed.

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let files: FileStore;
const filesDir = mkdtempSync(join(tmpdir(), 'sogd-office-search-'));
let clerk: Scope;
let clerkA: Scope;
let clerkB: Scope;

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

const docx = (text: string) =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));

async function attach(caller: Scope, kind: DocumentKind, id: string, text: string, name: string) {
  const bytes = await docx(text);
  return attachFile(db, caller, files, { kind, id }, async () => ({
    ...(await files.put(bytes, { maxBytes: 50 * 1024 * 1024 })),
    fileName: name,
    fields: {},
  }));
}

const outgoingIds = async (caller: Scope, q: string) =>
  (await listOutgoing(db, caller, { q })).items.map((d) => d.id);
const incomingIds = async (caller: Scope, q: string) =>
  (await listIncoming(db, caller, { q })).items.map((d) => d.id);

/** Every stored vector equals the one computed from scratch (what the migration's backfill writes). */
async function vectorsAreCurrent(): Promise<void> {
  const stale = await sql<{ n: string }>`
    SELECT (SELECT count(*) FROM office_outgoing
             WHERE search_tsv IS DISTINCT FROM office_outgoing_tsv(id, search_key))
         + (SELECT count(*) FROM office_incoming
             WHERE search_tsv IS DISTINCT FROM office_incoming_tsv(id, search_key, outgoing_id)) AS n`.execute(
    db,
  );
  expect(Number(stale.rows[0]!.n)).toBe(0);
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  files = createFileStore(filesDir);
  clerk = await userScope('SGD', 'office_staff', 'vanthu.sgd');
  clerkA = await userScope('THA', 'school_staff', 'vanthu.a');
  clerkB = await userScope('THB', 'school_staff', 'vanthu.b');
  const leader = await userScope('SGD', 'department_admin', 'giamdoc.sgd');
  await saveSettings(db, leader, { abbreviation: 'SGDĐT', divisions: ['VP'] });
});
afterAll(async () => {
  await close?.();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('full-text search, one vector per document', () => {
  it('finds a document by its summary, a part of its notation and its files, diacritics and case ignored', async () => {
    const plan = await registerOutgoing(db, clerk, {
      type: 'KH',
      subject: 'Kế hoạch phòng chống bão lụt năm học',
      draftingUnit: 'VP',
    });
    const other = await registerOutgoing(db, clerk, {
      type: 'CV',
      subject: 'Về việc kiểm tra cơ sở vật chất',
      draftingUnit: 'VP',
    });
    // The summary (trích yếu), with or without diacritics, any case.
    for (const q of ['bão lụt', 'bao lut', 'BÃO LỤT', 'Kế hoạch phòng chống'])
      expect(await outgoingIds(clerk, q)).toEqual([plan.id]);
    // A part of the notation (the substring match on the key).
    expect(await outgoingIds(clerk, plan.notation.split('/')[0] + '/KH')).toEqual([plan.id]);
    // A word only in a file: found once the file is attached, not before.
    expect(await outgoingIds(clerk, 'sơ tán')).toEqual([]);
    await attach(
      clerk,
      'outgoing',
      other.id,
      'Phương án sơ tán học sinh khi có động đất',
      'pa.docx',
    );
    expect(await outgoingIds(clerk, 'sơ tán')).toEqual([other.id]);
    expect(await outgoingIds(clerk, 'SO TAN hoc sinh')).toEqual([other.id]);
    // The total counts the hits, also on a page past them.
    expect(await listOutgoing(db, clerk, { q: 'giao duc' })).toMatchObject({ total: 0 });
    expect((await listOutgoing(db, clerk, { q: 'về việc' })).total).toBe(1);
    expect(await listOutgoing(db, clerk, { q: 'so tan', page: 2 })).toMatchObject({
      total: 1,
      items: [],
    });
    // All the words must be there: one in the summary and one in a file is a match,
    // a word found nowhere is not.
    expect(await outgoingIds(clerk, 'kiểm tra động đất')).toEqual([other.id]);
    expect(await outgoingIds(clerk, 'động đất sóng thần')).toEqual([]);
    // Words spread over two files of one document: the document holds them all.
    await attach(clerk, 'outgoing', other.id, 'Danh sách trường vùng ven biển', 'ds.docx');
    expect(await outgoingIds(clerk, 'sơ tán ven biển')).toEqual([other.id]);
    // Another unit does not find them.
    expect(await outgoingIds(clerkA, 'sơ tán')).toEqual([]);
    await vectorsAreCurrent();
  });

  it("finds a received copy by the sender's files, also one attached after sending", async () => {
    const sent = await registerOutgoing(db, clerk, {
      type: 'CV',
      subject: 'Về việc tập huấn chuyên môn',
      draftingUnit: 'VP',
      recipientIds: [ids.THA!],
    });
    const copy = (await incomingIds(clerkA, 'tập huấn chuyên môn'))[0]!;
    expect(copy).toBeDefined();
    expect(await incomingIds(clerkA, 'bồi dưỡng thường xuyên')).toEqual([]);
    await attach(
      clerk,
      'outgoing',
      sent.id,
      'Nội dung bồi dưỡng thường xuyên giáo viên',
      'nd.docx',
    );
    expect(await incomingIds(clerkA, 'boi duong thuong xuyen')).toEqual([copy]);
    expect(await outgoingIds(clerk, 'bồi dưỡng thường xuyên')).toEqual([sent.id]);
    // Not in the register of a school it was not sent to.
    expect(await incomingIds(clerkB, 'bồi dưỡng thường xuyên')).toEqual([]);

    // The school's own scan of a paper document.
    const paper = await registerIncoming(db, clerkA, {
      senderName: 'Ủy ban nhân dân xã',
      notation: '12/UBND',
      type: 'CV',
      date: '2026-01-05',
      subject: 'Về việc phòng dịch',
    });
    await attach(clerkA, 'incoming', paper.id, 'Tiêm chủng mở rộng cho trẻ em', 'scan.docx');
    expect(await incomingIds(clerkA, 'tiêm chủng')).toEqual([paper.id]);
    // The sender's name is in the incoming key.
    expect(await incomingIds(clerkA, 'uy ban nhan dan xa')).toEqual([paper.id]);
    await vectorsAreCurrent();
  });

  it('forgets the words of a file that is removed or whose text changes', async () => {
    const sent = await registerOutgoing(db, clerk, {
      type: 'CV',
      subject: 'Về việc thi học sinh giỏi',
      draftingUnit: 'VP',
      recipientIds: [ids.THA!],
    });
    const file = await attach(clerk, 'outgoing', sent.id, 'Đề thi môn Ngữ văn lớp chín', 'de.docx');
    expect(await outgoingIds(clerk, 'ngữ văn lớp chín')).toEqual([sent.id]);
    const [copy] = await incomingIds(clerkA, 'ngữ văn lớp chín');
    expect(copy).toBeDefined();
    await writeTransaction(db, systemActor('test'), async (tx) => {
      await tx
        .updateTable('office_attachment')
        .set({ text_key: 'de thi mon lich su' })
        .where('id', '=', file.id)
        .execute();
    });
    expect(await outgoingIds(clerk, 'ngữ văn')).toEqual([]);
    expect(await outgoingIds(clerk, 'lịch sử')).toEqual([sent.id]);
    expect(await incomingIds(clerkA, 'lịch sử')).toEqual([copy]);
    await writeTransaction(db, systemActor('test'), async (tx) => {
      await tx.deleteFrom('office_attachment').where('id', '=', file.id).execute();
    });
    expect(await outgoingIds(clerk, 'lịch sử')).toEqual([]);
    expect(await incomingIds(clerkA, 'lịch sử')).toEqual([]);
    // The register's own fields still match.
    expect(await outgoingIds(clerk, 'học sinh giỏi')).toEqual([sent.id]);
    expect(await incomingIds(clerkA, 'học sinh giỏi')).toEqual([copy]);
    await vectorsAreCurrent();
  });

  it('counts a search only up to the cap, the same documents found in the same order', async () => {
    const made: string[] = [];
    for (let n = 0; n < 5; n++)
      made.push(
        (
          await registerOutgoing(db, clerk, {
            type: 'CV',
            subject: `Về việc khảo sát thư viện đợt ${n + 1}`,
            draftingUnit: 'VP',
          })
        ).id,
      );
    const exact = await listOutgoing(db, clerk, { q: 'khảo sát thư viện' });
    expect(exact).toMatchObject({ total: 5, totalCapped: false });
    // Newest first (number descending).
    expect(exact.items.map((d) => d.id)).toEqual([...made].reverse());
    // Past a cap of 3: "more than 3", the page still every hit in the same order (the walk).
    const capped = await listOutgoing(db, clerk, { q: 'khảo sát thư viện' }, { countCap: 3 });
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    expect(capped.items.map((d) => d.id)).toEqual(exact.items.map((d) => d.id));
    // At the cap exactly: an exact count.
    const atCap = await listOutgoing(db, clerk, { q: 'khảo sát thư viện' }, { countCap: 5 });
    expect(atCap).toMatchObject({ total: 5, totalCapped: false });
    // Another unit finds none.
    expect(await listOutgoing(db, clerkA, { q: 'khảo sát' }, { countCap: 2 })).toMatchObject({
      total: 0,
      totalCapped: false,
      items: [],
    });
  });

  it('writes no audit entry for the vector alone', async () => {
    const doc = await registerOutgoing(db, clerk, {
      type: 'CV',
      subject: 'Về việc nhật ký',
      draftingUnit: 'VP',
    });
    await attach(clerk, 'outgoing', doc.id, 'Tệp có chữ', 'a.docx');
    const updates = await db
      .selectFrom('audit_log')
      .select('after')
      .where('entity_type', '=', 'office_outgoing')
      .where('entity_id', '=', doc.id)
      .execute();
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]!.after)).not.toContain('search_tsv');
  });
});
