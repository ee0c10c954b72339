/**
 * Diploma benchmark on the PostgreSQL server (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created
 * and dropped):
 *   1. bulk issue of 100,000 diplomas with signed credentials and QR codes;
 *   2. the register filled to 1,000,000 entries (copies of a real signed
 *      row with distinct numbers and names, inserted in SQL);
 *   3. public lookups at 1,000 requests/s, open loop (bench/open-loop.ts),
 *      from this process against a `sogd serve` child process, each for a
 *      different diploma: exact latency percentiles, p95 included;
 *   4. the same load with the default rate limit (20 a minute per client):
 *      the limiter answers 429 and holds.
 *   npx tsx bench/diplomas.ts [--quick]
 */
import { sql } from 'kysely';
import pg from 'pg';
import { systemActor } from '../src/db/actor.ts';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import { rotateIssuerKey } from '../src/modules/diplomas/keys.ts';
import { systemScope } from '../src/modules/diplomas/access.ts';
import type { GraduateEntry } from '../src/modules/diplomas/issue-batch.ts';
import { issueDiplomas } from '../src/modules/diplomas/issue-diplomas.ts';
import { makeTree } from '../test/helpers/fixtures.ts';
import { startServer } from '../test/helpers/server.ts';
import { openLoop } from './open-loop.ts';

const quick = process.argv.includes('--quick');
const ISSUE = quick ? 5_000 : 100_000;
const TOTAL = quick ? 50_000 : 1_000_000;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `sogd_bench_diplomas_${Date.now()}`;
const PASSPHRASE = 'bench-key-passphrase';

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString() });
const { db } = database;
try {
  await migrateToLatest(db);
  const ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở Giáo dục và Đào tạo (bench)', kind: 'department' },
  ]);
  await rotateIssuerKey(db, systemActor('bench'), ids.SGD!, PASSPHRASE);
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
  const given = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Khánh', 'Linh', 'Minh', 'Ngọc', 'Phúc'];
  const entries: GraduateEntry[] = Array.from({ length: ISSUE }, (_, i) => ({
    fullName: `${family[i % 8]} Văn ${given[i % 10]} ${i}`,
    birthDate: `2008-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    gender: i % 2 ? 'male' : 'female',
    schoolName: `Trường THPT số ${i % 300}`,
    graduationYear: 2026,
    decisionNumber: '1234/QĐ-SGDĐT',
    decisionDate: '2026-07-15',
  }));
  let started = performance.now();
  for (let i = 0; i < entries.length; i += 10_000)
    await issueDiplomas(
      db,
      systemScope('bench'),
      {
        authorityId: ids.SGD!,
        diplomaType: 'upper_secondary',
        issueDate: '2026-07-20',
        signerName: 'Nguyễn Thị Thúy',
        signerTitle: 'Giám đốc',
        entries: entries.slice(i, i + 10_000),
      },
      { passphrase: PASSPHRASE, publicUrl: 'https://sogd.bench' },
    );
  const issueSeconds = (performance.now() - started) / 1000;
  console.log(
    `bulk issue of ${ISSUE.toLocaleString('en')} diplomas with credentials: ${issueSeconds.toFixed(1)} s`,
  );

  // Fill: copies of a real signed row, trigger-free (a bench database only).
  started = performance.now();
  await db.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await sql`
      INSERT INTO diploma (id, authority_id, diploma_type, full_name, search_name, birth_date, birth_place, gender,
        ethnicity, school_name, exam_council, graduation_year, decision_number, decision_date, serial_number,
        register_number, register_year, issue_date, signer_name, signer_title, notes, status, status_index,
        student_id, key_id, credential, qr)
      SELECT gen_random_uuid(), d.authority_id, d.diploma_type, 'Thí Sinh Số ' || g, 'thi sinh so ' || g,
        DATE '2005-01-01' + (g % 3000), d.birth_place, d.gender, d.ethnicity, d.school_name, d.exam_council,
        d.graduation_year, d.decision_number, d.decision_date, 'F' || lpad(g::text, 9, '0'),
        'F/' || g, d.register_year, d.issue_date, d.signer_name, d.signer_title, d.notes, 'valid',
        ${ISSUE} + g, NULL, d.key_id, d.credential, d.qr
      FROM generate_series(1, ${TOTAL - ISSUE}) g,
        (SELECT * FROM diploma ORDER BY serial_number LIMIT 1) d`.execute(tx);
  });
  await sql`ANALYZE diploma`.execute(db);
  console.log(
    `register filled to ${TOTAL.toLocaleString('en')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const lookups = entries
    .slice(0, 5_000)
    .map(
      (e, i) =>
        `/api/public/diplomas/lookup?serial=THPT${String(i + 1).padStart(7, '0')}&fullName=${encodeURIComponent(e.fullName)}&birthDate=${e.birthDate}`,
    );
  const load = (target: string, seconds: number) =>
    openLoop(target, lookups, { rate: 1000, seconds, connections: 50 });

  for (const [label, limit] of [
    ['lookups, limiter raised out of the way', '100000000'],
    ['lookups, default limiter (20/min per client)', ''],
  ] as const) {
    const server = await startServer(
      {
        DATABASE_URL: url.toString(),
        SOGD_KEY_PASSPHRASE: PASSPHRASE,
        SOGD_LOOKUPS_PER_MINUTE: limit,
        LOG_LEVEL: 'error',
      },
      ['--no-demo'],
    );
    try {
      await load(server.url, 3); // warm-up
      const result = await load(server.url, quick ? 5 : 20);
      const l = result.latencyMs;
      console.log(
        `${label}: ${result.rate} req/s sent on schedule, latency from the scheduled time p50 ${l.p50} ms, p90 ${l.p90} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms, ` +
          `200: ${result.status['200'] ?? 0}, 429: ${result.status['429'] ?? 0}, errors ${result.errors}`,
      );
    } finally {
      await server.stop();
    }
  }
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
