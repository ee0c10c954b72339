import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../db/actor.ts';
import type { Db } from '../db/connection.ts';
import { uuidv7 } from '../lib/ids.ts';
import { controlCharIn } from '../lib/control-chars.ts';
import { STUDENT_HEADERS } from '../modules/registry/imports/import-students.ts';
import { buildApp, type App } from './app.ts';
import { freshDatabase } from '../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../test/helpers/client.ts';

// A NUL (or another control character) used to pass validation and the dry
// run, then fail at the write with a 500: PostgreSQL stores no U+0000. It is
// refused at the boundary, with the field or the cell named.

let db: Db;
let close: () => Promise<void>;
let app: App;
let clerk: Client;
let ids: Record<string, string>;
let classId: string;
const YEAR = '2025-2026';

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  classId = uuidv7();
  await writeTransaction(db, systemActor('test'), (tx) =>
    tx
      .insertInto('class')
      .values({
        school_id: ids.THA!,
        id: classId,
        school_year: YEAR,
        name: '3A',
        grade: 3,
        homeroom_staff_id: null,
      })
      .execute(),
  );
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  app = await buildApp({ db, webDir: null });
  clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

interface Problem {
  status: number;
  title: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

function expectRefused(r: { status: number; body: unknown }, path: string, code = 'U+0000') {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  const problem = r.body as Problem;
  expect(problem.title).toBe('Dữ liệu không hợp lệ');
  expect(problem.errors?.map((e) => e.path)).toEqual([path]);
  expect(problem.errors?.[0]?.message).toBe(`chứa ký tự điều khiển không hợp lệ (mã ${code})`);
  expect(problem.detail).toContain(`${path}: chứa ký tự điều khiển`);
}

function multipart(parts: { name: string; filename?: string; body: Buffer | string }[]) {
  const boundary = '----sogd-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n` +
          (p.filename !== undefined ? 'Content-Type: application/octet-stream\r\n' : '') +
          '\r\n',
      ),
      Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body),
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    headers: {
      cookie: clerk.cookie,
      'x-csrf-token': clerk.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat(chunks),
  };
}

async function studentWorkbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('HS');
  ws.addRow(Object.values(STUDENT_HEADERS));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const importStudents = async (bytes: Buffer, dryRun: '0' | '1', filename = 'hs.xlsx') => {
  const r = await app.inject({
    method: 'POST',
    url: `/api/registry/imports/students?year=${YEAR}&dryRun=${dryRun}`,
    ...multipart([{ name: 'file', filename, body: bytes }]),
  });
  return { status: r.statusCode, body: r.json<unknown>() };
};

async function put(url: string, payload: object) {
  const r = await app.inject({
    method: 'PUT',
    url,
    headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken },
    payload,
  });
  return { status: r.statusCode, body: r.json<unknown>() };
}

const good = ['THA', '3A', 'Vũ Minh Châu', '10/10/2017', 'Nữ'];

