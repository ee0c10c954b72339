/**
 * Parent surveys and the public services catalogue under load (issue #19,
 * "Speed"), on the PostgreSQL server (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created
 * and dropped), against a `sogd serve` child process, the load from this
 * process over loopback (open loop, bench/open-loop.ts):
 *   1. 10,000 answers, each with its own code, sent at ANSWER_RATE a second
 *      (default 50: the target is 10,000 in 10 minutes, 17 a second), each
 *      family from its own address (X-Forwarded-For behind TRUST_PROXY=1, as
 *      behind the department's proxy; the per-address limit stays on); then
 *      every accepted answer is looked for: answers stored = 201s = codes spent;
 *   2. a province of 500,000 answers (written in SQL over the schools), then
 *      the province's results and one school's, each 10 times after a warm-up;
 *   3. the public procedure catalogue at 1,000 requests/s for 10 s.
 *   npx tsx bench/surveys.ts [--quick]
 */
import '../src/app/modules.ts';
import { sql } from 'kysely';
import pg from 'pg';
import { Scope } from '../src/core/access/scope.ts';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import { seedDemo } from '../src/modules/demo/index.ts';
import { schoolYearOf } from '../src/modules/registry/index.ts';
import { createSurvey } from '../src/modules/surveys/create-survey.ts';
import { DEMO_SECTIONS } from '../src/modules/surveys/demo.ts';
import { issueCodes } from '../src/modules/surveys/issue-codes.ts';
import { surveyResults } from '../src/modules/surveys/survey-results.ts';
import { startServer } from '../test/helpers/server.ts';
import { openLoop } from './open-loop.ts';

const quick = process.argv.includes('--quick');
const SCHOOLS = quick ? 20 : 100;
const ANSWERS = quick ? 2_000 : 10_000;
const ANSWER_RATE = Number(process.env.ANSWER_RATE ?? 50);
const PROVINCE_ANSWERS = quick ? 50_000 : 500_000;
const CATALOGUE_RATE = quick ? 300 : 1_000;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `sogd_bench_surveys_${Date.now()}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString() });
const { db } = database;

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1));
};

try {
  await migrateToLatest(db);
  const year = schoolYearOf();
  const seeded = await seedDemo(db, { schools: SCHOOLS, students: SCHOOLS * 10, schoolYear: year });
  console.log(`seeded ${seeded.units} units in ${seeded.ms} ms`);
  const root = await db
    .selectFrom('orgs_unit_v')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const schools = await db
    .selectFrom('orgs_unit_v')
    .select(['id'])
    .where('kind', '=', 'school')
    .orderBy('code')
    .execute();
  const dept = new Scope({
    id: '00000000-0000-7000-8000-000000000000',
    username: 'bench',
    fullName: 'Bench',
    role: 'department_admin',
    orgUnitId: root.id,
    orgPath: root.path,
  });
  const { id: surveyId } = await createSurvey(db, dept, {
    title: 'Khảo sát sự hài lòng (bench)',
    schoolYear: year,
    scopeUnitId: root.id,
    sections: DEMO_SECTIONS,
  });
  const codes: string[] = [];
  const perSchool = Math.ceil(ANSWERS / schools.length);
  for (const school of schools) {
    if (codes.length >= ANSWERS) break;
    const issued = await issueCodes(db, dept, {
      surveyId,
      schoolId: school.id,
      count: Math.min(perSchool, ANSWERS - codes.length),
    });
    codes.push(...issued.codes);
  }
  console.log(`${codes.length.toLocaleString('en')} codes over ${schools.length} schools`);

  const scaleQuestions = DEMO_SECTIONS.flatMap((s) => s.questions).filter(
    (q) => q.kind === 'scale5',
  );
  const server = await startServer(
    { DATABASE_URL: url.toString(), TRUST_PROXY: '1', LOG_LEVEL: 'error' },
    ['--no-demo'],
  );
  try {
    // 1. The answers, one address per family.
    let accepted = 0;
    const answers = await openLoop(server.url, [], {
      rate: ANSWER_RATE,
      seconds: codes.length / ANSWER_RATE,
      connections: 64,
      plan: (i) => ({
        method: 'POST',
        path: '/api/public/surveys/answers',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
        body: JSON.stringify({
          code: codes[i],
          surveyId,
          answers: {
            ...Object.fromEntries(scaleQuestions.map((q, k) => [q.id, ((i + k) % 5) + 1])),
            'con-thich': 'Có',
          },
        }),
      }),
      onAnswer: (_, status) => {
        if (status === 201) accepted++;
      },
    });
    const stored = await db
      .selectFrom('survey_answer')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    const spent = await db
      .selectFrom('survey_code')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('survey_id', '=', surveyId)
      .where('used', '=', true)
      .executeTakeFirstOrThrow();
    const l = answers.latencyMs;
    console.log(
      `answers: ${answers.sent.toLocaleString('en')} sent at ${answers.rate}/s, statuses ${JSON.stringify(answers.status)}, ` +
        `errors ${answers.errors}; p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms; ` +
        `201s ${accepted}, stored ${stored.n}, codes spent ${spent.n}, lost ${accepted - Number(stored.n)}`,
    );

    // 3. The public catalogue (before the province's answers fill the database).
    const catalogue = await openLoop(server.url, ['/api/public/services/procedures'], {
      rate: CATALOGUE_RATE,
      seconds: 10,
      connections: 64,
    });
    const c = catalogue.latencyMs;
    console.log(
      `catalogue: ${catalogue.rate} req/s sent (asked ${CATALOGUE_RATE}), statuses ${JSON.stringify(catalogue.status)}, ` +
        `errors ${catalogue.errors}; p50 ${c.p50} ms, p95 ${c.p95} ms, p99 ${c.p99} ms`,
    );
  } finally {
    await server.stop();
  }

  // 2. A province's answers, then its results.
  let started = performance.now();
  const schoolIds = schools.map((s) => s.id);
  const scores = sql.join(
    scaleQuestions.map((q) => sql`${q.id}::text, (1 + floor(random() * 5))::int`),
  );
  await sql`
    INSERT INTO survey_answer (id, survey_id, school_id, scores)
    SELECT gen_random_uuid(), ${surveyId}::uuid,
           (${schoolIds}::uuid[])[1 + (n % ${schoolIds.length})],
           jsonb_build_object(${scores}, 'con-thich', 'Có')
    FROM generate_series(1, ${PROVINCE_ANSWERS}) AS n`.execute(db);
  await sql`ANALYZE survey_answer`.execute(db);
  console.log(
    `${PROVINCE_ANSWERS.toLocaleString('en')} more answers written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const timed = async (label: string, run: () => Promise<unknown>) => {
    await run();
    const ms: number[] = [];
    for (let i = 0; i < 10; i++) {
      started = performance.now();
      await run();
      ms.push(performance.now() - started);
    }
    console.log(`${label}: p50 ${percentile(ms, 0.5)} ms, p95 ${percentile(ms, 0.95)} ms`);
  };
  await timed('results of the province', () => surveyResults(db, dept, { surveyId }));
  await timed('results of one school', () =>
    surveyResults(db, dept, { surveyId, schoolId: schoolIds[0] }),
  );
} finally {
  await database.close();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
