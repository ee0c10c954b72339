/**
 * Entry-grade registration day under load (issue #15, "Speed"): "160,000
 * grade-1 and 160,000 grade-6 registrations in one opening day on
 * PostgreSQL (the peak rate of the first hour: 40,000 submissions, 0 lost,
 * p95 under 300 ms); assignment for 160,000 children over 800 schools under
 * 10 s."
 *
 * On a fresh database of the PostgreSQL server (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/sogd_bench_entry; dropped and created
 * again, and dropped at the end unless --keep), against a `sogd serve` child
 * process, the load from this process over loopback:
 *   1. set-up in SQL, not through HTTP (minutes, not hours): a province of
 *      200 communes, 800 zoned primary schools (+ 40 unzoned) and 600 zoned
 *      lower-secondary schools (+ 30 unzoned), 10 residential areas per
 *      commune with their catchments, the registry's 160,000 preschool
 *      children born in the grade-1 year and 160,000 grade-5 pupils, a
 *      grade-1 and a grade-6 campaign with every school's seats (through
 *      the use cases), and the children listed as candidates (90 % of the
 *      HTTP families and every other child; the rest are listed by their
 *      own sign-in, from the registry, as sign-in.ts does);
 *   2. the day's registrations other than the peak's, written in SQL before
 *      the peak (so the tables have the whole day's size while the peak
 *      runs: harsher than the real first hour, when they are nearly empty);
 *   3. the peak hour through HTTP: 36,000 families (half grade 1, half
 *      grade 6) arrive on a fixed schedule (open loop: the schedule does not
 *      wait for the server), each signs in with the child's personal id and
 *      date of birth and submits its registration; 4,000 of them change the
 *      school a little later (a second version): 40,000 submissions at a
 *      compressed rate (default 100/s, 400 s, against the real peak's 11/s),
 *      while the public live counts of both campaigns are asked at 20/s.
 *      Each latency is counted from the request's scheduled time. Then every
 *      acknowledged version is looked for in the database, and the latest
 *      acknowledged one must be the one in force;
 *   4. registration closes; the grade-1 campaign (160,000 children, 840
 *      schools) and the grade-6 one are assigned by allocateCampaign, the use
 *      case `sogd admissions allocate-campaign` runs (reading the versions in
 *      force, the engine, the files, storing the draft results).
 *
 *   npx tsx bench/entry-load.ts [--quick] [--rate N] [--keep]
 *     --quick: 1/20 of the province (10 communes, 8,000 + 8,000 children,
 *              2,000 submissions at 50/s), a few minutes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import '../src/app/modules.ts';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db } from '../src/db/connection.ts';
import { hashPassword } from '../src/lib/passwords.ts';
import { allocateCampaign } from '../src/modules/admissions/allocate-campaign.ts';
import { createCampaign } from '../src/modules/admissions/create-campaign.ts';
import { importPrograms } from '../src/modules/admissions/import-programs.ts';
import { makeTree, scopeAt, type UnitSpec } from '../test/helpers/fixtures.ts';
import { startServer } from '../test/helpers/server.ts';
import { openLoop } from './open-loop.ts';

const quick = process.argv.includes('--quick');
const keep = process.argv.includes('--keep');
const argValue = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SCALE = quick ? 20 : 1;
const COMMUNES = 200 / SCALE;
const PRIMARY_PER_COMMUNE = 4; // 800 zoned primary schools
const SECONDARY_PER_COMMUNE = 3; // 600 zoned lower-secondary schools
const UNZONED_PRIMARY = Math.round(40 / SCALE);
const UNZONED_SECONDARY = Math.max(2, Math.round(30 / SCALE));
const AREAS_PER_COMMUNE = 10;
const CHILDREN = 160_000 / SCALE; // per grade
const SUBMISSIONS = 40_000 / SCALE; // the peak hour's, both grades
const CHANGERS = SUBMISSIONS / 10; // families who submit a second version
const FAMILIES = SUBMISSIONS - CHANGERS; // through HTTP, half per grade
const RATE = argValue('--rate', quick ? 50 : 100); // submissions per second
const THINK_SECONDS = quick ? 10 : 60; // from a changer's first acknowledgement to the change
const COUNTS_RATE = quick ? 10 : 20;
const UNLISTED_EVERY = 10; // one HTTP family in 10 is not listed before it signs in
const YEAR = '2027-2028';
const PREVIOUS = '2026-2027';
const HOUR = 3_600_000;

const serverUrl = new URL(
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sogd_bench_entry',
);
const name = serverUrl.pathname.slice(1);
if (!/^sogd_bench_[a-z0-9_]+$/.test(name))
  throw new Error(`BENCH_DATABASE_URL must name a database sogd_bench_…: it is dropped (${name})`);
const adminUrl = new URL(serverUrl);
adminUrl.pathname = '/postgres';
const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
const database = await openDatabase({ databaseUrl: serverUrl.toString() });
const { db } = database;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const seconds = (since: number) => (performance.now() - since) / 1000;
const percentile = (values: number[], q: number) => {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/** CPU time of a process so far, in ms (utime + stime of /proc/<pid>/stat; 0 once it is gone). */
function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms (CLK_TCK 100)
  } catch {
    return 0;
  }
}
/** The PostgreSQL backends serving the bench database, and their CPU so far. */
async function backendsCpu(): Promise<Map<number, number>> {
  const r = await admin.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1',
    [name],
  );
  return new Map(r.rows.map((x) => [x.pid, cpuMs(x.pid)]));
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
interface Answer {
  status: number;
  body: string;
  cookie: string | undefined;
}
function request(
  base: string,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Answer> {
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const r = http.request(
      `${base}${path}`,
      { method, agent, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (c: string) => (text += c));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: text,
            cookie: response.headers['set-cookie']?.[0]?.split(';')[0],
          }),
        );
      },
    );
    r.on('error', (e) => resolve({ status: 0, body: String(e), cookie: undefined }));
    r.end(data);
  });
}

