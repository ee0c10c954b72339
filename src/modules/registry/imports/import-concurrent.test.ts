import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { AppError } from '../../../core/errors.ts';
import { sql } from 'kysely';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { staffRow } from '../../../../test/helpers/factories/staff.ts';
import { importStaff, STAFF_HEADERS } from './import-staff.ts';
import { importStudents, STUDENT_HEADERS } from './import-students.ts';

/**
 * Issue #11, item 10: two imports of the same students at once. On the
 * PostgreSQL server they ran into each other's row locks in opposite orders
 * (a deadlock: one answered 500); PGlite runs one transaction at a time, so
 * there the test only checks the outcome.
 */

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
const actor = systemActor('test nhập đồng thời');
const YEAR = '2025-2026';
// Enough rows on the server for the two imports' writes to overlap.
const N = process.env.SOGD_TEST_TARGET === 'postgres' ? 1500 : 300;

const pupil = (i: number, address: string) => [
  'THB',
  '6A1',
  `Học Sinh Số ${i}`,
  '02/02/2014',
  i % 2 ? 'Nam' : 'Nữ',
  '',
  `C${String(i).padStart(6, '0')}`,
  '',
  '',
  address,
  '',
  '',
];
async function workbook(rows: (string | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Học sinh');
  ws.addRow(Object.values(STUDENT_HEADERS));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const run = (bytes: Buffer) =>
  importStudents(db, bytes, { actor, schoolYear: YEAR, dryRun: false, createClasses: false });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** Waits until some session waits for a lock: the import has reached the other writer's row. */
async function untilALockIsAwaited(): Promise<void> {
  for (;;) {
    const { rows } = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM pg_locks WHERE NOT granted`.execute(db);
    if (Number(rows[0]!.n) > 0) return;
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await writeTransaction(db, actor, (tx) =>
    tx
      .insertInto('class')
      .values({
        school_id: ids.THB!,
        id: uuidv7(),
        school_year: YEAR,
        name: '6A1',
        grade: 6,
        homeroom_staff_id: null,
      })
      .execute(),
  );
  // One student first, so that the imports below are re-imports, not a first load.
  expect((await run(await workbook([pupil(N * 10, 'Thôn 0')]))).summary.added).toBe(1);
});
afterAll(async () => close?.());

describe('two imports of the same students at once', () => {
  it('both finish when they add the same new students, in opposite orders', async () => {
    const forward = await workbook(range(0, N).map((i) => pupil(i, 'Thôn 1')));
    const backward = await workbook(
      range(0, N)
        .reverse()
        .map((i) => pupil(i, 'Thôn 1')),
    );
    const [a, b] = await Promise.all([run(forward), run(backward)]);
    expect(a.applied && b.applied).toBe(true);
    // One added them; the other, tried again after the first committed, found them unchanged.
    expect(a.summary.added + b.summary.added).toBe(N);
    expect(a.summary.unchanged + b.summary.unchanged).toBe(N);
  });

  it('both finish when they update the same students, in opposite orders', async () => {
    const forward = await workbook(range(0, N).map((i) => pupil(i, 'Thôn 2')));
    const backward = await workbook(
      range(0, N)
        .reverse()
        .map((i) => pupil(i, 'Thôn 3')),
    );
    const results = await Promise.allSettled([run(forward), run(backward)]);
    // Before the fix, one of them: "deadlock detected" (40P01).
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual([
      'ok',
      'ok',
    ]);
    const addresses = await db
      .selectFrom('student')
      .select('address')
      .distinct()
      .where('student_code', 'like', 'C%')
      .where('student_code', '<', `C${String(N).padStart(6, '0')}`)
      .execute();
    // Each import is all or nothing: the later one wrote every row.
    expect(addresses).toHaveLength(1);
  });

  it('answers a clear 409 when an upload stream, read only once, loses the race', async () => {
    const postgres = process.env.SOGD_TEST_TARGET === 'postgres';
    const bytes = await workbook(range(N, 2 * N).map((i) => pupil(i, 'Thôn 4')));
    // Another writer adds one of the file's students and commits only once
    // the import waits for it (PGlite: the import waits its turn instead).
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    let started!: () => void;
    const inserted = new Promise<void>((ok) => (started = ok));
    const other = writeTransaction(db, actor, async (tx) => {
      await tx
        .insertInto('student')
        .values({
          id: uuidv7(),
          school_id: ids.THB!,
          student_code: `C${String(2 * N - 1).padStart(6, '0')}`,
          full_name: 'Học Sinh Khác',
          family_name: 'Học',
          middle_name: 'Sinh',
          given_name: 'Khác',
          search_name: 'hoc sinh khac',
          birth_date: '2014-02-02',
          gender: 'male',
        })
        .execute();
      started();
      await held;
    });
    await inserted;
    const importing = importStudents(db, Readable.from(bytes), {
      actor,
      schoolYear: YEAR,
      dryRun: false,
      createClasses: false,
    }).then(
      (result) => result,
      (error: unknown) => error,
    );
    if (postgres) await untilALockIsAwaited();
    release();
    await other;
    const outcome = await importing;
    if (postgres) {
      expect(outcome).toBeInstanceOf(AppError);
      expect(outcome).toMatchObject({ status: 409 });
      expect((outcome as AppError).detail).toContain(
        'Một lượt nhập khác đang ghi cùng những học sinh này',
      );
    } else
      // the other writer's student is known by then: a correction of the name
      expect(outcome).toMatchObject({ applied: true, summary: { added: N - 1, updated: 1 } });
  });

  it('staff: another writer adding the same person meanwhile gives a 409, not a 500', async () => {
    const postgres = process.env.SOGD_TEST_TARGET === 'postgres';
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cán bộ');
    ws.addRow(Object.values(STAFF_HEADERS));
    ws.addRow(['THB', 'Lương Thị Mai', '04/04/1988', 'Nữ', '044188000777', 'Giáo viên']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    let started!: () => void;
    const inserted = new Promise<void>((ok) => (started = ok));
    const other = writeTransaction(db, actor, async (tx) => {
      await tx
        .insertInto('staff')
        .values(
          staffRow({
            schoolId: ids.THB!,
            fullName: 'Lương Thị Mai',
            birthDate: '1988-04-04',
            personalId: '044188000777',
          }),
        )
        .execute();
      started();
      await held;
    });
    await inserted;
    const importing = importStaff(db, Readable.from(bytes), { actor, dryRun: false }).then(
      (result) => result,
      (error: unknown) => error,
    );
    if (postgres) await untilALockIsAwaited();
    release();
    await other;
    const outcome = await importing;
    if (postgres) expect(outcome).toMatchObject({ status: 409 });
    else expect(outcome).toMatchObject({ applied: true, summary: { unchanged: 1 } });
  });
});
