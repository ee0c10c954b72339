/**
 * Grade-10 admissions under load (issue #14, "Load and speed"), on the
 * PostgreSQL server (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created
 * and dropped), against a `sogd serve` child process, the load from this
 * process over loopback:
 *   1. sign-in of 2,000 candidates with their slips (argon2id PINs, the
 *      failed-sign-in throttle on: a wrong PIN typed again and again is held
 *      back, successful sign-ins from one address are not);
 *   2. the deadline peak: every candidate submits 3 versions within one
 *      minute while the public counts are asked at a fixed rate (open loop,
 *      bench/open-loop.ts); then every acknowledged version is looked for in
 *      the database, in order, and the counts' catch-up is timed;
 *   3. a province the size of Hà Nội: 130,000 candidates × 3 preferences ×
 *      120 programs written in SQL, then export + allocation + storing the
 *      results (allocate-campaign) timed, and the public results lookup at
 *      1,000 requests/s.
 *   npx tsx bench/admissions-load.ts [--quick]
 *   BENCH_READ_URL=postgres://postgres@127.0.0.1:5433/postgres npx tsx bench/admissions-load.ts
 *     (public counts and lookup from that streaming standby; the counts'
 *     catch-up is then the standby's freshness)
 */
import http from 'node:http';
import '../src/app/modules.ts';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import { allocateCampaign } from '../src/modules/admissions/allocate-campaign.ts';
import type { Slip } from '../src/modules/admissions/contract.ts';
import { createCampaign } from '../src/modules/admissions/create-campaign.ts';
import { importPrograms } from '../src/modules/admissions/import-programs.ts';
import { importScores } from '../src/modules/admissions/import-scores.ts';
import { issueCandidates } from '../src/modules/admissions/issue-candidates.ts';
import { publishResults } from '../src/modules/admissions/publish-results.ts';
import { makeClass, makeStudents } from '../test/helpers/factories/registry.ts';
import { makeTree, scopeAt } from '../test/helpers/fixtures.ts';
import { startServer } from '../test/helpers/server.ts';
import { openLoop } from './open-loop.ts';