/** The personal id of child `n` (1-based) of a grade: province 001, born 2021 (grade 1) or 2016. */
const personalId = (grade: 1 | 6, n: number) =>
  `001${2 + (n % 2)}${grade === 1 ? '21' : '16'}${String(n).padStart(6, '0')}`;
const birthDate = (grade: 1 | 6, n: number) =>
  new Date(Date.UTC(grade === 1 ? 2021 : 2016, 0, 1 + (n % 365))).toISOString().slice(0, 10);
/** Where child `n` lives: a commune and one of its areas (the same rule in SQL below). */
const communeOf = (n: number) => n % COMMUNES;
const areaOf = (n: number) => Math.floor(n / COMMUNES) % AREAS_PER_COMMUNE;

/** The schools (indexes in the commune) serving area `a`, first the main one. */
const servingPrimary = (a: number) =>
  a % 3 === 0
    ? [a % PRIMARY_PER_COMMUNE, (a + 1) % PRIMARY_PER_COMMUNE]
    : [a % PRIMARY_PER_COMMUNE];
const servingSecondary = (a: number) =>
  a % 4 === 0
    ? [a % SECONDARY_PER_COMMUNE, (a + 1) % SECONDARY_PER_COMMUNE]
    : [a % SECONDARY_PER_COMMUNE];

const figures: Record<string, unknown> = { quick, loadBefore: load() };
console.log(
  `entry-grade day on ${serverUrl.host}/${name}${quick ? ' (--quick: 1/20)' : ''}; load average ${load()}`,
);

