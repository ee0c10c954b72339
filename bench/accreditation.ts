/**
 * Accreditation benchmark (issue #18, "Scale and speed"):
 * - the department's progress page for one campaign over 1,500 schools
 *   (first page of 100 with the counts by status), p50 / p95 of 20 runs;
 * - the report of one cycle with 28 criteria rated and 300 evidence items,
 *   DOCX and PDF, p50 / p95 of 5 runs.
 *
 *   npx tsx bench/accreditation.ts
 *   DATABASE_URL=postgres://… npx tsx bench/accreditation.ts   # an empty PostgreSQL database
 */
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import '../src/app/modules.ts';
import { Scope } from '../src/core/access/scope.ts';
import { systemActor, writeTransaction } from '../src/db/actor.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { addLinkEvidence } from '../src/modules/accreditation/add-link-evidence.ts';
import { buildReport } from '../src/modules/accreditation/build-report.ts';
import { createCampaign } from '../src/modules/accreditation/create-campaign.ts';
import { getProgress } from '../src/modules/accreditation/get-progress.ts';
import { openCycle } from '../src/modules/accreditation/open-cycle.ts';
import { rateRequirement } from '../src/modules/accreditation/rate-requirement.ts';

const SCHOOLS = 1_500;
const database = process.env.DATABASE_URL
  ? await openDatabase({ databaseUrl: process.env.DATABASE_URL })
  : await openDatabase({ memory: true });
const { db } = database;
await migrateToLatest(db);

// The tree: a department, 25 communes, 1,500 lower-secondary schools.
const dept = { id: uuidv7(), path: '' };
dept.path = `/${dept.id}/`;
const units: Record<string, unknown>[] = [
  {
    id: dept.id,
    code: 'SGD',
    name: 'Sở GD&ĐT',
    kind: 'department',
    parent_id: null,
    path: dept.path,
    depth: 0,
  },
];
const communes = Array.from({ length: 25 }, (_, i) => {
  const id = uuidv7();
  const path = `${dept.path}${id}/`;
  units.push({
    id,
    code: `X${i}`,
    name: `Xã ${i}`,
    kind: 'commune',
    parent_id: dept.id,
    path,
    depth: 1,
  });
  return { id, path };
});
const schools = Array.from({ length: SCHOOLS }, (_, i) => {
  const c = communes[i % communes.length]!;
  const id = uuidv7();
  const path = `${c.path}${id}/`;
  units.push({
    id,
    code: `T${String(i).padStart(4, '0')}`,
    name: `Trường THCS số ${i}`,
    kind: 'school',
    parent_id: c.id,
    path,
    depth: 2,
    levels: ['lower_secondary'],
    ownership: 'public',
  });
  return { id, path };
});
await writeTransaction(db, systemActor('bench'), async (tx) => {
  for (let i = 0; i < units.length; i += 500)
    await tx
      .insertInto('org_unit')
      .values(
        units.slice(i, i + 500).map(
          (u) =>
            ({
              search_name: String(u.name).toLowerCase(),
              levels: [],
              ownership: null,
              address: null,
              merged_into_id: null,
              ...u,
            }) as never,
        ),
      )
      .execute();
});

const scopeAt = (unit: { id: string; path: string }, role: 'department_staff' | 'school_admin') =>
  new Scope({
    id: uuidv7(),
    username: 'bench',
    fullName: 'Bench',
    role,
    orgUnitId: unit.id,
    orgPath: unit.path,
  });
const department = scopeAt(dept, 'department_staff');
const campaign = await createCampaign(db, department, {
  name: 'Bench',
  setId: 'tt18-2018',
  schoolYear: '2026-2027',
});

// Two thirds of the schools have started; of those, a third submitted and some were returned or accepted.
const statuses = ['in_progress', 'submitted', 'returned', 'accepted'] as const;
const cycles = schools.slice(0, 1_000).map((s, i) => ({
  id: uuidv7(),
  campaign_id: campaign.id,
  school_id: s.id,
  status: statuses[i % 4]!,
}));
await writeTransaction(db, systemActor('bench'), async (tx) => {
  for (let i = 0; i < cycles.length; i += 500)
    await tx
      .insertInto('accreditation_cycle')
      .values(cycles.slice(i, i + 500))
      .execute();
});
await sql`ANALYZE`.execute(db);

async function time(name: string, runs: number, run: () => Promise<unknown>) {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  console.log(`${name}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (${runs} runs)`);
}

await time('progress page, 1,500 schools (first 100 + counts)', 20, () =>
  getProgress(db, department, { campaignId: campaign.id, page: 1, pageSize: 100 }),
);

// One school's full cycle: 300 evidence links, every requirement rated citing some.
const school = schools[1_200]!;
const principal = scopeAt(school, 'school_admin');
const cycle = await openCycle(db, principal, { campaignId: campaign.id, schoolId: school.id });
const criteria = cycle.standards.flatMap((s) => s.criteria);
const codes: string[] = [];
for (let i = 0; i < 300; i++) {
  const c = criteria[i % criteria.length]!;
  const item = await addLinkEvidence(db, principal, {
    cycleId: cycle.id,
    evidence: {
      title: `Minh chứng số ${i + 1} của tiêu chí ${c.code}`,
      criterionCode: c.code,
      issuer: 'Nhà trường',
      url: `https://example.vn/mc/${i}`,
    },
  });
  codes.push(item.code);
}
let n = 0;
for (const c of criteria)
  for (const r of c.requirements) {
    const cited = codes.slice((n * 3) % 297, ((n * 3) % 297) + 3).join(', ');
    n += 1;
    await rateRequirement(db, principal, {
      cycleId: cycle.id,
      rating: { requirementCode: r.code, met: r.level < 3, justification: `Theo ${cited}.` },
    });
  }
await time('report DOCX, 28 criteria, 300 evidence', 5, () =>
  buildReport(db, principal, { cycleId: cycle.id, format: 'docx' }),
);
await time('report PDF, 28 criteria, 300 evidence', 5, () =>
  buildReport(db, principal, { cycleId: cycle.id, format: 'pdf' }),
);
await database.close();
