import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../core/access/scope.ts';
import { AppError } from '../../core/errors.ts';
import { systemActor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { Role } from '../../db/schema.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { assignIncoming } from './assign-incoming.ts';
import { getIncoming } from './get-incoming.ts';
import { getOutgoing } from './get-outgoing.ts';
import { getWeek } from './get-week.ts';
import { exportRegister } from './export-register.ts';
import { deadlineRemindersJob } from './jobs.ts';
import { listAssignments } from './list-assignments.ts';
import { listIncoming } from './list-incoming.ts';
import { listNotices } from './list-notices.ts';
import { listOutgoing } from './list-outgoing.ts';
import { publicCalendar } from './public-calendar.ts';
import { publishWeek } from './publish-week.ts';
import { registerIncoming } from './register-incoming.ts';
import { registerOutgoing } from './register-outgoing.ts';
import { reportAssignment } from './report-assignment.ts';
import { notationOf } from './rules.ts';
import { saveCalendarEntry } from './save-calendar-entry.ts';
import { saveSettings } from './save-settings.ts';
import { addDays, todayInVietnam } from './rules.ts';
import { withdrawOutgoing } from './withdraw-outgoing.ts';

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
const system = { system: systemActor('kiểm thử văn thư') };
const today = todayInVietnam();
const year = Number(today.slice(0, 4));

/** A real account's Scope (assignments name accounts of the unit). */
async function userScope(unit: string, role: Role, username: string): Promise<Scope> {
  const id = await makeUser(db, ids[unit]!, role, username);
  const u = await db
    .selectFrom('org_unit')
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

let clerkSgd: Scope;
let leaderSgd: Scope;
let clerkA: Scope;
let leaderA: Scope;
let teacherA: Scope;
let clerkB: Scope;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  clerkSgd = await userScope('SGD', 'department_staff', 'vanthu.sgd');
  leaderSgd = await userScope('SGD', 'department_admin', 'giamdoc.sgd');
  clerkA = await userScope('THA', 'school_staff', 'vanthu.a');
  leaderA = await userScope('THA', 'school_admin', 'hieutruong.a');
  teacherA = await userScope('THA', 'teacher', 'giaovien.a');
  clerkB = await userScope('THB', 'school_staff', 'vanthu.b');
});
afterAll(async () => close?.());

describe('notation (Decree 30/2020 Art. 15, Annex I)', () => {
  it('pads numbers below 10 and drops the type of an administrative letter', () => {
    expect(notationOf(5, 'QĐ', 'SGDĐT', null)).toBe('05/QĐ-SGDĐT');
    expect(notationOf(125, 'CV', 'SGDĐT', 'VP')).toBe('125/SGDĐT-VP');
    expect(notationOf(10, 'KH', 'SGDĐT', 'GDPT')).toBe('10/KH-SGDĐT-GDPT');
    expect(notationOf(3, 'CV', 'SGDĐT', null)).toBe('03/SGDĐT');
  });
});

