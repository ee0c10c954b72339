/**
 * Registry benchmark (issue "Sector registry", performance):
 *   1. a realistic 500,000-student list (the demo province's generator,
 *      valid personal ids) written as one xlsx with a streaming writer; its
 *      schools and classes created first in the target database;
 *   2. the real CLI `sogd import students` as a child process, on a fresh
 *      PGlite DATA_DIR and on a fresh database of the PostgreSQL server: wall
 *      time, peak RSS (VmHWM), progress lines seen; then the same file again
 *      (every student known: looked up, compared, left unchanged);
 *   3. 1,000+ realistic name searches (partial, no diacritics) through
 *      `searchStudents`: p50/p95/p99 on both databases;
 *   4. an export of ~50,000 rows with `exportStudents`, read back and counted;
 *   5. a 1,000,000-row sheet: refused at the documented row limit; time to
 *      the error and peak memory, nothing written.
 *
 *   npm run bench:registry                     # full sizes (~10 min)
 *   npm run bench:registry -- --quick          # 50,000 students, 100,000-row over-limit file
 *   flags: --students N --schools N --queries N --export N --million N (0 skips)
 *          --reimport 0 (skips importing the same file a second time)
 *          --only pglite|postgres|million; BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { systemActor, writeTransaction } from '../src/db/actor.ts';
import { migrateToLatest, openDatabase, type DatabaseTarget } from '../src/db/connection.ts';
import { formatVietnameseDate } from '../src/lib/dates.ts';
import { MAX_SHEET_ROWS } from '../src/lib/xlsx.ts';
import { searchKey } from '../src/lib/vietnamese.ts';
import { planDemo, prng, type DemoClass, type DemoUnit } from '../src/modules/demo/generate.ts';
import {
  FAMILY_NAMES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MIDDLE_FEMALE,
  MIDDLE_MALE,
} from '../src/modules/demo/names.ts';
import { unitRow } from '../src/modules/demo/seed.ts';
import { STUDENT_HEADERS } from '../src/modules/registry/imports/import-students.ts';
import { exportStudents } from '../src/modules/registry/students/export-students.ts';
import { searchStudents } from '../src/modules/registry/students/search-students.ts';
import { Scope } from '../src/core/access/scope.ts';

const REPO = resolve(import.meta.dirname, '..');
const OUT = join(REPO, 'bench/out/registry');
const YEAR = '2025-2026';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const quick = process.argv.includes('--quick');
const STUDENTS = flag('students', quick ? 50_000 : 500_000);
const SCHOOLS = flag('schools', Math.max(30, Math.round(STUDENTS / 333)));
const QUERIES = flag('queries', 1_000);
const EXPORT = flag('export', quick ? 5_000 : 50_000);
const MILLION = flag('million', quick ? MAX_SHEET_ROWS + 1_000 : 1_000_000);
const REIMPORT = flag('reimport', 1) !== 0;
const onlyIndex = process.argv.indexOf('--only');
const ONLY = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Province {
  department: DemoUnit;
  communes: DemoUnit[];
  schools: DemoUnit[];
  classes: DemoClass[];
}

/** Streams `students` realistic students into `file`; returns the schools and classes they need. */
async function writeStudentFile(
  file: string,
  students: number,
  schools: number,
  seed: number,
): Promise<Province> {
  const plan = planDemo({
    schools,
    students,
    seed,
    schoolYear: YEAR,
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('Học sinh');
  sheet.addRow(Object.values(STUDENT_HEADERS)).commit();
  const province: Province = {
    department: plan.department,
    communes: plan.communes,
    schools: [],
    classes: [],
  };
  const r = prng(seed);
  for (let i = 0; i < plan.schoolCount; i++) {
    const school = plan.school(i);
    province.schools.push(school.unit);
    province.classes.push(...school.classes);
    const className = new Map(school.classes.map((c) => [c.id, c.name]));
    for (const s of school.students) {
      // As schools keep them: dates mostly typed as text, some as real Excel dates.
      const birth = r() < 0.8 ? formatVietnameseDate(s.birthDate) : new Date(`${s.birthDate}Z`);
      sheet
        .addRow([
          school.unit.code,
          className.get(s.classId)!,
          s.fullName,
          birth,
          s.gender === 'male' ? 'Nam' : 'Nữ',
          s.personalId,
          s.studentCode,
          s.ethnicity,
          s.birthPlace,
          s.address,
          s.guardianName,
          s.phone,
        ])
        .commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  return province;
}

/** The file's schools and classes, written directly (the import needs them to exist). */
async function seedProvince(target: DatabaseTarget, province: Province): Promise<void> {
  const database = await openDatabase(target);
  try {
    await migrateToLatest(database.db);
    await writeTransaction(database.db, systemActor('bench: đơn vị và lớp'), async (tx) => {
      const units = [province.department, ...province.communes, ...province.schools];
      for (let i = 0; i < units.length; i += 1000)
        await tx
          .insertInto('org_unit')
          .values(units.slice(i, i + 1000).map(unitRow))
          .execute();
      for (let i = 0; i < province.classes.length; i += 2000)
        await tx
          .insertInto('class')
          .values(
            province.classes.slice(i, i + 2000).map((c) => ({
              school_id: c.schoolId,
              id: c.id,
              school_year: YEAR,
              name: c.name,
              grade: c.grade,
              sessions_per_day: c.sessionsPerDay,
              homeroom_staff_id: null,
            })),
          )
          .execute();
    });
  } finally {
    await database.close();
  }
}

interface CliRun {
  seconds: number;
  peakMB: number;
  code: number | null;
  stdout: string;
  stderr: string;
  progressLines: number;
}

/** `sogd import students FILE` as a child process, peak RSS sampled from /proc. */
function runImport(file: string, env: Record<string, string>): Promise<CliRun> {
  return new Promise((ok) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        // BENCH_CPU_PROF=DIR: a V8 CPU profile of the import, to see where its time goes.
        ...(process.env.BENCH_CPU_PROF
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
          : []),
        'bin/sogd.js',
        'import',
        'students',
        file,
        '--year',
        YEAR,
      ],
      { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let peakKB = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKB = Math.max(peakKB, Number(m[1]));
      } catch {
        // exited
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(poll);
      ok({
        seconds: (performance.now() - started) / 1000,
        peakMB: Math.round(peakKB / 1024),
        code,
        stdout,
        stderr,
        progressLines: stderr.split(/[\r\n]/).filter((l) => /^(Đã đọc|Đã ghi|Đang)/.test(l)).length,
      });
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Realistic partial names without diacritics: "nguyen van", "tran thi hoa", "le minh", "hoa". */
function nameQueries(n: number): string[] {
  const r = prng(99);
  const family = FAMILY_NAMES.map(([f]) => f);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, () => {
    const female = r() < 0.5;
    const middle = pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
    const given = pick(female ? GIVEN_FEMALE : GIVEN_MALE);
    const f = pick(family);
    const shape = r();
    const text =
      shape < 0.3
        ? `${f} ${middle}`
        : shape < 0.6
          ? `${f} ${middle} ${given}`
          : shape < 0.85
            ? `${f} ${given}`
            : given;
    return searchKey(text);
  });
}

interface Figures {
  db: string;
  importSeconds: number;
  importPeakMB: number;
  progress: number;
  imported: number;
  searchP50: number;
  searchP95: number;
  searchP99: number;
  exportRows: number;
  exportSeconds: number;
  exportReadBack: number;
  reimportSeconds: number;
  reimportPeakMB: number;
  reimportSummary: string;
}

async function measureDatabase(
  label: string,
  target: DatabaseTarget,
  env: Record<string, string>,
  file: string,
  province: Province,
): Promise<Figures> {
  console.log(`\n## ${label}`);
  let t = performance.now();
  await seedProvince(target, province);
  console.log(
    `schools and classes created: ${province.schools.length} schools, ${province.classes.length} classes (${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const run = await runImport(file, env);
  console.log(
    `import: exit ${run.code}, ${run.seconds.toFixed(1)} s, peak RSS ${run.peakMB} MB, ${run.progressLines} progress updates — ${run.stdout.trim().split('\n').at(-1)}`,
  );
  if (run.code !== 0) console.log(run.stderr.slice(-3000));

  const database = await openDatabase(target);
  const { db } = database;
  let figures: Figures;
  try {
    const imported = Number(
      (
        await db
          .selectFrom('student')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const scope = new Scope({
      id: '00000000-0000-7000-8000-000000000001',
      username: 'bench',
      fullName: 'Bench',
      role: 'department_admin',
      orgUnitId: province.department.id,
      orgPath: province.department.path,
    });
    const queries = nameQueries(QUERIES);
    for (const q of queries.slice(0, 20))
      await searchStudents(db, scope, { q, schoolYear: YEAR, page: 1, pageSize: 50 }); // warm-up
    const times: number[] = [];
    let hits = 0;
    for (const q of queries) {
      t = performance.now();
      const result = await searchStudents(db, scope, {
        q,
        schoolYear: YEAR,
        page: 1,
        pageSize: 50,
      });
      times.push(performance.now() - t);
      hits += result.total; // counted up to SEARCH_COUNT_CAP, as the page shows it
    }
    times.sort((a, b) => a - b);
    console.log(
      `search: ${queries.length} name queries, mean ${Math.round(hits / queries.length)} hits; p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
    );

    // Export: the family name whose search hits come nearest EXPORT rows.
    let best = { q: '', total: 0 };
    for (const [f] of FAMILY_NAMES) {
      const q = searchKey(f);
      const { total } = await searchStudents(db, scope, {
        q,
        schoolYear: YEAR,
        page: 1,
        pageSize: 1,
        countCap: Number.MAX_SAFE_INTEGER, // an exact count to choose by
      });
      if (Math.abs(total - EXPORT) < Math.abs(best.total - EXPORT)) best = { q, total };
    }
    const exportFile = join(OUT, `export-${label.split(' ')[0]}.xlsx`);
    t = performance.now();
    const out = new PassThrough();
    const written = new Promise<void>((done, fail) => {
      const sink = createWriteStream(exportFile);
      sink.on('finish', done).on('error', fail);
      out.pipe(sink);
    });
    const exportRows = await exportStudents(db, scope, { q: best.q, schoolYear: YEAR }, out);
    await written;
    const exportSeconds = (performance.now() - t) / 1000;
    let readBack = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(exportFile, {});
    for await (const ws of reader) for await (const row of ws) if (row.number > 1) readBack++;
    console.log(
      `export: "${best.q}" → ${exportRows} rows in ${exportSeconds.toFixed(1)} s (${(statSync(exportFile).size / 1e6).toFixed(1)} MB); read back ${readBack} rows`,
    );
    figures = {
      db: label,
      importSeconds: run.seconds,
      importPeakMB: run.peakMB,
      progress: run.progressLines,
      imported,
      searchP50: percentile(times, 50),
      searchP95: percentile(times, 95),
      searchP99: percentile(times, 99),
      exportRows,
      exportSeconds,
      exportReadBack: readBack,
      reimportSeconds: 0,
      reimportPeakMB: 0,
      reimportSummary: '',
    };
  } finally {
    await database.close();
  }
  // The same file again: every student is now known (looked up, compared, left unchanged).
  if (REIMPORT) {
    const again = await runImport(file, env);
    const summary = again.stdout.trim().split('\n').at(-1) ?? '';
    console.log(
      `re-import: exit ${again.code}, ${again.seconds.toFixed(1)} s, peak RSS ${again.peakMB} MB — ${summary}`,
    );
    if (again.code !== 0) console.log(again.stderr.slice(-3000));
    figures.reimportSeconds = again.seconds;
    figures.reimportPeakMB = again.peakMB;
    figures.reimportSummary = summary;
  }
  return figures;
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const file = join(OUT, 'students.xlsx');
let t = performance.now();
const province = await writeStudentFile(file, STUDENTS, SCHOOLS, 2025);
console.log(
  `generated ${STUDENTS.toLocaleString('en')} students in ${province.schools.length} schools: ${(statSync(file).size / 1e6).toFixed(1)} MB xlsx in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

const figures: Figures[] = [];
const pgliteDir = join(OUT, 'pglite');
if (ONLY !== 'postgres' && ONLY !== 'million')
  figures.push(
    await measureDatabase(
      'PGlite',
      { dataDir: pgliteDir },
      { DATA_DIR: pgliteDir, DATABASE_URL: '' },
      file,
      province,
    ),
  );
if (ONLY !== 'pglite' && ONLY !== 'million') {
  const name = `sogd_bench_registry_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    figures.push(
      await measureDatabase(
        'PostgreSQL',
        { databaseUrl: url.toString() },
        { DATABASE_URL: url.toString() },
        file,
        province,
      ),
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
rmSync(file, { force: true });

// The over-limit sheet: refused at the row limit, before the rest is read; nothing written.
let overLimit: { rows: number; mb: number; run: CliRun; studentsAfter: number } | null = null;
if (MILLION > 0 && ONLY !== 'postgres') {
  const big = join(OUT, 'million.xlsx');
  t = performance.now();
  const bigProvince = await writeStudentFile(big, MILLION, Math.round(MILLION / 333), 77);
  console.log(
    `\ngenerated a ${MILLION.toLocaleString('en')}-row sheet: ${(statSync(big).size / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  // Its schools and classes exist, so rows are valid (and written, then rolled back) up to the limit.
  const bigDir = join(OUT, 'pglite-million');
  await seedProvince({ dataDir: bigDir }, bigProvince);
  const run = await runImport(big, { DATA_DIR: bigDir, DATABASE_URL: '' });
  const database = await openDatabase({ dataDir: bigDir });
  const studentsAfter = Number(
    (
      await database.db
        .selectFrom('student')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await database.close();
  console.log(
    `${MILLION.toLocaleString('en')} rows: exit ${run.code} after ${run.seconds.toFixed(1)} s, peak RSS ${run.peakMB} MB; students after: ${studentsAfter}\n${run.stderr
      .split('\n')
      .filter((l) => l && !l.startsWith('\r') && !/^Đã đọc/.test(l.trim()))
      .join('\n')}`,
  );
  overLimit = { rows: MILLION, mb: statSync(big).size / 1e6, run, studentsAfter };
  rmSync(big, { force: true });
  rmSync(bigDir, { recursive: true, force: true });
}
rmSync(pgliteDir, { recursive: true, force: true });

console.log(`\n## Figures (${STUDENTS.toLocaleString('en')} students)\n`);
console.log(
  '| database | import (s) | import peak RSS (MB) | progress updates | students | re-import, all unchanged (s) | re-import peak RSS (MB) | search p50 / p95 / p99 (ms) | export rows | export (s) | read back |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const f of figures)
  console.log(
    `| ${f.db} | ${f.importSeconds.toFixed(1)} | ${f.importPeakMB} | ${f.progress} | ${f.imported.toLocaleString('en')} | ${f.reimportSeconds.toFixed(1)} | ${f.reimportPeakMB} | ${f.searchP50.toFixed(1)} / ${f.searchP95.toFixed(1)} / ${f.searchP99.toFixed(1)} | ${f.exportRows.toLocaleString('en')} | ${f.exportSeconds.toFixed(1)} | ${f.exportReadBack.toLocaleString('en')} |`,
  );
if (overLimit)
  console.log(
    `\n${overLimit.rows.toLocaleString('en')}-row sheet (${overLimit.mb.toFixed(1)} MB): refused (exit ${overLimit.run.code}) after ${overLimit.run.seconds.toFixed(1)} s, peak RSS ${overLimit.run.peakMB} MB, students written: ${overLimit.studentsAfter}`,
  );
