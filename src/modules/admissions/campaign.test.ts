import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejects } from '../../../test/helpers/app-error.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeTree, scopeAt } from '../../../test/helpers/fixtures.ts';
import type { Scope } from '../../core/access/scope.ts';
import type { AppError } from '../../core/errors.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { searchKey } from '../../lib/vietnamese.ts';
import { allocateFiles } from './allocate/index.ts';
import { allocateCampaign } from './allocate-campaign.ts';
import { candidateResult } from './candidate-result.ts';
import {
  candidateSignIn,
  requireCandidate,
  resetCandidateThrottle,
  type CandidateScope,
} from './candidate-session.ts';
import type { Slip } from './contract.ts';
import { createCampaign } from './create-campaign.ts';
import { exportCampaign } from './export-campaign.ts';
import { getApplication } from './get-application.ts';
import { getCampaign } from './get-campaign.ts';
import { importPrograms } from './import-programs.ts';
import { importScores } from './import-scores.ts';
import { issueCandidates } from './issue-candidates.ts';
import { confirmationDeadlineJob } from './jobs.ts';
import { listAdmitted } from './list-admitted.ts';
import { listCandidates } from './list-candidates.ts';
import { lookupResult } from './lookup-result.ts';
import { publicCounts } from './public-counts.ts';
import { publishResults } from './publish-results.ts';
import { respondOffer } from './respond-offer.ts';
import { admissionScore, scoreRulesOn } from './rules.ts';
import { submitApplication } from './submit-application.ts';
import { submitOnBehalf } from './submit-on-behalf.ts';
import { topUp } from './top-up.ts';

let database: TestDatabase;
let db: Db;
let ids: Record<string, string>;
let dept: Scope;
let clerkB: Scope;
const YEAR = '2027-2028';
const PREVIOUS = '2026-2027';
const HOUR = 3_600_000;
const opens = new Date(Date.now() - HOUR);
const closes = new Date(Date.now() + HOUR);
const confirmBy = new Date(Date.now() + 48 * HOUR);
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sogd-adm-'));
  dirs.push(d);
  return d;
};

async function addGrade9(school: string, names: string[]) {
  const classId = uuidv7();
  await writeTransaction(db, systemActor('test'), async (tx) => {
    await tx
      .insertInto('class')
      .values({
        school_id: ids[school]!,
        id: classId,
        school_year: PREVIOUS,
        name: '9A',
        grade: 9,
        homeroom_staff_id: null,
      })
      .execute();
    for (const [i, fullName] of names.entries()) {
      const id = uuidv7();
      const parts = fullName.split(' ');
      await tx
        .insertInto('student')
        .values({
          id,
          school_id: ids[school]!,
          full_name: fullName,
          family_name: parts[0]!,
          middle_name: parts.slice(1, -1).join(' '),
          given_name: parts.at(-1)!,
          search_name: searchKey(fullName),
          birth_date: `2012-0${(i % 9) + 1}-15`,
          gender: 'female',
          personal_id: null,
          student_code: `HS${school}${i}`,
          ethnicity: null,
          birth_place: null,
          address: null,
          guardian_name: null,
          phone: null,
          status_reason: null,
        })
        .execute();
      await tx
        .insertInto('enrolment')
        .values({
          student_id: id,
          school_year: PREVIOUS,
          school_id: ids[school]!,
          class_id: classId,
        })
        .execute();
    }
  });
}

