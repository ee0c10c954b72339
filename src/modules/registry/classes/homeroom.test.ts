import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import { makeClass } from '../../../../test/helpers/factories/registry.ts';
import type { ClassRow, SchoolProfile } from '../contract.ts';

// Issue 13 item 3: a homeroom teacher (GVCN) on two classes of one year is
// pointed out, and refused where the school's year says one class each.
const YEAR = '2025-2026';
let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let clerk: Client;
const hoa = uuidv7();
const lan = uuidv7();
const minh = uuidv7();

type Problem = { detail: string; errors?: { path: string; message: string }[] };
type Answer = { status: number; body: ClassRow & SchoolProfile & Problem };

async function send(method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) {
  const r = await app.inject({
    method,
    url,
    headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken },
    payload,
  });
  return { status: r.statusCode, body: r.json<Answer['body']>() };
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await writeTransaction(db, systemActor('test'), (tx) =>
    tx
      .insertInto('staff')
      .values(
        [
          [hoa, 'Lê Thị Hoa'],
          [lan, 'Vũ Thị Lan'],
          [minh, 'Đỗ Thị Minh'],
        ].map(([id, name]) => ({
          id: id!,
          school_id: ids.THA!,
          full_name: name!,
          family_name: name!.split(' ')[0]!,
          middle_name: 'Thị',
          given_name: name!.split(' ').at(-1)!,
          search_name: name!.toLowerCase(),
          birth_date: '1985-05-05',
          gender: 'female' as const,
          personal_id: null,
          position: 'teacher' as const,
          main_subject: null,
          qualification: null,
          employment_type: null,
        })),
      )
      .execute(),
  );
  await makeClass(db, { schoolId: ids.THA!, name: '3A', homeroomStaffId: hoa });
  // Another year's class is no clash.
  await makeClass(db, {
    schoolId: ids.THA!,
    name: '2A',
    schoolYear: '2024-2025',
    homeroomStaffId: lan,
  });
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  app = await buildApp({ db, webDir: null });
  clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const classesUrl = () => `/api/registry/schools/${ids.THA}/classes?year=${YEAR}`;

describe('a homeroom teacher on two classes of a year', () => {
  it('warns on create, on edit and in the list when the school allows it', async () => {
    const created = await send('POST', classesUrl(), {
      name: '3B',
      grade: 3,
      sessionsPerDay: 2,
      homeroomStaffId: hoa,
    });
    expect(created.status).toBe(201);
    expect(created.body.warnings).toEqual([
      {
        path: 'homeroomStaffId',
        message: 'Lê Thị Hoa cũng đang chủ nhiệm lớp 3A năm học 2025-2026.',
      },
    ]);
    const lone = await send('POST', classesUrl(), {
      name: '3C',
      grade: 3,
      sessionsPerDay: 2,
      homeroomStaffId: lan,
    });
    expect(lone.status).toBe(201);
    expect(lone.body.warnings).toEqual([]);

    const list = await clerk.get(classesUrl());
    const byName = Object.fromEntries(
      (list.body as { name: string; warnings: { message: string }[] }[]).map((c) => [
        c.name,
        c.warnings.map((w) => w.message),
      ]),
    );
    expect(byName).toEqual({
      '3A': ['Lê Thị Hoa cũng đang chủ nhiệm lớp 3B năm học 2025-2026.'],
      '3B': ['Lê Thị Hoa cũng đang chủ nhiệm lớp 3A năm học 2025-2026.'],
      '3C': [],
    });

    const moved = await send('PATCH', `/api/registry/classes/${lone.body.id}`, {
      homeroomStaffId: hoa,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.warnings[0]!.message).toBe(
      'Lê Thị Hoa cũng đang chủ nhiệm lớp 3A, 3B năm học 2025-2026.',
    );
    await send('PATCH', `/api/registry/classes/${lone.body.id}`, { homeroomStaffId: lan });
  });

  it('refuses a second class when the school says one each, changing nothing', async () => {
    const rule = await send('PUT', `/api/registry/schools/${ids.THA}/profile?year=${YEAR}`, {
      homeroomOneClass: true,
    });
    expect(rule.status).toBe(200);
    expect(rule.body.homeroomOneClass).toBe(true);
    const before = await db.selectFrom('class').select(['name', 'homeroom_staff_id']).execute();

    const refused = await send('POST', classesUrl(), {
      name: '3D',
      grade: 3,
      sessionsPerDay: 2,
      homeroomStaffId: lan,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'Vũ Thị Lan đã chủ nhiệm lớp 3C năm học 2025-2026; trường quy định mỗi giáo viên chủ nhiệm một lớp. Chưa lưu gì: hãy chọn giáo viên khác hoặc bỏ phân công ở lớp kia trước.',
    );
    const classes = (await clerk.get(classesUrl())).body as { id: string; name: string }[];
    const c3a = classes.find((c) => c.name === '3A')!;
    const edit = await send('PATCH', `/api/registry/classes/${c3a.id}`, { homeroomStaffId: lan });
    expect(edit.status).toBe(409);
    expect(edit.body.errors).toEqual([
      { path: 'homeroomStaffId', message: 'Đã chủ nhiệm lớp 3C.' },
    ]);
    expect(await db.selectFrom('class').select(['name', 'homeroom_staff_id']).execute()).toEqual(
      before,
    );

    // Classes recorded before the rule keep their teacher (still warned) and other edits pass.
    const rename = await send('PATCH', `/api/registry/classes/${c3a.id}`, { sessionsPerDay: 1 });
    expect(rename.status).toBe(200);
    expect(rename.body.warnings).toHaveLength(1);
    // Other years are not concerned.
    const other = await send('POST', `/api/registry/schools/${ids.THA}/classes?year=2024-2025`, {
      name: '2B',
      grade: 2,
      sessionsPerDay: 2,
      homeroomStaffId: hoa,
    });
    expect(other.status).toBe(201);
    expect(other.body.warnings).toEqual([]);
  });

  it('lets two concurrent saves give one teacher only one class under the rule', async () => {
    const [a, b] = await Promise.all(
      ['4A', '4B'].map((name) =>
        send('POST', classesUrl(), {
          name,
          grade: 4,
          sessionsPerDay: 2,
          homeroomStaffId: minh,
        }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
  });
});