describe('control characters at the boundary', () => {
  it('knows which characters are refused', () => {
    expect(controlCharIn('Nguyễn Văn An')).toBeNull();
    expect(controlCharIn('dòng một\ndòng hai\r\n\tthụt lề')).toBeNull();
    expect(controlCharIn('😀 emoji is a valid pair')).toBeNull();
    expect(controlCharIn('a\u0000b')).toBe('U+0000');
    expect(controlCharIn('\u001b[31m')).toBe('U+001B');
    expect(controlCharIn('x\u007f')).toBe('U+007F');
    expect(controlCharIn('\u000b')).toBe('U+000B');
    expect(controlCharIn('lone \ud800 high')).toBe('U+D800');
    expect(controlCharIn('lone \udc00 low')).toBe('U+DC00');
  });

  it('refuses %00 in a query and in a path parameter with 400, naming the field', async () => {
    expectRefused(await clerk.get(`/api/registry/students?q=an%00&year=${YEAR}`), 'querystring.q');
    expectRefused(await clerk.get(`/api/registry/schools/A%00/classes?year=${YEAR}`), 'params.id');
    // Unauthenticated public routes too.
    const r = await app.inject({
      method: 'GET',
      url: '/api/public/diplomas/lookup?serial=A%01&fullName=An&birthDate=01/01/2008',
    });
    expectRefused({ status: r.statusCode, body: r.json() }, 'querystring.serial', 'U+0001');
  });

  it('refuses a NUL in the JSON body of a class, a school profile and a status change', async () => {
    expectRefused(
      await clerk.send('POST', `/api/registry/schools/${ids.THA}/classes?year=${YEAR}`, {
        name: '3\u0000B',
        grade: 3,
        sessionsPerDay: 1,
      }),
      'body.name',
    );
    expect(
      await db.selectFrom('class').select('name').where('school_id', '=', ids.THA!).execute(),
    ).toEqual([{ name: '3A' }]);
    expectRefused(
      await clerk.send('PATCH', `/api/registry/classes/${classId}`, { name: '3A\u001b' }),
      'body.name',
      'U+001B',
    );
    expectRefused(
      await put(`/api/registry/schools/${ids.THA}/profile?year=${YEAR}`, {
        nationalStandardLevel: 0,
        accreditationLevel: 0,
        twoSessionsADay: true,
        notes: 'Ghi chú\u0000',
      }),
      'body.notes',
    );
    // A student to change the status of.
    expect((await importStudents(await studentWorkbook([good]), '0')).status).toBe(200);
    const student = await db
      .selectFrom('student')
      .select('id')
      .where('full_name', '=', 'Vũ Minh Châu')
      .executeTakeFirstOrThrow();
    expectRefused(
      await clerk.send('POST', `/api/registry/students/${student.id}/status`, {
        status: 'transferred',
        reason: 'Chuyển\u0000 trường',
      }),
      'body.reason',
    );
    // Nested paths and a lone surrogate (jsonb cannot store its escape).
    expectRefused(
      await clerk.send('POST', `/api/registry/students/${student.id}/status`, {
        status: 'transferred',
        reason: 'Chuyển \ud83d trường',
      }),
      'body.reason',
      'U+D83D',
    );
    // Tab and line breaks stay allowed in free text.
    const ok = await clerk.send('POST', `/api/registry/students/${student.id}/status`, {
      status: 'transferred',
      reason: 'Chuyển theo gia đình:\n\tvào TP. Hồ Chí Minh',
    });
    expect(ok.status).toBe(200);
  });

  it('names the place in arrays, and refuses control characters in keys', async () => {
    const r = await clerk.send('POST', '/api/diplomas/issue', {
      authorityId: ids.THA,
      entries: [{ fullName: 'An' }, { fullName: 'Bình\u0000' }],
    });
    expectRefused(r, 'body.entries.1.fullName');
    const key = await clerk.send('POST', `/api/registry/students/${uuidv7()}/status`, {
      status: 'transferred',
      reason: 'x',
      'bad\u0007key': 1,
    });
    expectRefused(key, 'body.bad\\u0007key', 'U+0007');
  });

  it('refuses a NUL in an uploaded file name and in a multipart field', async () => {
    const bytes = await studentWorkbook([good]);
    expectRefused(await importStudents(bytes, '1', 'hs\u0001.xlsx'), 'file.filename', 'U+0001');
    const r = await app.inject({
      method: 'POST',
      url: `/api/registry/imports/students?year=${YEAR}&dryRun=1`,
      ...multipart([
        { name: 'note', body: 'ghi chú\u0000' },
        { name: 'file', filename: 'hs.xlsx', body: bytes },
      ]),
    });
    expectRefused({ status: r.statusCode, body: r.json() }, 'note');
  });

  it('makes an _x0000_ cell a row error in the dry run and the real import, writing nothing', async () => {
    const before = await db.selectFrom('student').select('id').execute();
    const bytes = await studentWorkbook([
      ['THA', '3A', 'Trần Thị Bích', '01/02/2017', 'Nữ'],
      ['THA', '3A', 'Lê _x0000_Văn Dũng', '03/04/2017', 'Nam'],
      ['THA', '3A', 'Phạm Văn Hải', '05/06/2017', 'Nam', '', '', 'Kinh_x0001_'],
    ]);
    for (const dryRun of ['1', '0'] as const) {
      const r = await importStudents(bytes, dryRun);
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      const body = r.body as {
        errorList: { row: number; column: string | null; message: string }[];
      };
      expect(body.errorList.map((e) => [e.row, e.column])).toEqual([
        [3, 'Họ và tên'],
        [4, 'Dân tộc'],
      ]);
      expect(body.errorList[0]!.message).toContain(
        'ô chứa ký tự điều khiển (mã U+0000) không được phép',
      );
      expect(body.errorList[1]!.message).toContain('(mã U+0001)');
    }
    expect(await db.selectFrom('student').select('id').execute()).toEqual(before);
  });
});
