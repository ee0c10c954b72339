/**
 * Indicators benchmark (issue #16, "Speed"): a province of 1,500 schools and
 * 500,000 students from the demo generator, then
 * - the dashboard of the whole province (all indicators, one level of drill-down),
 * - one school's dashboard,
 * - the teacher report of the province (the rows `sogd reports teachers` writes),
 * each run 20 times (BENCH_RUNS) after a warm-up, p50 / p95 in ms; then the
 * province dashboard right after a school switches a class to two sessions
 * (the summary recomputes that school first: "an edit shows within 5 s").
 * The first run also recomputes the summary of the whole seeded province.
 *
 *   npx tsx bench/indicators.ts                 # PGlite, 1,500 schools, 500,000 students
 *   npx tsx bench/indicators.ts --quick         # 150 schools, 50,000 students
 *   DATABASE_URL=postgres://… npx tsx bench/indicators.ts   # an empty PostgreSQL database
 */
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import '../src/app/modules.ts';
import { getDashboard } from '../src/modules/indicators/dashboard.ts';
import { teacherRows } from '../src/modules/indicators/teacher-rows.ts';
import { seedDemo } from '../src/modules/demo/index.ts';
import { schoolYearOf } from '../src/modules/registry/index.ts';
import { Scope } from '../src/core/access/scope.ts';
import { sql } from 'kysely';
import { systemActor, writeTransaction } from '../src/db/actor.ts';

const quick = process.argv.includes('--quick');
const schools = quick ? 150 : 1_500;
const students = quick ? 50_000 : 500_000;
const year = schoolYearOf();

const database = process.env.DATABASE_URL
  ? await openDatabase({ databaseUrl: process.env.DATABASE_URL })
  : await openDatabase({ memory: true });
const { db } = database;
await migrateToLatest(db);
const seeded = await seedDemo(db, { schools, students, schoolYear: year });
console.log(`seeded ${seeded.units} units, ${seeded.students} students in ${seeded.ms} ms`);

const root = await db
  .selectFrom('orgs_unit_v')
  .select(['id', 'path'])
  .where('parent_id', 'is', null)
  .executeTakeFirstOrThrow();
const school = await db
  .selectFrom('orgs_unit_v')
  .select(['id', 'path'])
  .where('kind', '=', 'school')
  .orderBy('code')
  .executeTakeFirstOrThrow();
const scope = new Scope({
  id: '00000000-0000-7000-8000-000000000000',
  username: 'bench',
  fullName: 'Bench',
  role: 'department_staff',
  orgUnitId: root.id,
  orgPath: root.path,
});

const runs = Number(process.env.BENCH_RUNS ?? 20);

async function time(name: string, run: () => Promise<unknown>) {
  const first = performance.now();
  await run();
  // Printed at once: on a loaded machine the runs below can take long.
  console.log(`${name}: first run ${(performance.now() - first).toFixed(1)} ms`);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!.toFixed(1);
  console.log(`${name}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms`);
}

await time('province dashboard', () => getDashboard(db, scope, { year }));
await time('school dashboard', () => getDashboard(db, scope, { year, unitId: school.id }));
await time('province teacher report', () => teacherRows(db, root.path, year));
const classIds = (
  await db
    .selectFrom('registry_class_v')
    .select('class_id')
    .where('school_year', '=', year)
    .limit(runs + 1)
    .execute()
).map((c) => c.class_id);
let edit = 0;
await time('edit one class, then the province dashboard', async () => {
  const id = classIds[edit++ % classIds.length]!;
  await writeTransaction(db, systemActor('bench'), (tx) =>
    sql`UPDATE class SET sessions_per_day = 3 - sessions_per_day WHERE id = ${id}`.execute(tx),
  );
  await getDashboard(db, scope, { year });
});
await database.close();