const quick = process.argv.includes('--quick');
const CANDIDATES = quick ? 300 : 2_000;
const VERSIONS = 3;
const PEAK_SECONDS = quick ? 15 : 40;
const COUNTS_RATE = quick ? 1_000 : 5_000;
const PROVINCE = quick ? 20_000 : 130_000;
const PROGRAMS = 120;
const HOUR = 3_600_000;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `sogd_bench_admissions_${Date.now()}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString() });
const { db } = database;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
interface Answer {
  status: number;
  body: string;
  cookie: string | undefined;
  ms: number;
}
function request(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = performance.now();
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const r = http.request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: { ...(data ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (c: string) => (text += c));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: text,
            cookie: response.headers['set-cookie']?.[0]?.split(';')[0],
            ms: performance.now() - started,
          }),
        );
      },
    );
    r.on('error', reject);
    if (data) r.write(data);
    r.end();
  });
}
const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
/** Runs `task` over `items` with `width` at a time. */
async function pool<T>(items: T[], width: number, task: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await task(items[i]!, i);
      }
    }),
  );
}

try {
  await migrateToLatest(db);
  const ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT (bench)', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'CS1', name: 'THCS Một', kind: 'school', parent: 'X01', levels: ['lower_secondary'] },
    ...Array.from({ length: 10 }, (_, i) => ({
      code: `PT${i}`,
      name: `THPT số ${i}`,
      kind: 'school' as const,
      parent: 'X01',
      levels: ['upper_secondary' as const],
    })),
  ]);
  const dept = await scopeAt(db, ids.SGD!, 'department_staff');
  const grade9 = await makeClass(db, { schoolId: ids.CS1!, name: '9A', schoolYear: '2026-2027' });
  for (let i = 0; i < CANDIDATES; i += 1_000)
    await makeStudents(
      db,
      Array.from({ length: Math.min(1_000, CANDIDATES - i) }, (_, k) => ({
        schoolId: ids.CS1!,
        fullName: `Nguyễn Văn Thí Sinh ${i + k}`,
        birthDate: `2012-0${((i + k) % 9) + 1}-1${(i + k) % 10}`,
        studentCode: `HS${i + k}`,
        classId: grade9,
        schoolYear: '2026-2027',
      })),
    );
  const campaign = await createCampaign(db, dept, {
    name: 'Tuyển sinh 10 (bench)',
    schoolYear: '2027-2028',
    grade: 10,
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 6 * HOUR).toISOString(),
    maxPreferences: 3,
    rankPenalty: 0,
    ties: 'admit-all',
  });
  await importPrograms(db, dept, campaign.id, {
    rows: Array.from({ length: 10 }, (_, i) => ({
      program: `P${i}`,
      schoolCode: `PT${i}`,
      quota: 150,
    })),
  });
  let started = performance.now();
  const slips: Slip[] = (await issueCandidates(db, dept, campaign.id)).slips;
  console.log(
    `slips for ${slips.length.toLocaleString('en')} candidates (argon2id PINs): ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // BENCH_READ_URL: a streaming standby of BENCH_DATABASE_URL's server (as .ci/standby.sh
  // starts on port 5433); the public counts and lookup are then read there, and the counts'
  // catch-up below is the standby's freshness.
  const readUrl = process.env.BENCH_READ_URL ? new URL(process.env.BENCH_READ_URL) : undefined;
  if (readUrl) readUrl.pathname = `/${name}`;
  const server = await startServer(
    {
      DATABASE_URL: url.toString(),
      ...(readUrl ? { DATABASE_READ_URL: readUrl.toString() } : {}),
      SOGD_LOOKUPS_PER_MINUTE: '100000000',
      LOG_LEVEL: 'error',
    },
    ['--no-demo'],
  );
  console.log(
    readUrl
      ? `public reads from the standby ${readUrl.host} (DATABASE_READ_URL)`
      : 'public reads from the primary (no BENCH_READ_URL)',
  );
  try {
    const base = `/api/public/admissions/${campaign.id}`;
    // 1. Sign-in of every candidate, 16 at a time, all from one address.
    const sessions: { cookie: string; csrf: string }[] = [];
    const signInMs: number[] = [];
    started = performance.now();
    await pool(slips, 16, async (slip, i) => {
      const r = await request(server.url, 'POST', `${base}/sign-in`, {
        code: slip.code,
        pin: slip.pin,
      });
      if (r.status !== 200) throw new Error(`sign-in ${slip.code}: ${r.status} ${r.body}`);
      signInMs.push(r.ms);
      sessions[i] = {
        cookie: r.cookie!,
        csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken,
      };
    });
    const signInSeconds = (performance.now() - started) / 1000;
    console.log(
      `sign-in of ${slips.length.toLocaleString('en')} candidates from one address: ${signInSeconds.toFixed(1)} s, p95 ${ms(percentile(signInMs, 0.95))}`,
    );
    // The throttle stays on: one code with wrong PINs is held back.
    const wrong: number[] = [];
    for (let k = 0; k < 8; k++)
      wrong.push(
        (
          await request(server.url, 'POST', `${base}/sign-in`, {
            code: slips[0]!.code,
            pin: '000000',
          })
        ).status,
      );
    console.log(`8 wrong PINs for one code: ${wrong.join(' ')} (429 = held back)`);

    // 2. The deadline peak, with the counts asked meanwhile.
    const acknowledged: { candidate: number; version: number; preferences: string[] }[] = [];
    const submitMs: number[] = [];
    const statuses: Record<string, number> = {};
    const spacing = (PEAK_SECONDS * 1000 * 0.8) / slips.length;
    const peakStarted = performance.now();
    const counts = openLoop(server.url, [`${base}/counts`], {
      rate: COUNTS_RATE,
      seconds: PEAK_SECONDS,
      connections: 64,
    });
    let lastAck = 0;
    await Promise.all(
      slips.map(async (_slip, c) => {
        await new Promise((r) => setTimeout(r, c * spacing));
        const s = sessions[c]!;
        for (let v = 0; v < VERSIONS; v++) {
          const preferences = [`P${(c + v) % 10}`, `P${(c + v + 3) % 10}`, `P${(c + v + 7) % 10}`];
          const r = await request(
            server.url,
            'PUT',
            `${base}/application`,
            { preferences, baseVersion: v },
            { cookie: s.cookie, 'x-csrf-token': s.csrf },
          );
          statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
          submitMs.push(r.ms);
          if (r.status === 200) {
            acknowledged.push({ candidate: c, version: v + 1, preferences });
            lastAck = performance.now();
          }
        }
      }),
    );
    const submitSeconds = (lastAck - peakStarted) / 1000;
    // Counts catch up: poll until they equal the current versions.
    const expected = new Map<string, number>();
    for (const a of acknowledged.filter((x) => x.version === VERSIONS))
      expected.set(a.preferences[0]!, (expected.get(a.preferences[0]!) ?? 0) + 1);
    let caughtUp = NaN;
    for (let t = 0; t < 100; t++) {
      const r = await request(server.url, 'GET', `${base}/counts`);
      const body = JSON.parse(r.body) as { programs: { program: string; byRank: number[] }[] };
      if (body.programs.every((p) => (p.byRank[0] ?? 0) === (expected.get(p.program) ?? 0))) {
        caughtUp = performance.now() - lastAck;
        break;
      }
      await new Promise((res) => setTimeout(res, 100));
    }
    const countsResult = await counts;
    // Every acknowledged version is in the database, in order, as sent.
    const stored = await sql<{ code: string; version: number; preferences: string[] }>`
      SELECT a.code, s.version, s.preferences FROM admission_submission s
      JOIN admission_candidate a ON a.id = s.candidate_id
      WHERE s.campaign_id = ${campaign.id}`.execute(db);
    const byKey = new Map(stored.rows.map((r) => [`${r.code} ${r.version}`, r.preferences]));
    const lost = acknowledged.filter(
      (a) =>
        byKey.get(`${slips[a.candidate]!.code} ${a.version}`)?.join(',') !==
        a.preferences.join(','),
    ).length;
    const fivexx = Object.entries(statuses)
      .filter(([s]) => s.startsWith('5'))
      .reduce((n, [, k]) => n + k, 0);
    console.log(
      `deadline peak: ${acknowledged.length.toLocaleString('en')} versions acknowledged of ${(slips.length * VERSIONS).toLocaleString('en')} sent in ${submitSeconds.toFixed(1)} s; lost ${lost}; 5xx ${fivexx}; statuses ${JSON.stringify(statuses)}; ` +
        `per submission p50 ${ms(percentile(submitMs, 0.5))}, p95 ${ms(percentile(submitMs, 0.95))}, p99 ${ms(percentile(submitMs, 0.99))}`,
    );
    const l = countsResult.latencyMs;
    console.log(
      `public counts during the peak: ${countsResult.rate} req/s sent on schedule (asked ${COUNTS_RATE}), p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms; ` +
        `200: ${countsResult.status['200'] ?? 0}, errors ${countsResult.errors}; counts equal the current versions ${Number.isNaN(caughtUp) ? 'not within 10 s' : `${(caughtUp / 1000).toFixed(2)} s after the last acknowledgement`}`,
    );

    // 3. A province the size of Hà Nội, written in SQL (a bench database only).
    const big = await createCampaign(db, dept, {
      name: 'Tuyển sinh 10 cỡ Hà Nội (bench)',
      schoolYear: '2028-2029',
      grade: 10,
      opensAt: new Date(Date.now() - 2 * HOUR).toISOString(),
      closesAt: new Date(Date.now() - HOUR + 60_000).toISOString(),
      maxPreferences: 3,
      rankPenalty: 100,
      ties: 'admit-all',
    }).catch(async () => {
      // Opening in the past may be refused: create it open, then close it in SQL.
      const c = await createCampaign(db, dept, {
        name: 'Tuyển sinh 10 cỡ Hà Nội (bench)',
        schoolYear: '2028-2029',
        grade: 10,
        opensAt: new Date(Date.now() + 60_000).toISOString(),
        closesAt: new Date(Date.now() + 2 * HOUR).toISOString(),
        maxPreferences: 3,
        rankPenalty: 100,
        ties: 'admit-all',
      });
      return c;
    });
    await importPrograms(db, dept, big.id, {
      rows: Array.from({ length: PROGRAMS }, (_, i) => ({
        program: `HN${i}`,
        schoolCode: `PT${i % 10}`,
        quota: Math.round((PROVINCE * 0.75) / PROGRAMS),
      })),
    });
    started = performance.now();
    await db.transaction().execute(async (tx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      await sql`
        UPDATE admission_campaign SET opens_at = now() - interval '3 hours',
          closes_at = now() - interval '1 hour' WHERE id = ${big.id}`.execute(tx);
      await sql`
        INSERT INTO admission_candidate (campaign_id, id, code, pin_hash, school_id, full_name, birth_date, score)
        SELECT ${big.id}, gen_random_uuid(), 'HN' || lpad(g::text, 7, '0'), 'bench', ${ids.CS1!},
          'Thí Sinh ' || g, DATE '2012-01-01' + (g % 365), 1500 + (g * 7919) % 3500
        FROM generate_series(1, ${PROVINCE}) g`.execute(tx);
      await sql`
        INSERT INTO admission_submission (candidate_id, version, campaign_id, preferences, submitted_at)
        SELECT a.id, 1, a.campaign_id,
          ARRAY['HN' || (n % ${PROGRAMS}), 'HN' || ((n + 41) % ${PROGRAMS}), 'HN' || ((n + 83) % ${PROGRAMS})],
          now() - interval '2 hours'
        FROM (SELECT id, campaign_id, substr(code, 3)::int AS n FROM admission_candidate
              WHERE campaign_id = ${big.id}) a`.execute(tx);
      await sql`
        INSERT INTO admission_current (candidate_id, campaign_id, version, preferences, submitted_at)
        SELECT candidate_id, campaign_id, version, preferences, submitted_at FROM admission_submission
        WHERE campaign_id = ${big.id}`.execute(tx);
    });
    await sql`ANALYZE`.execute(db);
    console.log(
      `Hà Nội-size campaign written in SQL: ${PROVINCE.toLocaleString('en')} candidates × 3 preferences × ${PROGRAMS} programs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    void importScores; // scores are written with the candidates above
    started = performance.now();
    const summary = await allocateCampaign(db, dept, big.id);
    console.log(
      `export + allocation + storing results (allocate-campaign): ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(engine ${summary.allocateMs} ms; ${summary.admitted.toLocaleString('en')} admitted of ${summary.candidates.toLocaleString('en')})`,
    );
    await publishResults(db, dept, big.id);
    const lookups = Array.from({ length: 5_000 }, (_, k) => {
      const g = 1 + ((k * 26_111) % PROVINCE);
      const birth = new Date(Date.UTC(2012, 0, 1 + (g % 365))).toISOString().slice(0, 10);
      return `/api/public/admissions/${big.id}/lookup?code=HN${String(g).padStart(7, '0')}&birthDate=${birth}`;
    });
    await openLoop(server.url, lookups, { rate: 1_000, seconds: 3, connections: 50 }); // warm-up
    const lookup = await openLoop(server.url, lookups, {
      rate: 1_000,
      seconds: quick ? 5 : 20,
      connections: 50,
    });
    const lk = lookup.latencyMs;
    console.log(
      `results lookup: ${lookup.rate} req/s sent on schedule, p50 ${lk.p50} ms, p95 ${lk.p95} ms, p99 ${lk.p99} ms, max ${lk.max} ms; statuses ${JSON.stringify(lookup.status)}, errors ${lookup.errors}`,
    );
  } finally {
    await server.stop();
  }
} finally {
  agent.destroy();
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