async function signInAs(campaignId: string, slip: Slip): Promise<CandidateScope> {
  const { token, csrfToken } = await candidateSignIn(db, {
    campaignId,
    code: slip.code,
    pin: slip.pin,
    ip: '198.51.100.7',
  });
  return requireCandidate(db, {
    campaignId,
    token,
    csrf: csrfToken,
    write: true,
    ip: '198.51.100.7',
  });
}

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'X02', name: 'Xã Hai', kind: 'commune', parent: 'SGD' },
    { code: 'CSA', name: 'THCS An', kind: 'school', parent: 'X01', levels: ['lower_secondary'] },
    { code: 'CSB', name: 'THCS Bình', kind: 'school', parent: 'X02', levels: ['lower_secondary'] },
    { code: 'PT1', name: 'THPT Một', kind: 'school', parent: 'X01', levels: ['upper_secondary'] },
    { code: 'PT2', name: 'THPT Hai', kind: 'school', parent: 'X02', levels: ['upper_secondary'] },
  ]);
  await addGrade9('CSA', ['Lê Thị An', 'Trần Văn Bình', 'Phạm Thu Cúc', 'Ngô Đức Dũng']);
  await addGrade9('CSB', ['Vũ Hải Yến', 'Đỗ Minh Khang']);
  dept = await scopeAt(db, ids.SGD!, 'department_staff');
  clerkB = await scopeAt(db, ids.CSB!, 'school_staff');
});
afterAll(async () => {
  await database.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const base = {
  name: 'Tuyển sinh 10 thử',
  schoolYear: YEAR,
  grade: 10,
  opensAt: opens.toISOString(),
  closesAt: closes.toISOString(),
  confirmBy: confirmBy.toISOString(),
  maxPreferences: 2,
  rankPenalty: 0,
  ties: 'admit-all' as const,
};

describe('a campaign from set-up to top-up', () => {
  let campaignId: string;
  let slips: Slip[];

  it('refuses dates out of order and a school creating one', async () => {
    const e = await rejects(
      createCampaign(db, dept, { ...base, closesAt: new Date(opens.getTime() - 1).toISOString() }),
      400,
    );
    expect(e.errors[0]!.path).toBe('body.closesAt');
    await rejects(
      createCampaign(db, dept, {
        ...base,
        confirmBy: new Date(closes.getTime() - 1).toISOString(),
      }),
      400,
    );
    await rejects(createCampaign(db, clerkB, base), 403);
    const created = await createCampaign(db, dept, base);
    campaignId = created.id;
    expect(created.status).toBe('open');
  });

  it('imports programs, refusing bad rows with nothing written', async () => {
    const bad = await importPrograms(db, dept, campaignId, {
      rows: [
        { program: 'P1', schoolCode: 'PT1', quota: 1 },
        { program: 'P1', schoolCode: 'PT2', quota: 1 },
        { program: 'P3', schoolCode: 'NOPE', quota: 1 },
        { program: 'P4', schoolCode: 'CSA', quota: 1 },
        { program: 'P5', schoolCode: 'PT2', quota: '-1' },
        { program: 'bad id!', schoolCode: 'PT2', quota: 1 },
      ],
    });
    expect(bad.errors).toBe(5);
    expect(bad.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'program'],
      [4, 'school_code'],
      [5, 'school_code'],
      [6, 'quota'],
      [7, 'program'],
    ]);
    expect((await getCampaign(db, dept, campaignId)).programs).toEqual([]);
    const good = await importPrograms(db, dept, campaignId, {
      rows: [
        { program: 'P1', schoolCode: 'PT1', quota: 1 },
        { program: 'P2', schoolCode: 'PT2', quota: 2 },
      ],
    });
    expect(good).toMatchObject({ rows: 2, added: 2, updated: 0, errors: 0 });
    const again = await importPrograms(db, dept, campaignId, {
      rows: [
        { program: 'P1', schoolCode: 'PT1', quota: 1 },
        { program: 'P2', schoolCode: 'PT2', quota: 3 },
      ],
    });
    expect(again).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
  });

  it('issues slips: a school its own students, the department the rest, never twice', async () => {
    const b = await issueCandidates(db, clerkB, campaignId);
    expect(b.issued).toBe(2);
    expect(b.slips.every((s) => s.schoolCode === 'CSB')).toBe(true);
    const all = await issueCandidates(db, dept, campaignId);
    expect(all).toMatchObject({ issued: 4, existing: 2 });
    slips = [...all.slips, ...b.slips];
    expect(slips.every((s) => /^\d{6}$/.test(s.pin))).toBe(true);
    const stored = await db.selectFrom('admission_candidate').select('pin_hash').execute();
    expect(stored.every((r) => r.pin_hash.startsWith('$argon2id$'))).toBe(true);
    expect((await issueCandidates(db, dept, campaignId)).issued).toBe(0);
    // A school sees only its own candidates.
    const seenByB = await listCandidates(db, clerkB, campaignId);
    expect(seenByB.map((c) => c.school.code)).toEqual(['CSB', 'CSB']);
  });

  it('signs in with code and PIN; wrong PINs are throttled per code', async () => {
    resetCandidateThrottle();
    const slip = slips[0]!;
    await rejects(
      candidateSignIn(db, { campaignId, code: slip.code, pin: 'x', ip: '192.0.2.1' }),
      401,
    );
    await rejects(
      candidateSignIn(db, { campaignId, code: 'NOPE', pin: slip.pin, ip: '192.0.2.1' }),
      401,
    );
    for (let i = 0; i < 4; i++)
      await candidateSignIn(db, {
        campaignId,
        code: slip.code,
        pin: 'y',
        ip: `192.0.2.${i + 10}`,
      }).catch(() => null);
    await rejects(
      candidateSignIn(db, { campaignId, code: slip.code, pin: slip.pin, ip: '192.0.2.99' }),
      429,
    );
    resetCandidateThrottle();
    // Many successful sign-ins from one shared address are never held back.
    for (const s of slips) await signInAs(campaignId, s);
  });

  it('keeps every version; a stale base is a 409; bad choices a 422 naming the field', async () => {
    const me = await signInAs(campaignId, slips[0]!);
    const at = new Date();
    const v1 = await submitApplication(db, me, {
      preferences: ['P1', 'P2'],
      baseVersion: 0,
      receivedAt: at,
    });
    expect(v1.version).toBe(1);
    const stale = await rejects(
      submitApplication(db, me, { preferences: ['P2'], baseVersion: 0, receivedAt: at }),
      409,
    );
    expect(stale.detail).toContain('hiện là phiên bản 1');
    const e = await rejects(
      submitApplication(db, me, { preferences: ['P1', 'P1'], baseVersion: 1, receivedAt: at }),
      422,
    );
    expect(e.errors[0]!.path).toBe('body.preferences.1');
    await rejects(
      submitApplication(db, me, {
        preferences: ['P1', 'P2', 'P3'],
        baseVersion: 1,
        receivedAt: at,
      }),
      422,
    );
    await rejects(
      submitApplication(db, me, { preferences: ['ZZ'], baseVersion: 1, receivedAt: at }),
      422,
    );
    expect(
      (await submitApplication(db, me, { preferences: [], baseVersion: 1, receivedAt: at }))
        .version,
    ).toBe(2);
    expect(
      (
        await submitApplication(db, me, {
          preferences: ['P2', 'P1'],
          baseVersion: 2,
          receivedAt: at,
        })
      ).version,
    ).toBe(3);
    const app = await getApplication(db, me);
    expect(app.version).toBe(3);
    expect(app.preferences).toEqual([
      { rank: 1, program: 'P2' },
      { rank: 2, program: 'P1' },
    ]);
    expect(app.history.map((h) => h.version)).toEqual([3, 2, 1]);
    expect(app.history[1]!.preferences).toEqual([]);
  });

  it('two devices at once: one version wins, the other gets 409, nothing is lost', async () => {
    const me = await signInAs(campaignId, slips[1]!);
    const at = new Date();
    const results = await Promise.allSettled([
      submitApplication(db, me, { preferences: ['P1'], baseVersion: 0, receivedAt: at }),
      submitApplication(db, me, { preferences: ['P2'], baseVersion: 0, receivedAt: at }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as AppError).status).toBe(409);
    expect((await getApplication(db, me)).history).toHaveLength(1);
  });

  it('counts at the deadline edge: before closes counts, at closes is refused', async () => {
    const me = await signInAs(campaignId, slips[2]!);
    await rejects(
      submitApplication(db, me, {
        preferences: ['P1'],
        baseVersion: 0,
        receivedAt: new Date(opens.getTime() - 1),
      }),
      403,
    );
    await rejects(
      submitApplication(db, me, { preferences: ['P1'], baseVersion: 0, receivedAt: closes }),
      403,
    );
    const last = new Date(closes.getTime() - 1);
    expect(
      (
        await submitApplication(db, me, {
          preferences: ['P1', 'P2'],
          baseVersion: 0,
          receivedAt: last,
        })
      ).version,
    ).toBe(1);
    // A school submits for a family who asks; recorded as such.
    await rejects(
      submitOnBehalf(db, clerkB, {
        campaignId,
        code: slips[3]!.code,
        preferences: ['P2'],
        baseVersion: 0,
        receivedAt: new Date(),
      }),
      403,
    );
    const byB = await submitOnBehalf(db, clerkB, {
      campaignId,
      code: slips[4]!.code,
      preferences: ['P2'],
      baseVersion: 0,
      receivedAt: new Date(),
    });
    expect(byB.version).toBe(1);
    const bMe = await signInAs(campaignId, slips[4]!);
    expect((await getApplication(db, bMe)).history[0]!.onBehalf).toBe(true);
  });

  it('publishes live counts per program and rank', async () => {
    await new Promise((r) => setTimeout(r, 1_100));
    const counts = await publicCounts(db, campaignId);
    const byProgram = Object.fromEntries(counts.programs.map((p) => [p.program, p.byRank]));
    // slip0: P2,P1; slip1: P1 or P2; slip2: P1,P2; slip4: P2.
    const p1 = byProgram.P1!;
    const p2 = byProgram.P2!;
    expect(p1[0]! + p2[0]!).toBe(4);
    expect(p1[1]).toBe(1);
    expect(p2[1]).toBe(1);
  });

  it('imports scores, refusing unknown codes, duplicates and bad numbers', async () => {
    const bad = await importScores(db, dept, campaignId, {
      rows: [
        { code: slips[0]!.code, score: '30.5' },
        { code: slips[0]!.code, score: '31' },
        { code: 'NOPE', score: '20' },
        { code: slips[1]!.code, score: '100.01' },
        { code: slips[2]!.code, score: '20.123' },
      ],
    });
    expect(bad.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'code'],
      [4, 'code'],
      [5, 'score'],
      [6, 'score'],
    ]);
    expect((await getCampaign(db, dept, campaignId)).scored).toBe(0);
    const rules = scoreRulesOn('2027-06-01');
    // 8.50 + 7.25 + 9.00 + group 3 (1.0) + a provincial second prize (1.0) = 26.75
    const computed = admissionScore(rules, {
      subjects: [850, 725, 900],
      priority: 'group3',
      prize: 'second',
    });
    expect(computed).toBe(2675);
    const ok = await importScores(db, dept, campaignId, {
      rows: slips.map((s, i) => ({ code: s.code, score: [26.75, 25, 24, 10, 23, 22][i]! })),
    });
    expect(ok).toMatchObject({ added: 6, errors: 0 });
  });

  it('refuses allocation before closes; allocates exactly what export writes', async () => {
    await rejects(allocateCampaign(db, dept, campaignId), 409);
    const exported = tempDir();
    expect(await exportCampaign(db, dept, campaignId, exported)).toEqual({
      candidates: 4,
      applications: 6,
      programs: 2,
    });
    const fromFiles = tempDir();
    allocateFiles({
      programsFile: join(exported, 'programs.csv'),
      applicationsFile: join(exported, 'applications.csv'),
      outDir: fromFiles,
      options: { rankPenalty: 0, ties: 'admit-all', seed: 1 },
    });
    const fromCampaign = tempDir();
    const summary = await allocateCampaign(db, dept, campaignId, {
      outDir: fromCampaign,
      now: new Date(closes.getTime() + 1),
    });
    expect(summary).toMatchObject({ candidates: 4, applications: 6, programs: 2 });
    for (const f of ['assignments.csv', 'cutoffs.csv'])
      expect(readFileSync(join(fromCampaign, f), 'utf8')).toBe(
        readFileSync(join(fromFiles, f), 'utf8'),
      );
    const detail = await getCampaign(db, dept, campaignId);
    expect(detail.status).toBe('allocated');
    expect(detail.programs.every((p) => p.whatIf?.length === 3)).toBe(true);
  });

  it('publishes; results, lookup by code and birth date, confirmation, lapse and top-up', async () => {
    const me = await signInAs(campaignId, slips[0]!);
    await rejects(candidateResult(db, me), 404);
    await publishResults(db, dept, campaignId);
    const result = await candidateResult(db, me);
    // 26.75, first choice P2 (quota 3): admitted there.
    expect(result).toMatchObject({ program: 'P2', rank: 1, score: 26.75 });
    const wrong = await rejects(
      lookupResult(db, { campaignId, code: slips[0]!.code, birthDate: '2000-01-01' }),
      404,
    );
    expect(wrong.detail).not.toContain('26.75');
    const student = await db
      .selectFrom('admission_candidate')
      .select('birth_date')
      .where('code', '=', slips[0]!.code)
      .executeTakeFirstOrThrow();
    expect(
      await lookupResult(db, { campaignId, code: slips[0]!.code, birthDate: student.birth_date }),
    ).toEqual({
      program: 'P2',
      schoolName: 'THPT Hai',
      score: 26.75,
    });
    expect((await respondOffer(db, me, { accept: true })).response).toBe('confirmed');
    const admittedSeenByPT2 = await listAdmitted(
      db,
      await scopeAt(db, ids.PT2!, 'school_staff'),
      campaignId,
    );
    expect(admittedSeenByPT2.every((r) => r.program === 'P2')).toBe(true);
    expect(admittedSeenByPT2.find((r) => r.code === slips[0]!.code)?.response).toBe('confirmed');
    // After the deadline, unanswered offers lapse; their seats go to top-up.
    await writeTransaction(db, systemActor('test'), (tx) =>
      tx
        .updateTable('admission_campaign')
        .set({
          opens_at: new Date(Date.now() - 3 * HOUR),
          closes_at: new Date(Date.now() - 2 * HOUR),
          confirm_by: new Date(Date.now() - 1000),
        })
        .where('id', '=', campaignId)
        .execute(),
    );
    const lapsed = await confirmationDeadlineJob.handler({
      db,
      payload: { campaignId },
      jobId: 'test',
      attempt: 1,
      reportProgress: async () => {},
      signal: new AbortController().signal,
    });
    expect(lapsed).toMatchObject({ campaigns: 1 });
    await rejects(respondOffer(db, me, { accept: false }), 403);
    const responses = await db
      .selectFrom('admission_result')
      .select(['id', 'program', 'response'])
      .execute();
    expect(responses.filter((r) => r.response === 'confirmed')).toHaveLength(1);
    expect(responses.filter((r) => r.program !== null && r.response === null)).toHaveLength(0);
    await topUp(db, dept, campaignId);
    // Every top-up offer reaches the program's cutoff at that rank and fits its quota.
    const offers = await db
      .selectFrom('admission_result as r')
      .innerJoin('admission_candidate as a', 'a.id', 'r.id')
      .innerJoin('admission_program as p', (j) =>
        j.onRef('p.id', '=', 'r.program').onRef('p.campaign_id', '=', 'r.campaign_id'),
      )
      .select(['a.score', 'p.cutoff', 'p.quota', 'r.program'])
      .where('r.round', '=', 'top_up')
      .execute();
    for (const o of offers) expect(o.score!).toBeGreaterThanOrEqual(o.cutoff!);
  });
});
