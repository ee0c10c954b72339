import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../app/app.ts';
import type { Db } from '../../../db/connection.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { signIn } from '../../../../test/helpers/client.ts';
import {
  makeTree,
  makeUnit,
  makeUser,
  PASSWORD,
  scopeAt,
  SMALL_PROVINCE,
} from '../../../../test/helpers/factories/orgs.ts';
import { CATCHMENT_HEADERS } from './catchment-sheet.ts';
import { importCatchments } from './import-catchments.ts';
import { listCatchments } from './list-catchments.ts';

let test: TestDatabase;
let db: Db;
let ids: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'sogd-catchments-'));
const H = Object.values(CATCHMENT_HEADERS);

async function workbook(name: string, rows: (string | number | null)[][]): Promise<string> {
  const file = join(dir, `${name}.xlsx`);
  await writeSimpleWorkbook(file, 'Tuyến tuyển sinh', H, rows);
  return file;
}

beforeAll(async () => {
  test = await freshDatabase();
  db = test.db;
  ids = await makeTree(db, SMALL_PROVINCE);
});
afterAll(async () => {
  await test.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('entry-grade catchments from a workbook', () => {
  it('refuses a file with errors, naming row and column, and changes nothing', async () => {
    const scope = await scopeAt(db, ids.SGD!, 'department_staff');
    const file = await workbook('bad', [
      ['X01', 'T1', 'Thôn Đông', 1, 'THA', '20,8612', '106,6834'],
      ['X01', 'T1', 'Thôn Tây', 1, 'THB', null, null], // same code, another name; THB has no primary
      ['THA', 'T2', 'Thôn Nam', 6, 'THB', '200', '106'], // not a commune; latitude out of range
      ['X02', 'T3', 'Tổ 3', 2, 'THC', null, null], // grade 2
    ]);
    const result = await importCatchments(db, scope, { file, dryRun: false });
    expect(result.errors).toEqual(
      expect.arrayContaining([
        {
          row: 3,
          column: 'Tên khu dân cư (thôn, tổ dân phố)',
          message: expect.stringContaining('dòng 2') as string,
        },
        {
          row: 3,
          column: 'Mã trường',
          message: expect.stringContaining('không tuyển sinh lớp 1') as string,
        },
        { row: 4, column: 'Vĩ độ', message: expect.stringContaining('từ 8 đến 24') as string },
        { row: 5, column: 'Lớp', message: expect.stringContaining('lớp 1 hoặc lớp 6') as string },
      ]),
    );
    expect(await listCatchments(db, scope, ids.X01!)).toEqual([]);
  });

  it('sets a commune’s areas and their schools, then replaces them by the next file', async () => {
    const scope = await scopeAt(db, ids.SGD!, 'department_staff');
    const first = await importCatchments(db, scope, {
      file: await workbook('first', [
        ['X01', 'T1', 'Thôn Đông', 1, 'THA', '20,8612', '106,6834'],
        ['X01', 'T1', 'Thôn Đông', 6, 'THB', '20,8612', '106,6834'],
        ['X01', 'T2', 'Thôn Tây', 1, 'THA', null, null],
      ]),
      dryRun: false,
    });
    expect(first).toMatchObject({ errors: [], rows: 3, communes: 1, areasAdded: 2, links: 3 });
    const areas = await listCatchments(db, scope, ids.X01!);
    expect(
      areas.map((a) => [a.code, a.name, a.home, a.schools.map((s) => `${s.grade}:${s.code}`)]),
    ).toEqual([
      ['T1', 'Thôn Đông', { lat: 20.8612, lon: 106.6834 }, ['1:THA', '6:THB']],
      ['T2', 'Thôn Tây', null, ['1:THA']],
    ]);

    const second = await importCatchments(db, scope, {
      file: await workbook('second', [['X01', 'T1', 'Thôn Đông mới', 1, 'THA', null, null]]),
      dryRun: false,
    });
    expect(second).toMatchObject({
      areasAdded: 0,
      areasUpdated: 1,
      links: 1,
      areasUnserved: ['T2'],
    });
    const after = await listCatchments(db, scope, ids.X01!);
    expect(after.map((a) => [a.code, a.name, a.schools.length])).toEqual([
      ['T1', 'Thôn Đông mới', 1],
      ['T2', 'Thôn Tây', 0],
    ]);
  });

  it('keeps a commune officer to their own commune', async () => {
    const officer = await scopeAt(db, ids.X02!, 'office_staff');
    const result = await importCatchments(db, officer, {
      file: await workbook('other-commune', [['X01', 'T9', 'Thôn Bắc', 1, 'THA', null, null]]),
      dryRun: false,
    });
    expect(result.errors.map((e) => e.message)).toEqual([
      'Không có xã/phường mã "X01" trong phạm vi của bạn.',
      'Không có trường mã "THA" trong phạm vi của bạn.',
    ]);
    await expect(listCatchments(db, officer, ids.X01!)).rejects.toMatchObject({ status: 404 });
    const teacher = await scopeAt(db, ids.THA!, 'school_staff');
    await expect(
      importCatchments(db, teacher, { file: await workbook('t', []), dryRun: true }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('entry-grade catchments over HTTP', () => {
  let app: App;
  afterAll(() => app?.close());

  it('imports a workbook for the commune officer and lists it; 422 with the errors otherwise', async () => {
    await makeUser(db, ids.X02!, 'office_staff', 'canbo.x02');
    app = await buildApp({ db, webDir: null });
    const officer = await signIn(app, 'canbo.x02', PASSWORD);
    const upload = async (file: string) => {
      const boundary = '----sogd';
      return app.inject({
        method: 'POST',
        url: '/api/admissions/catchments/import',
        headers: {
          cookie: officer.cookie,
          'x-csrf-token': officer.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tuyen.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          readFileSync(file),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    };
    const refused = await upload(
      await workbook('http-bad', [['X02', 'TDP1', 'Tổ 1', 1, 'THC', null, null]]),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ errors: { message: string }[] }>().errors[0]!.message).toContain(
      'không tuyển sinh lớp 1',
    );
    await makeUnit(db, {
      code: 'THD',
      name: 'Trường Tiểu học Đông Hải',
      kind: 'school',
      parentId: ids.X02!,
      levels: ['primary'],
    });
    const done = await upload(
      await workbook('http-good', [['X02', 'TDP1', 'Tổ 1', 1, 'THD', null, null]]),
    );
    expect(done.statusCode).toBe(200);
    const listed = await officer.get(`/api/admissions/catchments/${ids.X02}`);
    expect(listed).toMatchObject({
      status: 200,
      body: [{ code: 'TDP1', schools: [{ code: 'THD', grade: 1 }] }],
    });
    expect((await officer.get(`/api/admissions/catchments/${ids.X01}`)).status).toBe(404);
  });

  it('edits a catchment on the web: adds an area and a school, removes one, audited, in scope', async () => {
    const officer = await signIn(app, 'canbo.x02', PASSWORD);
    const edit = (communeId: string, body: unknown) =>
      officer.send('PATCH', `/api/admissions/catchments/${communeId}/areas`, body);
    // A new area needs its name; then it is created with the school serving it.
    const nameless = await edit(ids.X02!, {
      areaCode: 'TDP2',
      grade: 1,
      schoolCode: 'THD',
      serves: true,
    });
    expect(nameless.status).toBe(400);
    expect(JSON.stringify(nameless.body)).toContain('ghi tên khu dân cư');
    const added = await edit(ids.X02!, {
      areaCode: 'TDP2',
      areaName: 'Tổ 2',
      grade: 1,
      schoolCode: 'THD',
      serves: true,
    });
    expect(added).toMatchObject({
      status: 200,
      body: { code: 'TDP2', name: 'Tổ 2', schools: [{ code: 'THD', grade: 1 }] },
    });
    // A preschool does not admit to grade 1; a school of another commune's subtree is unknown.
    const preschool = await edit(ids.X02!, {
      areaCode: 'TDP2',
      grade: 1,
      schoolCode: 'THC',
      serves: true,
    });
    expect(preschool.status).toBe(400);
    expect(JSON.stringify(preschool.body)).toContain('không tuyển sinh lớp 1');
    const outside = await edit(ids.X02!, {
      areaCode: 'TDP2',
      grade: 1,
      schoolCode: 'THA',
      serves: true,
    });
    expect(outside.status).toBe(400);
    expect(JSON.stringify(outside.body)).toContain('trong phạm vi của bạn');
    expect(
      (await edit(ids.X01!, { areaCode: 'T1', grade: 1, schoolCode: 'THA', serves: false })).status,
    ).toBe(404);
    // Removing leaves the area, unserved; nothing else changed.
    const removed = await edit(ids.X02!, {
      areaCode: 'tdp1',
      grade: 1,
      schoolCode: 'THD',
      serves: false,
    });
    expect(removed).toMatchObject({ status: 200, body: { code: 'TDP1', schools: [] } });
    const listed = await officer.get(`/api/admissions/catchments/${ids.X02}`);
    expect(listed.body).toMatchObject([
      { code: 'TDP1', schools: [] },
      { code: 'TDP2', schools: [{ code: 'THD' }] },
    ]);
    // Audited, by the officer.
    const audited = await db
      .selectFrom('audit_log')
      .select(['actor_name', 'action'])
      .where('entity_type', '=', 'entry_catchment')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audited).toMatchObject({ action: 'delete' });
    expect(audited.actor_name).toContain('canbo.x02');
  });
});