describe('outgoing register', () => {
  it('numbers per unit and year from 01, whatever the type, with the recorded abbreviation', async () => {
    const a = await registerOutgoing(db, clerkSgd, {
      type: 'QĐ',
      subject: 'Quyết định thành lập hội đồng',
    });
    expect(a).toMatchObject({ number: 1, notation: '01/QĐ-SGDĐT', year });
    const b = await registerOutgoing(db, clerkSgd, {
      type: 'CV',
      subject: 'Về việc báo cáo số liệu',
      draftingUnit: 'VP',
    });
    expect(b).toMatchObject({ number: 2, notation: '02/SGDĐT-VP' });
    // A unit's own sequence: the school starts at 01 once it has an abbreviation.
    const e = await refusal(registerOutgoing(db, clerkA, { type: 'TB', subject: 'Thông báo' }));
    expect(e.detail).toContain('chưa có tên viết tắt');
    await saveSettings(db, leaderA, { abbreviation: 'THKĐ', divisions: [] });
    const c = await registerOutgoing(db, clerkA, { type: 'TB', subject: 'Thông báo lịch họp' });
    expect(c.notation).toBe('01/TB-THKĐ');
  });

  it('refuses a bad type, a future date, a recipient outside the tree — and takes no number', async () => {
    expect(
      (await refusal(registerOutgoing(db, clerkSgd, { type: 'XX', subject: 'Sai loại' }))).status,
    ).toBe(400);
    const future = await refusal(
      registerOutgoing(db, clerkSgd, { type: 'KH', subject: 'Kế hoạch', date: addDays(today, 3) }),
    );
    expect(future.detail).toContain('chưa đến');
    // School A may send up to its commune and the department, not to school C elsewhere.
    const outside = await refusal(
      registerOutgoing(db, clerkA, { type: 'CV', subject: 'Gửi nhầm', recipientIds: [ids.THC!] }),
    );
    expect(outside.detail).toContain('ngoài phạm vi gửi');
    const next = await registerOutgoing(db, clerkSgd, { type: 'BC', subject: 'Báo cáo tháng' });
    expect(next.number).toBe(3);
  });

  it('a withdrawn document keeps its number; the next one is not given it again', async () => {
    const d = await registerOutgoing(db, clerkSgd, { type: 'TTr', subject: 'Tờ trình sẽ thu hồi' });
    const w = await withdrawOutgoing(db, clerkSgd, d.id, 'Sai nội dung');
    expect(w.status).toBe('withdrawn');
    const n = await registerOutgoing(db, clerkSgd, { type: 'TTr', subject: 'Tờ trình thay thế' });
    expect(n.number).toBe(d.number + 1);
    const list = await listOutgoing(db, clerkSgd, {});
    expect(list.items.map((r) => r.number)).toEqual([5, 4, 3, 2, 1]);
    // Search ignores diacritics and case, on subject and notation.
    const found = await listOutgoing(db, clerkSgd, { q: 'to trinh THAY the' });
    expect(found.items.map((r) => r.number)).toEqual([5]);
    expect((await listOutgoing(db, clerkSgd, { q: '03/bc' })).items.map((r) => r.number)).toEqual([
      3,
    ]);
  });

  it('system callers (the CLI) name the unit; another unit cannot read the document', async () => {
    const d = await registerOutgoing(db, system, {
      unitId: ids.SGD!,
      type: 'CT',
      subject: 'Chỉ thị',
    });
    expect(d.number).toBe(6);
    expect((await refusal(getOutgoing(db, clerkA, d.id))).status).toBe(404);
    expect((await refusal(getOutgoing(db, clerkA, 'khong-phai-id'))).status).toBe(404);
  });
});

