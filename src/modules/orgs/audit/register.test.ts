import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeSmallProvince, makeUser, PASSWORD } from '../../../../test/helpers/factories/orgs.ts';
import { makeStudent } from '../../../../test/helpers/factories/registry.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import type { AuditList, AuditSubjectList } from '../contract.ts';

// Issue 13 item 9: the audit log reads like a register.
let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let admin: Client;
let studentId: string;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeSmallProvince(db);
  studentId = await makeStudent(db, {
    schoolId: ids.THA!,
    fullName: 'Nguyễn Văn An',
    studentCode: '4400012345',
    birthDate: '2011-02-01',
  });
  await makeUser(db, ids.SGD!, 'department_admin', 'qt.so');
  app = await buildApp({ db, webDir: null });
  admin = await signIn(app, 'qt.so', PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const log = async (query: string) => (await admin.get(`/api/audit?${query}`)).body as AuditList;

describe('the audit log as a register', () => {
  it('says what was done to which record, in Vietnamese and English, with field labels', async () => {
    const open = (await admin.get(`/api/registry/students/${studentId}`)).body as {
      version: number;
    };
    const r = await admin.send('PATCH', `/api/registry/students/${studentId}`, {
      birthDate: '2011-01-02',
      address: 'Thôn 3, xã Hoà Bình',
      version: open.version,
    });
    expect(r.status).toBe(200);
    const [entry] = (await log(`entityType=student&entityId=${studentId}`)).items;
    expect(entry!.summary).toEqual({
      vi: 'Sửa hồ sơ học sinh Nguyễn Văn An (4400012345)',
      en: 'Edited student record Nguyễn Văn An (4400012345)',
    });
    expect(entry!.changes).toEqual([
      {
        field: 'birth_date',
        label: { vi: 'Ngày sinh', en: 'Date of birth' },
        before: { vi: '01/02/2011', en: '01/02/2011' },
        after: { vi: '02/01/2011', en: '02/01/2011' },
      },
      {
        field: 'address',
        label: { vi: 'Địa chỉ', en: 'Address' },
        before: null,
        after: { vi: 'Thôn 3, xã Hoà Bình', en: 'Thôn 3, xã Hoà Bình' },
      },
    ]);
    // The register line and its changes carry no ids or JSON; the raw images stay for "expand".
    expect(JSON.stringify([entry!.summary, entry!.changes])).not.toMatch(UUID);
    expect(entry!.after).toHaveProperty('school_id', ids.THA);
  });

  it('names enumerated values, booleans and passwords as a person says them', async () => {
    const deactivated = await admin.send('POST', `/api/orgs/${ids.THB}/deactivate`, {});
    expect(deactivated.status).toBeLessThan(300);
    const [unit] = (await log(`entityType=org_unit&entityId=${ids.THB}`)).items;
    expect(unit!.summary.vi).toMatch(/^Sửa đơn vị .+ \(.+\)$/);
    expect(unit!.changes).toContainEqual({
      field: 'active',
      label: { vi: 'Đang hoạt động', en: 'Active' },
      before: { vi: 'Có', en: 'Yes' },
      after: { vi: 'Không', en: 'No' },
    });

    const clerkId = await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
    const reset = await admin.send('POST', `/api/users/${clerkId}/reset-password`, {});
    expect(reset.status).toBe(200);
    const [entry] = (await log(`entityType=app_user&entityId=${clerkId}`)).items;
    const password = entry!.changes.find((c) => c.field === 'password_hash');
    expect(password).toMatchObject({
      label: { vi: 'Mật khẩu' },
      before: { vi: '(đã đổi, ẩn)' },
      after: { vi: '(đã đổi, ẩn)' },
    });
    expect(entry!.changes.find((c) => c.field === 'must_change_password')).toMatchObject({
      after: { vi: 'Có', en: 'Yes' },
    });
  });

  it('names sign-ins by their verb alone and offers the record kinds by their nouns', async () => {
    const items = (await log('entityType=app_user&pageSize=200')).items;
    const login = items.find((e) => e.action === 'login');
    expect(login?.summary).toEqual({ vi: 'Đăng nhập', en: 'Signed in' });
    const subjects = (await admin.get('/api/audit/subjects')).body as AuditSubjectList;
    expect(subjects).toContainEqual({
      table: 'student',
      noun: { vi: 'hồ sơ học sinh', en: 'student record' },
    });
    expect(subjects.map((s) => s.table)).toEqual(
      expect.arrayContaining(['org_unit', 'app_user', 'diploma', 'office_outgoing', 'facility']),
    );
  });
});
