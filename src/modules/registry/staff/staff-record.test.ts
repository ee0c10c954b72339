import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import type { StaffRecord } from '../contract.ts';

// Issue #13 item 5: the staff record, added and kept by hand, never deleted.
let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let clerkA: Client;
let clerkB: Client;
let commune: Client;
let teacherA: Client;

type Problem = { detail: string; errors?: { path: string; message: string }[] };

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  await makeUser(db, ids.THB!, 'school_staff', 'vanthu.b');
  await makeUser(db, ids.X01!, 'office_staff', 'phong.x01');
  app = await buildApp({ db, webDir: null });
  clerkA = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
  clerkB = await signIn(app, 'vanthu.b', 'mat-khau-rat-dai-1');
  commune = await signIn(app, 'phong.x01', 'mat-khau-rat-dai-1');
  await makeUser(db, ids.THA!, 'teacher', 'gv.a');
  teacherA = await signIn(app, 'gv.a', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const teacher = {
  fullName: 'Phan Thị Thu Hà',
  birthDate: '15/08/1988',
  gender: 'female',
  personalId: '001188000123',
  position: 'teacher',
  mainSubject: 'Toán',
  qualification: 'Đại học sư phạm',
  employmentType: 'Biên chế',
  rank: 'Giáo viên tiểu học hạng II',
  levelTaught: 'primary',
};

describe('the staff record', () => {
  let id = '';
  let version = 0;

  it('adds a teacher by hand, refusing bad fields all at once and writing nothing', async () => {
    const bad = await clerkA.send('POST', `/api/registry/schools/${ids.THA}/staff`, {
      ...teacher,
      fullName: 'Hà',
      birthDate: '31/02/1988',
      employmentType: 'Thời vụ',
      levelTaught: 'upper_secondary',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).errors).toEqual([
      { path: 'fullName', message: 'Cần ghi đủ họ và tên (ít nhất hai từ).' },
      {
        path: 'birthDate',
        message: 'Ngày sinh "31/02/1988" không hợp lệ: cần dạng dd/mm/yyyy, là một ngày có thật.',
      },
      {
        path: 'employmentType',
        message: 'Loại hợp đồng "Thời vụ" không hợp lệ: chọn Biên chế hoặc Hợp đồng.',
      },
      {
        path: 'levelTaught',
        message: 'Trường không có cấp THPT: chọn một cấp học của trường.',
      },
    ]);
    expect(await db.selectFrom('staff').select('id').execute()).toEqual([]);
    // Another school's clerk cannot add to A.
    expect(
      (await clerkB.send('POST', `/api/registry/schools/${ids.THA}/staff`, teacher)).status,
    ).toBe(403);

    const ok = await clerkA.send('POST', `/api/registry/schools/${ids.THA}/staff`, teacher);
    expect(ok.status).toBe(200);
    const record = ok.body as StaffRecord;
    expect(record).toMatchObject({
      fullName: 'Phan Thị Thu Hà',
      birthDate: '1988-08-15',
      personalId: '001188000123',
      personalIdMasked: false,
      employmentType: 'Biên chế',
      rank: 'Giáo viên tiểu học hạng II',
      levelTaught: 'primary',
      active: true,
      training: [],
    });
    id = record.id;
    version = record.version;
    // The same personal id twice in the province is refused.
    const twice = await clerkA.send('POST', `/api/registry/schools/${ids.THA}/staff`, {
      ...teacher,
      fullName: 'Phan Thu Hà',
    });
    expect(twice.status).toBe(409);
  });

  it('edits only what is sent, refuses a stale form, and shows the id masked to readers', async () => {
    const edited = await clerkA.send('PATCH', `/api/registry/staff/${id}`, {
      employmentType: 'Hợp đồng',
      mainSubject: 'Tiếng Việt',
      version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      employmentType: 'Hợp đồng',
      mainSubject: 'Tiếng Việt',
      qualification: 'Đại học sư phạm',
    });
    const stale = await clerkA.send('PATCH', `/api/registry/staff/${id}`, {
      rank: 'Giáo viên tiểu học hạng I',
      version,
    });
    expect(stale.status).toBe(409);
    version = (edited.body as StaffRecord).version;
    // The commune office reads and corrects its schools' records; a teacher only reads, masked.
    const byCommune = (await commune.get(`/api/registry/staff/${id}`)).body as StaffRecord;
    expect(byCommune).toMatchObject({ personalId: '001188000123', personalIdMasked: false });
    const read = (await teacherA.get(`/api/registry/staff/${id}`)).body as StaffRecord;
    expect(read).toMatchObject({ personalId: '********0123', personalIdMasked: true });
    expect((await clerkB.get(`/api/registry/staff/${id}`)).status).toBe(403);
    expect((await teacherA.send('PATCH', `/api/registry/staff/${id}`, { rank: 'x' })).status).toBe(
      403,
    );
  });

  it('records training entries with checked dates', async () => {
    const bad = await clerkA.send('POST', `/api/registry/staff/${id}/training`, {
      fromDate: '10/07/2025',
      toDate: '01/07/2025',
      content: ' ',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).errors!.map((e) => e.path)).toEqual(['content', 'toDate']);
    const ok = await clerkA.send('POST', `/api/registry/staff/${id}/training`, {
      fromDate: '01/07/2025',
      toDate: '10/07/2025',
      content: 'Bồi dưỡng Chương trình GDPT 2018 môn Toán',
      certificate: 'Giấy chứng nhận số 12/BD',
    });
    expect(ok.status).toBe(200);
    expect((ok.body as StaffRecord).training.map(({ id: _id, ...t }) => t)).toEqual([
      {
        fromDate: '2025-07-01',
        toDate: '2025-07-10',
        content: 'Bồi dưỡng Chương trình GDPT 2018 môn Toán',
        certificate: 'Giấy chứng nhận số 12/BD',
      },
    ]);
    version = (ok.body as StaffRecord).version;
  });

  it('leaves the school with a reason, never deleted, audited', async () => {
    const noReason = await clerkA.send('POST', `/api/registry/staff/${id}/leave`, {
      reason: ' ',
      date: '01/01/2999',
    });
    expect((noReason.body as Problem).errors!.map((e) => e.path)).toEqual(['reason', 'date']);
    const left = await clerkA.send('POST', `/api/registry/staff/${id}/leave`, {
      reason: 'Chuyển công tác về Trường Tiểu học Bình Minh',
      date: '30/11/2026',
      version,
    });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({
      active: false,
      leftOn: '2026-11-30',
      leaveReason: 'Chuyển công tác về Trường Tiểu học Bình Minh',
    });
    expect(
      (await clerkA.send('POST', `/api/registry/staff/${id}/leave`, { reason: 'Lần nữa' })).status,
    ).toBe(409);
    expect(await db.selectFrom('staff').select('id').where('id', '=', id).execute()).toHaveLength(
      1,
    );
    const audit = await db
      .selectFrom('audit_log')
      .select(['entity_type', 'action'])
      .where('entity_type', 'in', ['staff', 'staff_training'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => `${a.entity_type} ${a.action}`)).toEqual([
      'staff insert',
      'staff update',
      'staff_training insert',
      'staff update',
    ]);
  });
});