try {
  let started = performance.now();
  await migrateToLatest(db);

  // ---- 1. The province ----
  const pad = (n: number, w = 3) => String(n).padStart(w, '0');
  const specs: UnitSpec[] = [{ code: 'SGD', name: 'Sở GDĐT (bench)', kind: 'department' }];
  for (let c = 0; c < COMMUNES; c++) {
    specs.push({ code: `X${pad(c)}`, name: `Xã ${c}`, kind: 'commune', parent: 'SGD' });
    specs.push({
      code: `MN${pad(c)}`,
      name: `Mầm non xã ${c}`,
      kind: 'school',
      parent: `X${pad(c)}`,
      levels: ['preschool'],
    });
    for (let s = 0; s < PRIMARY_PER_COMMUNE; s++)
      specs.push({
        code: `TH${pad(c)}-${s}`,
        name: `Tiểu học ${c}-${s}`,
        kind: 'school',
        parent: `X${pad(c)}`,
        levels: ['primary'],
      });
    for (let s = 0; s < SECONDARY_PER_COMMUNE; s++)
      specs.push({
        code: `CS${pad(c)}-${s}`,
        name: `THCS ${c}-${s}`,
        kind: 'school',
        parent: `X${pad(c)}`,
        levels: ['lower_secondary'],
      });
  }
  for (let u = 0; u < UNZONED_PRIMARY; u++)
    specs.push({
      code: `THQ${pad(u)}`,
      name: `Tiểu học chất lượng cao ${u}`,
      kind: 'school',
      parent: `X${pad(u % COMMUNES)}`,
      levels: ['primary'],
    });
  for (let u = 0; u < UNZONED_SECONDARY; u++)
    specs.push({
      code: `CSQ${pad(u)}`,
      name: `THCS chất lượng cao ${u}`,
      kind: 'school',
      parent: `X${pad(u % COMMUNES)}`,
      levels: ['lower_secondary'],
    });
  const ids = await makeTree(db, specs);
  const dept = await scopeAt(db, ids.SGD!, 'department_staff');
  const primary = (c: number, s: number) => ids[`TH${pad(c)}-${s}`]!;
  const secondary = (c: number, s: number) => ids[`CS${pad(c)}-${s}`]!;

  // Campaigns: created opening in a minute, then opened an hour ago in SQL (a bench database only).
  const campaign = async (grade: 1 | 6) =>
    createCampaign(db, dept, {
      name: `Tuyển sinh lớp ${grade} (bench)`,
      schoolYear: YEAR,
      grade,
      opensAt: new Date(Date.now() + 60_000).toISOString(),
      closesAt: new Date(Date.now() + 12 * HOUR).toISOString(),
      maxPreferences: 2,
      rankPenalty: 0,
      ties: 'admit-all',
      entryRules: { order: ['permanent-residence', 'sibling', 'distance'], seed: 2027 },
    });
  const g1 = await campaign(1);
  const g6 = await campaign(6);
  await db.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await sql`UPDATE admission_campaign SET opens_at = now() - interval '1 hour'`.execute(tx);
  });
  // Seats: about the children's number overall, unevenly spread (popular schools oversubscribed).
  const seats = (i: number, zoned: number, children: number) =>
    Math.round((children / zoned) * (0.7 + ((i * 7919) % 61) / 100));
  const programOf = new Map<string, string>(); // school id → program id
  type ProgramRow = { program: string; schoolCode: string; quota: number; unzoned?: boolean };
  const primaryRows: ProgramRow[] = [];
  const secondaryRows: ProgramRow[] = [];
  for (let c = 0; c < COMMUNES; c++) {
    for (let s = 0; s < PRIMARY_PER_COMMUNE; s++) {
      const i = c * PRIMARY_PER_COMMUNE + s;
      primaryRows.push({
        program: `TH${pad(c)}-${s}`,
        schoolCode: `TH${pad(c)}-${s}`,
        quota: seats(i, COMMUNES * PRIMARY_PER_COMMUNE, CHILDREN),
      });
    }
    for (let s = 0; s < SECONDARY_PER_COMMUNE; s++) {
      const i = c * SECONDARY_PER_COMMUNE + s;
      secondaryRows.push({
        program: `CS${pad(c)}-${s}`,
        schoolCode: `CS${pad(c)}-${s}`,
        quota: seats(i, COMMUNES * SECONDARY_PER_COMMUNE, CHILDREN),
      });
    }
  }
  for (let u = 0; u < UNZONED_PRIMARY; u++)
    primaryRows.push({
      program: `THQ${pad(u)}`,
      schoolCode: `THQ${pad(u)}`,
      quota: 70,
      unzoned: true,
    });
  for (let u = 0; u < UNZONED_SECONDARY; u++)
    secondaryRows.push({
      program: `CSQ${pad(u)}`,
      schoolCode: `CSQ${pad(u)}`,
      quota: 90,
      unzoned: true,
    });
  await importPrograms(db, dept, g1.id, { rows: primaryRows });
  await importPrograms(db, dept, g6.id, { rows: secondaryRows });
  for (const r of [...primaryRows, ...secondaryRows]) programOf.set(ids[r.schoolCode]!, r.program);
  console.log(
    `province: ${COMMUNES} communes, ${primaryRows.length} primary (${UNZONED_PRIMARY} unzoned) and ${secondaryRows.length} lower-secondary (${UNZONED_SECONDARY} unzoned) schools, 2 campaigns with their seats: ${seconds(started).toFixed(1)} s`,
  );

  // Catchments: AREAS_PER_COMMUNE areas per commune, served by one or two schools per grade.
  const areaIds: string[][] = [];
  const areaRows: {
    id: string;
    commune_id: string;
    code: string;
    name: string;
    latitude: number;
    longitude: number;
  }[] = [];
  const linkRows: { id: string; area_id: string; school_id: string; grade: 1 | 6 }[] = [];
  for (let c = 0; c < COMMUNES; c++) {
    areaIds.push([]);
    for (let a = 0; a < AREAS_PER_COMMUNE; a++) {
      const id = crypto.randomUUID();
      areaIds[c]!.push(id);
      areaRows.push({
        id,
        commune_id: ids[`X${pad(c)}`]!,
        code: `T${a}`,
        name: `Thôn ${a}, xã ${c}`,
        latitude: 20.5 + (c % 20) * 0.05 + a * 0.003,
        longitude: 105.5 + Math.floor(c / 20) * 0.05 + a * 0.003,
      });
      for (const s of servingPrimary(a))
        linkRows.push({ id: crypto.randomUUID(), area_id: id, school_id: primary(c, s), grade: 1 });
      for (const s of servingSecondary(a))
        linkRows.push({
          id: crypto.randomUUID(),
          area_id: id,
          school_id: secondary(c, s),
          grade: 6,
        });
    }
  }

  const pinHash = await hashPassword('246810');
  await db.transaction().execute(async (tx) => {
    // Triggers off (audit, change feed): set-up of a bench database, not a person's edit.
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    for (let i = 0; i < areaRows.length; i += 2_000)
      await tx
        .insertInto('entry_area')
        .values(areaRows.slice(i, i + 2_000))
        .execute();
    for (let i = 0; i < linkRows.length; i += 2_000)
      await tx
        .insertInto('entry_catchment')
        .values(linkRows.slice(i, i + 2_000))
        .execute();
    // The registry: a preschool class per commune (grade-1 children), a grade-5 class per zoned primary school.
    const preschools = Array.from({ length: COMMUNES }, (_, c) => ids[`MN${pad(c)}`]!);
    const primaries = Array.from({ length: COMMUNES * PRIMARY_PER_COMMUNE }, (_, i) =>
      primary(Math.floor(i / PRIMARY_PER_COMMUNE), i % PRIMARY_PER_COMMUNE),
    );
    await sql`
      INSERT INTO class (school_id, id, school_year, name, grade)
      SELECT s, gen_random_uuid(), ${PREVIOUS}, 'Lớp lá', NULL FROM unnest(${preschools}::uuid[]) s`.execute(
      tx,
    );
    await sql`
      INSERT INTO class (school_id, id, school_year, name, grade)
      SELECT s, gen_random_uuid(), ${PREVIOUS}, '5A', 5 FROM unnest(${primaries}::uuid[]) s`.execute(
      tx,
    );
    // Child n of a grade lives in commune n % COMMUNES; grade-5 pupils study at one of its primary schools.
    for (const grade of [1, 6] as const) {
      const schools = grade === 1 ? preschools : primaries;
      const width = grade === 1 ? 1 : PRIMARY_PER_COMMUNE;
      for (let from = 1; from <= CHILDREN; from += 40_000) {
        const to = Math.min(CHILDREN, from + 39_999);
        await sql`
          INSERT INTO student (id, school_id, personal_id, student_code, full_name, family_name,
            middle_name, given_name, search_name, birth_date, gender)
          SELECT gen_random_uuid(),
            (${schools}::uuid[])[(n % ${COMMUNES}) * ${width} + (n / ${COMMUNES}) % ${width} + 1],
            '001' || (2 + n % 2) || ${grade === 1 ? '21' : '16'} || lpad(n::text, 6, '0'),
            ${grade === 1 ? 'MN' : 'TH'} || n,
            'Nguyễn Văn Bé ' || n, 'Nguyễn', 'Văn', 'Bé ' || n, 'nguyen van be ' || n,
            make_date(${grade === 1 ? 2021 : 2016}, 1, 1) + (n % 365),
            CASE WHEN n % 2 = 0 THEN 'male' ELSE 'female' END
          FROM generate_series(${from}::int, ${to}::int) n`.execute(tx);
      }
      await sql`
        INSERT INTO enrolment (student_id, school_year, school_id, class_id)
        SELECT s.id, ${PREVIOUS}, s.school_id, c.id FROM student s
        JOIN class c ON c.school_id = s.school_id AND c.school_year = ${PREVIOUS}
        WHERE s.student_code LIKE ${grade === 1 ? 'MN%' : 'TH%'}`.execute(tx);
    }
  });
  console.log(
    `catchments (${areaRows.length.toLocaleString('en')} areas, ${linkRows.length.toLocaleString('en')} links) and the registry (${(2 * CHILDREN).toLocaleString('en')} children) in SQL: ${seconds(started).toFixed(1)} s so far`,
  );

  // ---- 2. Candidates and the day's registrations other than the peak's, in SQL ----
  // HTTP families: children 1..FAMILIES/2 of each grade; one in UNLISTED_EVERY of them is not listed.
  const httpPerGrade = FAMILIES / 2;
  for (const [grade, c] of [
    [1, g1],
    [6, g6],
  ] as const) {
    await db.transaction().execute(async (tx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      await sql`
        INSERT INTO admission_candidate (campaign_id, id, code, pin_hash, student_id, school_id,
          full_name, birth_date, personal_id)
        SELECT ${c.id}, gen_random_uuid(), '27' || lpad((row_number() OVER (ORDER BY s.personal_id))::text, 6, '0'),
          ${pinHash}, s.id, s.school_id, s.full_name, s.birth_date, s.personal_id
        FROM student s
        WHERE s.student_code LIKE ${grade === 1 ? 'MN%' : 'TH%'}
          AND NOT (substr(s.student_code, 3)::int <= ${httpPerGrade}
                   AND substr(s.student_code, 3)::int % ${UNLISTED_EVERY} = 0)`.execute(tx);
      // The other children's registrations: the area's main school (5 % an unzoned school first).
      await sql`
        CREATE TEMP TABLE bench_reg ON COMMIT DROP AS
        WITH main AS (
          SELECT DISTINCT ON (ec.area_id) ec.area_id, p.id FROM entry_catchment ec
          JOIN admission_program p ON p.campaign_id = ${c.id} AND p.school_id = ec.school_id
          WHERE ec.grade = ${grade} ORDER BY ec.area_id, p.id),
        unzoned AS (
          SELECT row_number() OVER (ORDER BY seq) - 1 AS k, id FROM admission_program
          WHERE campaign_id = ${c.id} AND unzoned)
        SELECT a.id AS candidate_id, ar.id AS area_id,
          CASE WHEN n % 5 = 0 THEN 'temporary' ELSE 'permanent' END AS residence,
          CASE WHEN n % 20 = 7 THEN ARRAY[u.id, m.id] ELSE ARRAY[m.id] END AS preferences,
          now() - interval '50 minutes' + (n % 2400) * interval '1 second' AS submitted_at
        FROM admission_candidate a
        CROSS JOIN LATERAL (SELECT substr(a.personal_id, 7)::int AS n) k
        JOIN org_unit x ON x.code = 'X' || lpad((n % ${COMMUNES})::text, 3, '0')
        JOIN entry_area ar ON ar.commune_id = x.id
          AND ar.code = 'T' || ((n / ${COMMUNES}) % ${AREAS_PER_COMMUNE})
        JOIN main m ON m.area_id = ar.id
        JOIN unzoned u ON u.k = (n / 20) % ${grade === 1 ? UNZONED_PRIMARY : UNZONED_SECONDARY}
        WHERE a.campaign_id = ${c.id} AND n > ${httpPerGrade}`.execute(tx);
      await sql`
        INSERT INTO admission_submission (candidate_id, version, campaign_id, preferences,
          submitted_at, ip, residence, area_id)
        SELECT candidate_id, 1, ${c.id}, preferences, submitted_at, '192.0.2.1', residence, area_id
        FROM bench_reg`.execute(tx);
      await sql`
        INSERT INTO admission_current (candidate_id, campaign_id, version, preferences,
          submitted_at, residence, area_id)
        SELECT a.id, ${c.id}, COALESCE(r.v, 0), COALESCE(r.preferences, '{}'), r.submitted_at,
          r.residence, r.area_id
        FROM admission_candidate a
        LEFT JOIN (SELECT *, 1 AS v FROM bench_reg) r ON r.candidate_id = a.id
        WHERE a.campaign_id = ${c.id}`.execute(tx);
    });
  }
  await sql`ANALYZE`.execute(db);
  const setupSeconds = seconds(started);
  const background = await counts(db, g1.id, g6.id);
  console.log(
    `set-up in SQL: ${setupSeconds.toFixed(1)} s (candidates listed ${background.candidates.toLocaleString('en')}; registrations written in SQL before the peak: grade 1 ${background.g1.toLocaleString('en')}, grade 6 ${background.g6.toLocaleString('en')}); load average ${load()}`,
  );
  figures.setupSeconds = round1(setupSeconds);
  figures.backgroundRegistrations = background.g1 + background.g6;

  // ---- 3. The peak through HTTP ----
  const server = await startServer(
    { DATABASE_URL: serverUrl.toString(), TRUST_PROXY: '1', LOG_LEVEL: 'error' },
    ['--no-demo'],
  );
  try {
    interface Family {
      grade: 1 | 6;
      campaign: string;
      n: number;
      areaId: string;
      first: string[];
      second: string[] | null;
    }
    const families: Family[] = [];
    for (let n = 1; n <= httpPerGrade; n++)
      for (const grade of [1, 6] as const) {
        const c = communeOf(n);
        const a = areaOf(n);
        const serving = (grade === 1 ? servingPrimary(a) : servingSecondary(a)).map((s) =>
          programOf.get(grade === 1 ? primary(c, s) : secondary(c, s)),
        ) as string[];
        const unzoned =
          grade === 1 ? `THQ${pad(n % UNZONED_PRIMARY)}` : `CSQ${pad(n % UNZONED_SECONDARY)}`;
        families.push({
          grade,
          campaign: grade === 1 ? g1.id : g6.id,
          n,
          areaId: areaIds[c]![a]!,
          first: [serving[0]!],
          second: null,
        });
        // Changers, spread over the families: the other serving school, or an unzoned school first.
        const f = families[families.length - 1]!;
        if ((families.length - 1) % (FAMILIES / CHANGERS) === 0)
          f.second = serving.length > 1 ? [serving[1]!] : [unzoned, serving[0]!];
      }
    const familyRate = (RATE * FAMILIES) / SUBMISSIONS; // families arriving per second
    const signInMs: number[] = [];
    const submitMs: number[] = [];
    const signInStatus: Record<string, number> = {};
    const submitStatus: Record<string, number> = {};
    const problems: string[] = [];
    const acks: { family: Family; version: number; schools: string[] }[] = [];
    const tally = (t: Record<string, number>, s: number) =>
      (t[String(s)] = (t[String(s)] ?? 0) + 1);
    const submit = async (
      f: Family,
      session: { cookie: string; csrf: string; ip: string },
      schools: string[],
      baseVersion: number,
      scheduled: number,
    ) => {
      const r = await request(
        server.url,
        'PUT',
        `/api/public/admissions/${f.campaign}/entry-application`,
        {
          residence: f.n % 5 === 0 ? 'temporary' : 'permanent',
          areaId: f.areaId,
          schools,
          baseVersion,
        },
        { cookie: session.cookie, 'x-csrf-token': session.csrf, 'x-forwarded-for': session.ip },
      );
      submitMs.push(performance.now() - scheduled);
      tally(submitStatus, r.status);
      if (r.status === 200)
        acks.push({
          family: f,
          version: (JSON.parse(r.body) as { version: number }).version,
          schools,
        });
      else if (problems.length < 10) problems.push(`PUT ${r.status} ${r.body.slice(0, 300)}`);
      return r.status;
    };
    const countsPaths = [g1.id, g6.id].map((id) => `/api/public/admissions/${id}/entry-counts`);
    const peakSeconds = FAMILIES / familyRate;
    console.log(
      `peak: ${FAMILIES.toLocaleString('en')} families at ${familyRate.toFixed(1)}/s for ${peakSeconds.toFixed(0)} s (${SUBMISSIONS.toLocaleString('en')} submissions at ${RATE}/s, ${CHANGERS.toLocaleString('en')} second versions ${THINK_SECONDS} s after the first), public counts at ${COUNTS_RATE}/s; load average ${load()}`,
    );
    const serverCpuBefore = cpuMs(server.child.pid);
    const pgCpuBefore = await backendsCpu();
    const peakStarted = performance.now();
    const countsRun = openLoop(server.url, countsPaths, {
      rate: COUNTS_RATE,
      seconds: Math.floor(peakSeconds),
      connections: 16,
    });
    let lastAck = peakStarted;
    await Promise.all(
      families.map(async (f, i) => {
        const scheduled = peakStarted + (i * 1000) / familyRate;
        await new Promise((r) => setTimeout(r, Math.max(0, scheduled - performance.now())));
        const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
        const r = await request(
          server.url,
          'POST',
          `/api/public/admissions/${f.campaign}/sign-in/personal-id`,
          { personalId: personalId(f.grade, f.n), birthDate: birthDate(f.grade, f.n) },
          { 'x-forwarded-for': ip },
        );
        signInMs.push(performance.now() - scheduled);
        tally(signInStatus, r.status);
        if (r.status !== 200 || !r.cookie) {
          if (problems.length < 10) problems.push(`sign-in ${r.status} ${r.body.slice(0, 300)}`);
          return;
        }
        const session = {
          cookie: r.cookie,
          csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken,
          ip,
        };
        if ((await submit(f, session, f.first, 0, performance.now())) !== 200) return;
        lastAck = performance.now();
        if (!f.second) return;
        const due = performance.now() + THINK_SECONDS * 1000;
        await new Promise((res) => setTimeout(res, THINK_SECONDS * 1000));
        if ((await submit(f, session, f.second, 1, due)) === 200) lastAck = performance.now();
      }),
    );
    const peakWall = (lastAck - peakStarted) / 1000;
    const countsResult = await countsRun;
    // CPU per HTTP request over the peak: the server process, and PostgreSQL's backends of the
    // bench database (those open at the end: a backend closed meanwhile is not counted).
    const requests = signInMs.length + submitMs.length + countsResult.sent;
    const serverCpu = cpuMs(server.child.pid) - serverCpuBefore;
    let pgCpu = 0;
    for (const [pid, ms] of await backendsCpu()) pgCpu += ms - (pgCpuBefore.get(pid) ?? 0);
    const cpu = {
      requests,
      serverMsPerRequest: round1(serverCpu / requests),
      postgresMsPerRequest: round1(pgCpu / requests),
    };

    // 0 lost: every acknowledged version stored as sent; the latest acknowledged is in force.
    const stored = await sql<{
      personal_id: string;
      campaign_id: string;
      version: number;
      preferences: string[];
      area_id: string;
      current_version: number;
      current_preferences: string[];
    }>`
      SELECT a.personal_id, a.campaign_id, s.version, s.preferences, s.area_id,
        cur.version AS current_version, cur.preferences AS current_preferences
      FROM admission_submission s
      JOIN admission_candidate a ON a.id = s.candidate_id
      JOIN admission_current cur ON cur.candidate_id = a.id
      WHERE s.campaign_id IN (${g1.id}, ${g6.id}) AND s.ip LIKE '10.%'`.execute(db);
    const byKey = new Map(
      stored.rows.map((r) => [`${r.campaign_id} ${r.personal_id} ${r.version}`, r]),
    );
    const latest = new Map<string, { version: number; schools: string[] }>();
    let lost = 0;
    for (const a of acks) {
      const key = `${a.family.campaign} ${personalId(a.family.grade, a.family.n)}`;
      const row = byKey.get(`${key} ${a.version}`);
      if (
        !row ||
        row.preferences.join(',') !== a.schools.join(',') ||
        row.area_id !== a.family.areaId
      )
        lost++;
      if ((latest.get(key)?.version ?? 0) < a.version) latest.set(key, a);
    }
    let notInForce = 0;
    for (const [key, a] of latest) {
      const row = byKey.get(`${key} ${a.version}`);
      if (
        !row ||
        row.current_version !== a.version ||
        row.current_preferences.join(',') !== a.schools.join(',')
      )
        notInForce++;
    }
    const after = await counts(db, g1.id, g6.id);
    const errors = Object.entries(submitStatus)
      .filter(([s]) => s !== '200')
      .reduce((n, [, k]) => n + k, 0);
    const peak = {
      families: FAMILIES,
      submissionsSent: submitMs.length,
      acknowledged: acks.length,
      rateAsked: RATE,
      arrivalSeconds: round1(peakSeconds),
      wallSeconds: round1(peakWall),
      cpu,
      lost,
      notInForce,
      submitStatus,
      signInStatus,
      submitMs: {
        p50: round1(percentile(submitMs, 0.5)),
        p95: round1(percentile(submitMs, 0.95)),
        p99: round1(percentile(submitMs, 0.99)),
        max: round1(percentile(submitMs, 1)),
      },
      signInMs: {
        p50: round1(percentile(signInMs, 0.5)),
        p95: round1(percentile(signInMs, 0.95)),
        p99: round1(percentile(signInMs, 0.99)),
        max: round1(percentile(signInMs, 1)),
      },
      counts: {
        rate: countsResult.rate,
        status: countsResult.status,
        errors: countsResult.errors,
        ...countsResult.latencyMs,
      },
      loadAfter: load(),
    };
    figures.peak = peak;
    figures.registrationsStored = { grade1: after.g1, grade6: after.g6 };
    console.log(
      `peak: ${acks.length.toLocaleString('en')} of ${submitMs.length.toLocaleString('en')} submissions acknowledged, the last ${peakWall.toFixed(1)} s after the first family (arrivals over ${peakSeconds.toFixed(0)} s, then the last changes ${THINK_SECONDS} s later); CPU per HTTP request (${requests.toLocaleString('en')}): server ${cpu.serverMsPerRequest} ms, PostgreSQL ${cpu.postgresMsPerRequest} ms; lost ${lost}; not in force ${notInForce}; errors ${errors} ${JSON.stringify(submitStatus)}; sign-in ${JSON.stringify(signInStatus)}; load average ${load()}`,
    );
    if (problems.length) console.log(`first problems:\n  ${problems.join('\n  ')}`);
    console.log(
      `registrations in force at the end of the day: grade 1 ${after.g1.toLocaleString('en')} of ${CHILDREN.toLocaleString('en')}, grade 6 ${after.g6.toLocaleString('en')} of ${CHILDREN.toLocaleString('en')}`,
    );

    // ---- 4. Registration closes; the assignment ----
    await db.transaction().execute(async (tx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      await sql`UPDATE admission_campaign SET closes_at = now() WHERE id IN (${g1.id}, ${g6.id})`.execute(
        tx,
      );
    });
    await new Promise((r) => setTimeout(r, 10));
    const out = mkdtempSync(join(tmpdir(), 'sogd-entry-load-'));
    const assignments: Record<string, unknown> = {};
    try {
      for (const [grade, c] of [
        [1, g1],
        [6, g6],
      ] as const) {
        const loadBefore = load();
        started = performance.now();
        const summary = await allocateCampaign(db, dept, c.id, { outDir: join(out, `g${grade}`) });
        const wall = seconds(started);
        assignments[`grade${grade}`] = {
          children: summary.candidates,
          schools: summary.programs,
          admitted: summary.admitted,
          seconds: Math.round(wall * 100) / 100,
          engineMs: summary.allocateMs,
          load: loadBefore,
        };
        console.log(
          `assignment grade ${grade} (allocateCampaign, as \`sogd admissions allocate-campaign\`): ${summary.candidates.toLocaleString('en')} children over ${summary.programs} schools in ${wall.toFixed(2)} s (engine ${summary.allocateMs} ms; ${summary.admitted.toLocaleString('en')} admitted); load average ${loadBefore}`,
        );
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    figures.assignment = assignments;

    const p = peak;
    const a1 = assignments.grade1 as {
      children: number;
      schools: number;
      seconds: number;
      engineMs: number;
    };
    console.log('\n| what | figure | target (issue #15) |\n|---|---|---|');
    console.log(
      `| set-up in SQL (province, registry ${(2 * CHILDREN).toLocaleString('en')} children, candidates, ${(background.g1 + background.g6).toLocaleString('en')} registrations before the peak) | ${setupSeconds.toFixed(0)} s | minutes |`,
    );
    console.log(
      `| peak: ${p.submissionsSent.toLocaleString('en')} submissions (${CHANGERS.toLocaleString('en')} second versions) at ${RATE}/s through HTTP | ${p.acknowledged.toLocaleString('en')} acknowledged, **${p.lost} lost**, ${p.notInForce} not in force; p50 ${p.submitMs.p50} ms, **p95 ${p.submitMs.p95} ms**, p99 ${p.submitMs.p99} ms, max ${p.submitMs.max} ms; statuses ${JSON.stringify(p.submitStatus)} | 40,000 in the hour (11/s), 0 lost, p95 < 300 ms |`,
    );
    console.log(
      `| sign-in by personal id (${FAMILIES.toLocaleString('en')}, 1 in ${UNLISTED_EVERY} listed from the registry at sign-in) | p50 ${p.signInMs.p50} ms, p95 ${p.signInMs.p95} ms, p99 ${p.signInMs.p99} ms; statuses ${JSON.stringify(p.signInStatus)} | — |`,
    );
    console.log(
      `| public counts of both campaigns at ${COUNTS_RATE}/s meanwhile | p95 ${p.counts.p95} ms, p99 ${p.counts.p99} ms; statuses ${JSON.stringify(p.counts.status)} | — |`,
    );
    console.log(
      `| CPU per HTTP request over the peak (${p.cpu.requests.toLocaleString('en')} requests) | server ${p.cpu.serverMsPerRequest} ms, PostgreSQL ${p.cpu.postgresMsPerRequest} ms | — |`,
    );
    console.log(
      `| registrations in force at the end of the day | grade 1 ${after.g1.toLocaleString('en')}, grade 6 ${after.g6.toLocaleString('en')} | 160,000 + 160,000 |`,
    );
    console.log(
      `| assignment of grade 1 on the database (allocateCampaign: ${a1.children.toLocaleString('en')} children, ${a1.schools} schools) | **${a1.seconds} s** (engine ${a1.engineMs} ms) | < 10 s |`,
    );
  } finally {
    await server.stop();
  }
  figures.loadAfter = load();
  console.log(JSON.stringify(figures));
} finally {
  agent.destroy();
  await database.close();
  if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

async function counts(d: Db, grade1: string, grade6: string) {
  const r = await sql<{ campaign_id: string; registered: string; candidates: string }>`
    SELECT campaign_id, count(*) FILTER (WHERE cardinality(preferences) > 0) AS registered,
      count(*) AS candidates
    FROM admission_current WHERE campaign_id IN (${grade1}, ${grade6}) GROUP BY campaign_id`.execute(
    d,
  );
  const of = (id: string) => r.rows.find((x) => x.campaign_id === id);
  return {
    g1: Number(of(grade1)?.registered ?? 0),
    g6: Number(of(grade6)?.registered ?? 0),
    candidates: r.rows.reduce((n, x) => n + Number(x.candidates), 0),
  };
}
