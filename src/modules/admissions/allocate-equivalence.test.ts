import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeClass, makeStudents } from '../../../test/helpers/factories/registry.ts';
import { makeTree, scopeAt } from '../../../test/helpers/fixtures.ts';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { allocateFiles } from './allocate/index.ts';
import { allocateCampaign } from './allocate-campaign.ts';
import { createCampaign } from './create-campaign.ts';
import { exportCampaign } from './export-campaign.ts';
import { importPrograms } from './import-programs.ts';
import { importScores } from './import-scores.ts';
import { issueCandidates } from './issue-candidates.ts';
import { listAdmitted } from './list-admitted.ts';
import { submitApplication } from './submit-application.ts';

// Issue #14: `allocate-campaign` equals the file command (`sogd admissions
// allocate`) on exactly the files `export` writes — here on random
// campaigns: programs and quotas (some 0), candidates with 0..3 preferences,
// scores drawn from a small set (many ties), D and the tie policy varied.
// Each case names its seed, so a failure can be replayed.
let database: TestDatabase;
let db: Db;
let dept: Scope;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sogd-adm-eq-'));
  dirs.push(d);
  return d;
};
const CANDIDATES = 36;

/** mulberry32: a small seeded generator, so each case is reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  const ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'CSA', name: 'THCS An', kind: 'school', parent: 'SGD', levels: ['lower_secondary'] },
    { code: 'PT1', name: 'THPT Một', kind: 'school', parent: 'SGD', levels: ['upper_secondary'] },
    { code: 'PT2', name: 'THPT Hai', kind: 'school', parent: 'SGD', levels: ['upper_secondary'] },
  ]);
  const classId = await makeClass(db, { schoolId: ids.CSA!, name: '9A', schoolYear: '2026-2027' });
  await makeStudents(
    db,
    Array.from({ length: CANDIDATES }, (_, i) => ({
      schoolId: ids.CSA!,
      fullName: `Học Sinh Số ${i + 1}`,
      classId,
      schoolYear: '2026-2027',
    })),
  );
  dept = await scopeAt(db, ids.SGD!, 'department_staff');
}, 120_000);
afterAll(async () => {
  await database.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('allocate-campaign against the file command, on random campaigns', () => {
  for (const seed of [11, 23, 37, 41]) {
    it(`gives the same assignments and cutoffs (seed ${seed})`, { timeout: 120_000 }, async () => {
      const rnd = random(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      const opens = new Date(Date.now() - 3_600_000);
      const closes = new Date(Date.now() + 3_600_000);
      const rankPenalty = pick([0, 0.5, 1, 2.25]);
      const ties = pick(['admit-all', 'tiebreak'] as const);
      const campaign = await createCampaign(db, dept, {
        name: `Ngẫu nhiên ${seed}`,
        schoolYear: '2027-2028',
        opensAt: opens.toISOString(),
        closesAt: closes.toISOString(),
        maxPreferences: 3,
        rankPenalty,
        ties,
      });
      const programs = Array.from({ length: 2 + Math.floor(rnd() * 5) }, (_, i) => ({
        program: `P${i + 1}`,
        schoolCode: i % 2 ? 'PT2' : 'PT1',
        quota: Math.floor(rnd() * 9),
      }));
      expect((await importPrograms(db, dept, campaign.id, { rows: programs })).errors).toBe(0);
      const { slips } = await issueCandidates(db, dept, campaign.id);
      const ids = new Map(
        (
          await db
            .selectFrom('admission_candidate')
            .select(['id', 'code'])
            .where('campaign_id', '=', campaign.id)
            .execute()
        ).map((c) => [c.code, c.id]),
      );
      for (const slip of slips) {
        const n = Math.floor(rnd() * 4);
        const chosen = [...programs]
          .sort(() => rnd() - 0.5)
          .slice(0, n)
          .map((p) => p.program);
        if (!chosen.length) continue;
        await submitApplication(
          db,
          { candidateId: ids.get(slip.code)!, campaignId: campaign.id, ip: null },
          { preferences: chosen, baseVersion: 0, receivedAt: new Date() },
        );
      }
      await importScores(db, dept, campaign.id, {
        rows: slips.map((s) => ({
          code: s.code,
          score: pick(['20', '20.25', '21.5', '22', '25.75']),
        })),
      });
      const exported = tempDir();
      await exportCampaign(db, dept, campaign.id, exported);
      const fromFiles = tempDir();
      allocateFiles({
        programsFile: join(exported, 'programs.csv'),
        applicationsFile: join(exported, 'applications.csv'),
        outDir: fromFiles,
        options: { rankPenalty: Math.round(rankPenalty * 100), ties, seed: 1 },
      });
      const fromCampaign = tempDir();
      const summary = await allocateCampaign(db, dept, campaign.id, {
        outDir: fromCampaign,
        now: new Date(closes.getTime() + 1),
      });
      for (const f of ['assignments.csv', 'cutoffs.csv'])
        expect(readFileSync(join(fromCampaign, f), 'utf8'), f).toBe(
          readFileSync(join(fromFiles, f), 'utf8'),
        );
      // What is stored is what the files say: the same admitted, at the same rank.
      const assigned = readFileSync(join(fromFiles, 'assignments.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .filter((c) => c[1] !== '')
        .map((c) => `${c[0]}:${c[1]}`)
        .sort();
      const stored = (await listAdmitted(db, dept, campaign.id)).map(
        (r) => `${r.code}:${r.program}`,
      );
      expect(stored.sort()).toEqual(assigned);
      expect(summary.admitted).toBe(assigned.length);
      expect(summary.candidates).toBeGreaterThan(CANDIDATES / 2);
    });
  }
});
