import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { buildApp, type App } from '../../app/app.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeClass } from '../../../test/helpers/factories/registry.ts';
import type { ImportReport, StudentHistory, StudentSearchAnswer } from './contract.ts';
import { importStudents, STUDENT_HEADERS } from './imports/import-students.ts';

/**
 * The registry's HTTP contract: every operation documents its answer, and an
 * answer carries only what its schema lists (serialisation drops the rest).
 */

let db: Db;
let close: () => Promise<void>;
let app: App;
let clerk: Client;
let ids: Record<string, string>;

const PERSONAL_ID = '001317000123';
const ROW = [
  'THA',
  '3A',
  'Vũ Minh Châu',
  '10/10/2017',
  'Nữ',
  PERSONAL_ID,
  'HS001',
  'Kinh',
  'Hà Nội',
  '12 Phố Huế, Hà Nội',
  'Vũ Văn Bình',
  '0912345678',
];

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('HS');
  ws.addRow(Object.values(STUDENT_HEADERS));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(path: string, bytes: Buffer) {
  const boundary = '----sogd';
  return app.inject({
    method: 'POST',
    url: path,
    headers: {
      cookie: clerk.cookie,
      'x-csrf-token': clerk.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hs.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await makeClass(db, { schoolId: ids.THA!, schoolYear: '2025-2026', name: '3A' });
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  app = await buildApp({ db, webDir: null });
  clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('registry contract', () => {
  it('documents a 2xx answer for every registry operation in /docs/json', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    }>();
    const registryPaths = Object.keys(doc.paths).filter(
      (p) =>
        p.startsWith('/api/registry/') ||
        p === '/api/orgs/{id}/classes' ||
        p === '/api/classes/{id}/students',
    );
    // Students, staff, imports, schools, classes, facilities, promotions, transfers, lookup.
    expect(registryPaths.length).toBeGreaterThanOrEqual(25);
    let operations = 0;
    for (const path of registryPaths) {
      for (const [method, operation] of Object.entries(doc.paths[path]!)) {
        operations += 1;
        const codes = Object.keys(operation.responses ?? {});
        expect(
          codes.some((c) => c.startsWith('2')),
          `${method.toUpperCase()} ${path}`,
        ).toBe(true);
      }
    }
    expect(operations).toBeGreaterThanOrEqual(35);
  });

  it('sends only the listed fields: no timing in the import report, no personal data in lists', async () => {
    const bytes = await workbook([ROW]);
    // The use case reports its timing; the HTTP answer's schema does not list it.
    const direct = await importStudents(db, bytes, {
      actor: systemActor('test'),
      schoolYear: '2025-2026',
      dryRun: true,
      createClasses: false,
    });
    expect(direct.summary.ms).toBeTypeOf('number');
    const answer = await upload('/api/registry/imports/students?year=2025-2026&dryRun=0', bytes);
    expect(answer.statusCode, answer.body).toBe(200);
    const report = answer.json<ImportReport>();
    expect(report.summary).toEqual({ rows: 1, added: 1, updated: 0, unchanged: 0, errors: 0 });
    expect(report.summary).not.toHaveProperty('ms');
    expect(report.applied).toBe(true);

    // The search lists the student with the personal id masked; the full id,
    // address, guardian and phone never leave the server in a list.
    const found = await clerk.get('/api/registry/students?q=vu%20minh&year=2025-2026');
    expect(found.status).toBe(200);
    const hits = found.body as StudentSearchAnswer;
    expect(hits.items).toHaveLength(1);
    expect(Object.keys(hits.items[0]!).sort()).toEqual(
      [
        'birthDate',
        'className',
        'fullName',
        'gender',
        'id',
        'personalIdMasked',
        'school',
        'status',
        'studentCode',
        'version',
      ].sort(),
    );
    expect(hits.items[0]!.personalIdMasked).toBe('********0123');
    const raw = JSON.stringify(found.body);
    for (const secret of [PERSONAL_ID, 'Phố Huế', 'Vũ Văn Bình', '0912345678'])
      expect(raw).not.toContain(secret);

    const history = await clerk.get(`/api/registry/students/${hits.items[0]!.id}/history`);
    expect(history.status).toBe(200);
    expect(Object.keys((history.body as StudentHistory).student).sort()).toEqual(
      ['birthDate', 'fullName', 'id', 'school', 'status', 'statusReason'].sort(),
    );
    expect(JSON.stringify(history.body)).not.toContain(PERSONAL_ID);
  });
});