describe('sending inside sogd, receipt, assignment and handling', () => {
  it('the school receives at once; opening, assigning and finishing show on the sender side', async () => {
    const sent = await registerOutgoing(db, clerkSgd, {
      type: 'KH',
      subject: 'Kế hoạch kiểm tra cơ sở vật chất',
      recipientIds: [ids.THA!, ids.THB!],
      outsideRecipients: ['Ủy ban nhân dân tỉnh'],
    });
    let detail = await getOutgoing(db, clerkSgd, sent.id);
    expect(detail.status).toBe('released');
    expect(detail.recipientList.map((r) => r.status).sort()).toEqual([
      'received',
      'received',
      'sent',
    ]);

    const inbox = await listIncoming(db, clerkA, {});
    const copy = inbox.items.find((i) => i.notation === sent.notation)!;
    expect(copy).toMatchObject({ arrivalNumber: 1, book: 'general', channel: 'system' });
    // School B's copy is B's: A cannot read it, and its number is B's own.
    const inboxB = await listIncoming(db, clerkB, {});
    expect(inboxB.items[0]!.arrivalNumber).toBe(1);
    expect((await refusal(getIncoming(db, clerkA, inboxB.items[0]!.id))).status).toBe(404);

    await getIncoming(db, clerkA, copy.id);
    detail = await getOutgoing(db, clerkSgd, sent.id);
    expect(detail.recipientList.find((r) => r.unit?.id === ids.THA)!.status).toBe('opened');

    // Only a leader assigns; the deadline cannot be in the past.
    expect(
      (
        await refusal(
          assignIncoming(db, clerkA, copy.id, {
            leadUserId: teacherA.user.id,
            instruction: 'Xử lý',
            deadline: today,
          }),
        )
      ).status,
    ).toBe(403);
    const past = await refusal(
      assignIncoming(db, leaderA, copy.id, {
        leadUserId: teacherA.user.id,
        instruction: 'Xử lý',
        deadline: addDays(today, -1),
      }),
    );
    expect(past.detail).toContain('Hạn xử lý');
    // Someone of another unit cannot be put in charge.
    expect(
      (
        await refusal(
          assignIncoming(db, leaderA, copy.id, {
            leadUserId: clerkB.user.id,
            instruction: 'Xử lý',
            deadline: today,
          }),
        )
      ).detail,
    ).toContain('không phải cán bộ');
    const assigned = await assignIncoming(db, leaderA, copy.id, {
      leadUserId: teacherA.user.id,
      coUserIds: [clerkA.user.id],
      instruction: 'Giáo viên chủ trì kiểm tra, văn thư phối hợp tổng hợp',
      deadline: addDays(today, 1),
    });
    expect(assigned.status).toBe('assigned');
    expect(assigned.deadline).toBe(addDays(today, 1));
    const a = assigned.assignments[0]!;
    expect(a).toMatchObject({ dueSoon: true, overdue: false });
    expect(a.coordinators[0]!.fullName).toBe('Người dùng vanthu.a');

    const mine = await listAssignments(db, teacherA, { who: 'mine' });
    expect(mine.items.map((x) => x.id)).toEqual([a.id]);
    expect((await listAssignments(db, leaderA, { state: 'due_soon' })).items).toHaveLength(1);

    // Reminders: due soon now, overdue two days later; each notice written once.
    const run = (day: string) =>
      deadlineRemindersJob.handler({
        db,
        payload: { today: day },
        jobId: 'test',
        attempt: 1,
        reportProgress: async () => {},
        signal: new AbortController().signal,
      });
    expect(await run(today)).toMatchObject({ dueSoon: 1, overdue: 0, notices: 2 });
    expect(await run(today)).toMatchObject({ notices: 0 });
    expect(await run(addDays(today, 2))).toMatchObject({ overdue: 1, notices: 2 });
    const notices = await listNotices(db, teacherA);
    expect(notices.items.map((n) => n.kind).sort()).toEqual(['due_soon', 'overdue']);
    const marked = await db
      .selectFrom('office_assignment')
      .select('overdue_at')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(marked.overdue_at).not.toBeNull();

    // A report without result is refused; the final one closes the document.
    expect((await refusal(reportAssignment(db, teacherA, a.id, { done: true }))).detail).toContain(
      'kết quả',
    );
    await reportAssignment(db, teacherA, a.id, { progress: 'Đã kiểm tra 3/5 phòng học' });
    const done = await reportAssignment(db, teacherA, a.id, {
      done: true,
      result: 'Đã kiểm tra xong, báo cáo gửi Sở',
    });
    expect(done.status).toBe('done');
    expect((await getIncoming(db, clerkA, copy.id)).status).toBe('done');
    detail = await getOutgoing(db, clerkSgd, sent.id);
    expect(detail.recipientList.find((r) => r.unit?.id === ids.THA)!.status).toBe('handled');

    // Every change is in the audit log.
    const audited = await db
      .selectFrom('audit_log')
      .select('entity_type')
      .where('entity_type', 'like', 'office_%')
      .execute();
    expect(new Set(audited.map((r) => r.entity_type))).toEqual(
      new Set([
        'office_outgoing',
        'office_incoming',
        'office_recipient',
        'office_assignment',
        'office_unit',
      ]),
    );
  });
});

