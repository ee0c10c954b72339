import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import { makeClass, makeStudent } from '../../../../test/helpers/factories/registry.ts';
import type { StudentRecord } from '../contract.ts';

// Issue 13 item 4: a student's record, added by hand, edited, printed.
const YEAR = '2025-2026';
let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let clerk: Client;
let teacher: Client;
let clerkB: Client;
let classId: string;
let studentId: string;
const dir = mkdtempSync(join(tmpdir(), 'sogd-student-record-'));

type Problem = { detail: string; errors?: { path: string; message: string }[] };
type Answer = { status: number; body: StudentRecord & Problem };

async function send(client: Client, method: 'POST' | 'PATCH', url: string, payload: object) {
  const r = await client.send(method, url, payload);
  return r as Answer;
}
const get = async (client: Client, url: string) => (await client.get(url)) as Answer;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  classId = await makeClass(db, { schoolId: ids.THA!, name: '3A' });
  studentId = await makeStudent(db, {
    schoolId: ids.THA!,
    fullName: 'Trần Thị Mai',
    gender: 'female',
    birthDate: '2017-03-04',
    personalId: '001317001234',
    classId,
  });
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  await makeUser(db, ids.THA!, 'teacher', 'gv.a');
  await makeUser(db, ids.THB!, 'school_staff', 'vanthu.b');
  app = await buildApp({ db, webDir: null });
  clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
  teacher = await signIn(app, 'gv.a', 'mat-khau-rat-dai-1');
  clerkB = await signIn(app, 'vanthu.b', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('the student record', () => {
  it('shows the record, the personal id in full only to those who may edit', async () => {
    const mine = await get(clerk, `/api/registry/students/${studentId}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      fullName: 'Trần Thị Mai',
      personalId: '001317001234',
      personalIdMasked: '********1234',
      canEdit: true,
      school: { code: 'THA' },
      enrolments: [{ schoolYear: YEAR, className: '3A' }],
      diplomas: [],
    });
    const seen = await get(teacher, `/api/registry/students/${studentId}`);
    expect(seen.body).toMatchObject({ personalId: null, personalIdMasked: '********1234' });
    expect(seen.body.canEdit).toBe(false);
    expect(JSON.stringify(seen.body)).not.toContain('001317001234');
    expect((await get(clerkB, `/api/registry/students/${studentId}`)).status).toBe(403);
  });

  it('adds a student by hand into a class of the year', async () => {
    const bad = await send(
      clerk,
      'POST',
      `/api/registry/schools/${ids.THA}/students?year=${YEAR}`,
      {
        fullName: 'Lan',
        birthDate: '31/02/2017',
        gender: 'female',
        classId,
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['fullName', 'birthDate']);
    const taken = await send(
      clerk,
      'POST',
      `/api/registry/schools/${ids.THA}/students?year=${YEAR}`,
      {
        fullName: 'Lê Văn Nam',
        birthDate: '05/06/2017',
        gender: 'male',
        personalId: '001317001234',
        classId,
      },
    );
    expect(taken.status).toBe(400);
    const created = await send(
      clerk,
      'POST',
      `/api/registry/schools/${ids.THA}/students?year=${YEAR}`,
      {
        fullName: ' Lê  Văn Nam ',
        birthDate: '05/06/2017',
        gender: 'male',
        personalId: '001217005678',
        guardianName: 'Lê Văn Hùng',
        phone: '0912 345 678',
        classId,
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fullName: 'Lê Văn Nam',
      birthDate: '2017-06-05',
      phone: '0912345678',
      status: 'studying',
      enrolments: [{ schoolYear: YEAR, className: '3A' }],
    });
    const again = await send(
      clerk,
      'POST',
      `/api/registry/schools/${ids.THA}/students?year=${YEAR}`,
      {
        fullName: 'Lê Văn Nam',
        birthDate: '05/06/2017',
        gender: 'male',
        personalId: '001217005678',
        classId,
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(
      'Mã định danh này đã thuộc về học sinh Lê Văn Nam. Chưa lưu gì.',
    );
    // Another school's clerk cannot add into this school.
    const other = await send(
      clerkB,
      'POST',
      `/api/registry/schools/${ids.THA}/students?year=${YEAR}`,
      {
        fullName: 'Người Lạ',
        birthDate: '05/06/2017',
        gender: 'male',
        classId,
      },
    );
    expect(other.status).toBe(403);
  });

  it('edits with the version the form was opened at, changes the status with a reason', async () => {
    const open = await get(clerk, `/api/registry/students/${studentId}`);
    const edited = await send(clerk, 'PATCH', `/api/registry/students/${studentId}`, {
      address: 'Thôn 3, xã Hoà Bình',
      guardianName: 'Trần Văn Ba',
      version: open.body.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      address: 'Thôn 3, xã Hoà Bình',
      version: open.body.version + 1,
    });
    const stale = await send(clerk, 'PATCH', `/api/registry/students/${studentId}`, {
      phone: '0987654321',
      version: open.body.version,
    });
    expect(stale.status).toBe(409);
    expect((await get(clerk, `/api/registry/students/${studentId}`)).body.phone).toBeNull();
    expect(
      (await send(teacher, 'PATCH', `/api/registry/students/${studentId}`, { phone: '0987654321' }))
        .status,
    ).toBe(403);

    const changed = await send(clerk, 'POST', `/api/registry/students/${studentId}/status`, {
      status: 'dropped_out',
      reason: 'Gia đình chuyển vào Nam',
      version: edited.body.version,
    });
    expect(changed.status).toBe(200);
    const after = await get(clerk, `/api/registry/students/${studentId}`);
    expect(after.body.statusChanges).toMatchObject([
      { from: 'studying', to: 'dropped_out', reason: 'Gia đình chuyển vào Nam' },
    ]);
  });

  it('prints the student profile (sơ yếu lý lịch) as a PDF, the id masked to a teacher', async () => {
    const pdfText = async (client: Client) => {
      const r = await app.inject({
        method: 'GET',
        url: `/api/registry/students/${studentId}/profile.pdf`,
        headers: { cookie: client.cookie },
      });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      const file = join(dir, `${client.cookie.slice(-8)}.pdf`);
      writeFileSync(file, r.rawPayload);
      return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-']).toString('utf8');
    };
    const text = await pdfText(clerk);
    expect(text).toContain('SƠ YẾU LÝ LỊCH HỌC SINH');
    expect(text).toMatch(/Họ và tên:\s+Trần Thị Mai/);
    expect(text).toMatch(/Ngày sinh:\s+04\/03\/2017/);
    expect(text).toMatch(/Mã định danh cá nhân:\s+001317001234/);
    expect(text).toMatch(/Chỗ ở hiện nay:\s+Thôn 3, xã Hoà Bình/);
    expect(text).toMatch(/Năm học 2025-2026:\s+Lớp 3A, Trường Tiểu học Kim Đồng/);
    // Empty fields keep their line: a dash, never the next label pulled up.
    expect(text).toMatch(/Dân tộc:\s+—/);
    const masked = await pdfText(teacher);
    expect(masked).toMatch(/Mã định danh cá nhân:\s+\*{8}1234/);
    expect(masked).not.toContain('001317001234');
  });
});
