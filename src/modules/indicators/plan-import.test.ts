import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import { writeSimpleWorkbook } from '../../lib/xlsx.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeClasses } from '../../../test/helpers/factories/registry.ts';
import { makeTree, makeUser, PASSWORD } from '../../../test/helpers/factories/orgs.ts';
import type { AuditList } from '../orgs/contract.ts';
import type { Dashboard, PlanImportResult } from './contract.ts';
import { INDICATORS } from './definitions.ts';
import { parseTargetNumber } from './plan-import/import-targets.ts';
import { PLAN_HEADERS } from './plan-import/sheet.ts';

const YEAR = '2026-2027';
const H = [PLAN_HEADERS.indicatorId, PLAN_HEADERS.schoolYear, PLAN_HEADERS.value];
let t: TestDatabase;
let app: App;
let ids: Record<string, string>;
let officer: Client;
let commune: Client;
let school: Client;

beforeAll(async () => {
  t = await freshDatabase();
  ids = await makeTree(t.db, [
    { code: 'SGD', name: 'Sở GD&ĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'X02', name: 'Xã Hai', kind: 'commune', parent: 'SGD' },
    { code: 'TH1', name: 'Trường TH Một', kind: 'school', parent: 'X01', levels: ['primary'] },
  ]);
  await makeClasses(t.db, [{ schoolId: ids.TH1!, name: '1A', grade: 1, schoolYear: YEAR }]);
  await makeUser(t.db, ids.SGD!, 'department_staff', 'canbo.sgd');
  await makeUser(t.db, ids.X01!, 'office_staff', 'canbo.x01');
  await makeUser(t.db, ids.TH1!, 'school_admin', 'hieutruong.th1');
  await makeUser(t.db, ids.SGD!, 'department_admin', 'qt.sgd');
  app = await buildApp({ db: t.db, webDir: null });
  officer = await signIn(app, 'canbo.sgd', PASSWORD);
  commune = await signIn(app, 'canbo.x01', PASSWORD);
  school = await signIn(app, 'hieutruong.th1', PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

async function workbook(rows: (string | number | null)[][], headers = H): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeSimpleWorkbook(out, 'Chỉ tiêu kế hoạch', headers, rows);
  return Buffer.concat(chunks);
}

const PLAN = {
  name: 'Kế hoạch phát triển giáo dục 2025-2030',
  decision: '298/KH-UBND',
  decisionDate: '2024-12-30',
};

async function upload(client: Client, file: Buffer, fields: Record<string, string>) {
  const boundary = '----sogd-plan';
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  return app.inject({
    method: 'POST',
    url: '/api/indicators/plans/import',
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      ...parts,
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="chi-tieu.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

async function targets(): Promise<{ id: string; year: string; value: number }[]> {
  const r = await officer.get(`/api/indicators/dashboard?year=${YEAR}`);
  expect(r.status).toBe(200);
  return (r.body as Dashboard).indicators
    .flatMap((i) => i.targets.map((x) => ({ id: i.id, year: x.year, value: x.value })))
    .sort((a, b) => (a.id + a.year).localeCompare(b.id + b.year));
}

describe('plan targets from a workbook', () => {
  it('reads numbers as cells hold them and as Vietnamese write them', () => {
    expect(parseTargetNumber('91.5')).toBe(91.5);
    expect(parseTargetNumber('91,5')).toBe(91.5);
    expect(parseTargetNumber('1.234,5')).toBe(1234.5);
    expect(parseTargetNumber('80 %')).toBe(80);
    expect(parseTargetNumber('nhiều')).toBeNull();
    expect(parseTargetNumber('1,2,3')).toBeNull();
  });

  it('offers a template with the catalogue of indicator ids', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/indicators/plans/template.xlsx',
      headers: { cookie: officer.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('mau-chi-tieu-ke-hoach.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Chỉ tiêu kế hoạch', 'Danh mục chỉ tiêu']);
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(
      Object.values(PLAN_HEADERS),
    );
    const listed = book.worksheets[1]!.getColumn(1).values.slice(2);
    expect(listed).toEqual(INDICATORS.map((d) => d.id));
    const refused = await app.inject({
      method: 'GET',
      url: '/api/indicators/plans/template.xlsx',
      headers: { cookie: school.cookie },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a file with errors, naming row and column, and writes nothing', async () => {
    const file = await workbook([
      ['national_standard_rate', YEAR, '91,5'], // row 2: good
      ['ty_le_bi_mat', YEAR, 50], // row 3: unknown indicator
      ['two_sessions_primary_students', '2025-2027', 100], // row 4: not a school year
      ['two_sessions_primary_students', '2025', 100], // row 5: not a school year
      ['students_per_class', YEAR, 'ba mươi lăm'], // row 6: not a number
      ['national_standard_rate', YEAR, 90], // row 7: duplicate of row 2
      ['accredited_rate', YEAR, 120], // row 8: a percentage over 100
      [null, YEAR, null], // row 9: id and target missing
    ]);
    const r = await upload(officer, file, { unitId: ids.SGD!, ...PLAN });
    expect(r.statusCode).toBe(422);
    const result = r.json<PlanImportResult>();
    expect(result).toMatchObject({ planId: null, created: false, rows: 8, targets: 0 });
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'Mã chỉ tiêu',
        message:
          'Không có chỉ tiêu mã "ty_le_bi_mat" trong danh mục: chọn một mã trong trang "Danh mục chỉ tiêu" của tệp mẫu.',
      },
      {
        row: 4,
        column: 'Năm học',
        message: '"2025-2027" không phải năm học: cần hai năm liền nhau, dạng 2025-2026.',
      },
      {
        row: 5,
        column: 'Năm học',
        message: '"2025" không phải năm học: cần hai năm liền nhau, dạng 2025-2026.',
      },
      {
        row: 6,
        column: 'Mục tiêu',
        message: 'Mục tiêu "ba mươi lăm" không phải một số (ví dụ 91,5).',
      },
      {
        row: 7,
        column: 'Mã chỉ tiêu',
        message: `Dòng này trùng dòng 2 (cùng chỉ tiêu national_standard_rate và năm học ${YEAR}).`,
      },
      {
        row: 8,
        column: 'Mục tiêu',
        message: 'Mục tiêu 120 không phải tỷ lệ phần trăm (cần từ 0 đến 100).',
      },
      { row: 9, column: 'Mã chỉ tiêu', message: 'Thiếu mã chỉ tiêu.' },
      { row: 9, column: 'Mục tiêu', message: 'Thiếu mục tiêu.' },
    ]);
    expect(await targets()).toEqual([]);

    const noColumn = await upload(
      officer,
      await workbook([['national_standard_rate', YEAR]], H.slice(0, 2)),
      { unitId: ids.SGD!, ...PLAN },
    );
    expect(noColumn.statusCode).toBe(422);
    expect(noColumn.json<PlanImportResult>().errors).toEqual([
      {
        row: 1,
        column: 'Mục tiêu',
        message: 'Thiếu cột "Mục tiêu" ở dòng tiêu đề (dòng 1): hãy dùng tệp mẫu.',
      },
      { row: 2, column: 'Mục tiêu', message: 'Thiếu mục tiêu.' },
    ]);
    const notXlsx = await upload(officer, Buffer.from('ma,nam,muc tieu\n'), {
      unitId: ids.SGD!,
      ...PLAN,
    });
    expect(notXlsx.statusCode).toBe(400);
    const noName = await upload(officer, file, { unitId: ids.SGD!, decision: 'x' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'body.name',
      'body.decisionDate',
    ]);
    expect(await targets()).toEqual([]);
  });

  it('writes the plan’s targets from a good file, and replaces them on a new upload', async () => {
    const first = await upload(
      officer,
      await workbook([
        ['national_standard_rate', YEAR, '91,5'],
        ['national_standard_rate', '2030-2031', 80],
        ['two_sessions_primary_students', '2025-2026', 100],
        ['students_per_class', YEAR, 35],
      ]),
      { unitId: ids.SGD!, ...PLAN },
    );
    expect(first.statusCode).toBe(200);
    const created = first.json<PlanImportResult>();
    expect(created).toMatchObject({ created: true, rows: 4, targets: 4, errors: [] });
    expect(await targets()).toEqual([
      { id: 'national_standard_rate', year: '2026-2027', value: 91.5 },
      { id: 'national_standard_rate', year: '2030-2031', value: 80 },
      { id: 'students_per_class', year: '2026-2027', value: 35 },
      { id: 'two_sessions_primary_students', year: '2025-2026', value: 100 },
    ]);
    const again = await upload(officer, await workbook([['national_standard_rate', YEAR, 92]]), {
      unitId: ids.SGD!,
      ...PLAN,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<PlanImportResult>()).toMatchObject({
      planId: created.planId,
      created: false,
      targets: 1,
    });
    expect(await targets()).toEqual([
      { id: 'national_standard_rate', year: '2026-2027', value: 92 },
    ]);
  });

  it('refuses callers who may not enter plans, and units outside the caller’s scope', async () => {
    const file = await workbook([['national_standard_rate', YEAR, 90]]);
    const bySchool = await upload(school, file, { unitId: ids.TH1!, ...PLAN });
    expect(bySchool.statusCode).toBe(403);
    const byCommune = await upload(commune, file, { unitId: ids.X01!, ...PLAN });
    expect(byCommune.statusCode).toBe(403); // office staff do not hold indicators.write
    const outside = await upload(officer, file, {
      unitId: '01900000-0000-7000-8000-000000000000',
      ...PLAN,
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe('plans in the audit log', () => {
  const DECISION = '15/KH-SGDĐT';
  const name = (id: string) => INDICATORS.find((d) => d.id === id)!.name;

  it('records who entered, imported and changed which target, with Vietnamese labels', async () => {
    const auditor = await signIn(app, 'qt.sgd', PASSWORD);
    const log = async (entityType: string) =>
      (
        (await auditor.get(`/api/audit?entityType=${entityType}&pageSize=200`)).body as AuditList
      ).items
        .filter((e) => JSON.stringify(e.after ?? e.before).includes(planId))
        .reverse();
    // Entered on the form: the plan and its two targets.
    const created = await officer.send('POST', '/api/indicators/plans', {
      unitId: ids.SGD,
      name: 'Kế hoạch thực hiện năm học',
      decision: DECISION,
      decisionDate: '2026-08-20',
      targets: [
        { indicatorId: 'two_sessions_primary_students', schoolYear: YEAR, value: 95 },
        { indicatorId: 'national_standard_rate', schoolYear: YEAR, value: 60 },
      ],
    });
    expect(created.status).toBe(201);
    const planId = (created.body as { id: string }).id;
    const [plan] = await log('indicator_plan');
    expect(plan!.action).toBe('insert');
    expect(plan!.actorName).toContain('canbo.sgd');
    expect(plan!.orgUnitId).toBe(ids.SGD);
    expect(plan!.summary).toEqual({
      vi: `Thêm kế hoạch chỉ tiêu Kế hoạch thực hiện năm học (${DECISION})`,
      en: `Added target plan Kế hoạch thực hiện năm học (${DECISION})`,
    });
    expect(plan!.changes).toContainEqual({
      field: 'decision_date',
      label: { vi: 'Ngày ban hành', en: 'Date issued' },
      before: null,
      after: { vi: '20/08/2026', en: '20/08/2026' },
    });
    const added = await log('indicator_target');
    expect(added.map((e) => e.action)).toEqual(['insert', 'insert']);
    expect(added.map((e) => e.summary.vi).sort()).toEqual(
      [
        `Thêm chỉ tiêu kế hoạch ${name('national_standard_rate').vi} (${YEAR})`,
        `Thêm chỉ tiêu kế hoạch ${name('two_sessions_primary_students').vi} (${YEAR})`,
      ].sort(),
    );
    expect(added.every((e) => e.orgUnitId === ids.SGD)).toBe(true);

    // Imported again under the same number: a new name, one value changed, one
    // target gone, one new; the unchanged plan date and nothing else is written.
    const r = await upload(
      officer,
      await workbook([
        ['two_sessions_primary_students', YEAR, '97,5'],
        ['dropout_rate', YEAR, '0,5'],
      ]),
      {
        unitId: ids.SGD!,
        name: 'Kế hoạch thực hiện năm học (sửa)',
        decision: DECISION,
        decisionDate: '2026-08-20',
      },
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<PlanImportResult>()).toMatchObject({ planId, created: false, targets: 2 });
    const plans = await log('indicator_plan');
    expect(plans.map((e) => e.action)).toEqual(['insert', 'update']);
    expect(plans[1]!.changes).toEqual([
      {
        field: 'name',
        label: { vi: 'Tên kế hoạch', en: 'Plan name' },
        before: { vi: 'Kế hoạch thực hiện năm học', en: 'Kế hoạch thực hiện năm học' },
        after: { vi: 'Kế hoạch thực hiện năm học (sửa)', en: 'Kế hoạch thực hiện năm học (sửa)' },
      },
    ]);
    const targetsLog = (await log('indicator_target')).slice(2);
    const by = (action: string) => targetsLog.filter((e) => e.action === action);
    expect(targetsLog).toHaveLength(3);
    expect(by('update')).toHaveLength(1);
    expect(by('update')[0]!.summary.en).toBe(
      `Edited plan target ${name('two_sessions_primary_students').en} (${YEAR})`,
    );
    expect(by('update')[0]!.changes).toEqual([
      {
        field: 'value',
        label: { vi: 'Giá trị mục tiêu', en: 'Target value' },
        before: { vi: '95', en: '95' },
        after: { vi: '97,5', en: '97.5' },
      },
    ]);
    expect(by('delete').map((e) => e.summary.vi)).toEqual([
      `Xoá chỉ tiêu kế hoạch ${name('national_standard_rate').vi} (${YEAR})`,
    ]);
    expect(by('insert').map((e) => e.summary.vi)).toEqual([
      `Thêm chỉ tiêu kế hoạch ${name('dropout_rate').vi} (${YEAR})`,
    ]);

    // The same file once more: nothing changed, nothing written.
    const again = await upload(
      officer,
      await workbook([
        ['two_sessions_primary_students', YEAR, '97,5'],
        ['dropout_rate', YEAR, '0,5'],
      ]),
      {
        unitId: ids.SGD!,
        name: 'Kế hoạch thực hiện năm học (sửa)',
        decision: DECISION,
        decisionDate: '2026-08-20',
      },
    );
    expect(again.statusCode).toBe(200);
    expect(await log('indicator_plan')).toHaveLength(2);
    expect(await log('indicator_target')).toHaveLength(5);
    // The plan's targets are what the file says.
    const now = (await targets()).filter((x) => x.id === 'dropout_rate' || x.value === 97.5);
    expect(now).toEqual([
      { id: 'dropout_rate', year: YEAR, value: 0.5 },
      { id: 'two_sessions_primary_students', year: YEAR, value: 97.5 },
    ]);
  });
});