describe('incoming register', () => {
  it('gives arrival numbers per year, a separate book for secret documents, and refuses duplicates', async () => {
    const base = {
      senderName: 'Bộ Giáo dục và Đào tạo',
      type: 'CV',
      date: today,
      subject: 'Hướng dẫn nhiệm vụ năm học',
    };
    const first = await registerIncoming(db, clerkSgd, { ...base, notation: '100/BGDĐT-GDPT' });
    const second = await registerIncoming(db, clerkSgd, { ...base, notation: '101/BGDĐT-GDPT' });
    expect(second.arrivalNumber).toBe(first.arrivalNumber + 1);
    const secret = await registerIncoming(db, clerkSgd, {
      ...base,
      notation: '12/BGDĐT-VP',
      confidentiality: 'confidential',
    });
    expect(secret).toMatchObject({ book: 'secret', arrivalNumber: 1 });
    const dup = await refusal(
      registerIncoming(db, clerkSgd, { ...base, notation: '100/bgdđt-gdpt' }),
    );
    expect(dup.status).toBe(409);
    expect(dup.detail).toContain('đã vào sổ');
    const future = await refusal(
      registerIncoming(db, clerkSgd, { ...base, notation: '102/BGDĐT', date: addDays(today, 1) }),
    );
    expect(future.status).toBe(400);
    // A teacher reads but does not register.
    expect(
      (await refusal(registerIncoming(db, teacherA, { ...base, notation: '1/X' }))).status,
    ).toBe(403);
  });
});

describe('work calendar', () => {
  it('publishes a week, shows it publicly, and marks changes after publication', async () => {
    const entry = {
      day: today,
      startTime: '08:00',
      content: 'Giao ban',
      chair: 'Giám đốc Sở',
      place: 'Phòng họp 1',
    };
    let week = await saveCalendarEntry(db, clerkSgd, entry);
    expect((await publicCalendar(db, 'SGD', today)).entries).toHaveLength(0);
    week = await publishWeek(db, leaderSgd, today);
    expect(week.publishedAt).not.toBeNull();
    const pub = await publicCalendar(db, 'SGD', today);
    expect(pub.entries.map((e) => e.content)).toEqual(['Giao ban']);
    week = await saveCalendarEntry(
      db,
      clerkSgd,
      { ...entry, startTime: '09:30' },
      week.entries[0]!.id,
    );
    expect(week.entries[0]).toMatchObject({ startTime: '09:30', changedAfterPublication: true });
    expect((await getWeek(db, clerkA, today)).entries).toHaveLength(0);
    expect((await refusal(saveCalendarEntry(db, clerkA, entry, week.entries[0]!.id))).status).toBe(
      404,
    );
    expect(
      (await refusal(saveCalendarEntry(db, clerkSgd, { ...entry, startTime: '25:00' }))).status,
    ).toBe(400);
  });
});

describe('registers as workbooks', () => {
  it("exports the year's outgoing register in number order, withdrawn ones marked", async () => {
    const bytes = await exportRegister(db, clerkSgd, { kind: 'outgoing', year });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Số, ký hiệu văn bản');
    expect(ws.getRow(2).getCell(1).value).toBe('01/QĐ-SGDĐT');
    expect(ws.getRow(2).getCell(3).value).toBe('Quyết định: Quyết định thành lập hội đồng');
    const withdrawn = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 1))
      .find((r) => r.getCell(8).value === 'Đã thu hồi');
    expect(withdrawn?.getCell(1).value).toBe('04/TTr-SGDĐT');
    const incoming = await exportRegister(db, clerkA, { kind: 'incoming' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(incoming as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.getRow(2).getCell(2).value).toBe(1);
  });
});

describe('numbering under concurrency', () => {
  it('50 registrations at once get 50 different numbers with no gap', async () => {
    await saveSettings(db, system, {
      unitId: ids.X02!,
      abbreviation: 'UBNDX',
      divisions: [],
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        registerOutgoing(db, system, {
          unitId: ids.X02!,
          type: i % 2 ? 'CV' : 'QĐ',
          subject: `Văn bản ${i}`,
        }),
      ),
    );
    const numbers = results.map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.notation)).size).toBe(50);
  });
});
