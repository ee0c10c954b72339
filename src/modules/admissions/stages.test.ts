import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejects } from '../../../test/helpers/app-error.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeClass, makeStudents } from '../../../test/helpers/factories/registry.ts';
import { makeTree, scopeAt } from '../../../test/helpers/fixtures.ts';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { allocateCampaign } from './allocate-campaign.ts';
import { candidateResult } from './candidate-result.ts';
import { candidateSignIn, requireCandidate, resetCandidateThrottle } from './candidate-session.ts';
import type { Slip } from './contract.ts';
import { createCampaign } from './create-campaign.ts';
import { campaignFiles } from './export-campaign.ts';
import { importPrograms } from './import-programs.ts';
import { importScores } from './import-scores.ts';
import { issueCandidates } from './issue-candidates.ts';
import { listAdmitted } from './list-admitted.ts';
import { publishResults } from './publish-results.ts';
import { requireCampaign } from './access.ts';
import { publishSpecialised, respondSpecialised, specialisedResult } from './specialised-stage.ts';
import { readTrack } from './stages.ts';
import { submitApplication } from './submit-application.ts';

// Issue #14: specialised and integrated programs are allocated in an earlier
// stage; a candidate admitted there and confirming leaves the regular stage,
// one not admitted or declining goes on with the regular preferences.
let database: TestDatabase;
let db: Db;
let dept: Scope;
let campaignId: string;
let slips: Slip[];
const HOUR = 3_600_000;
const closes = new Date(Date.now() + HOUR);
const afterClose = new Date(closes.getTime() + HOUR);
const confirmBy = new Date(closes.getTime() + 24 * HOUR);
const afterConfirm = new Date(confirmBy.getTime() + HOUR);
const NAMES = ['An', 'Bình', 'Cúc', 'Dũng', 'Em'];

async function asCandidate(slip: Slip) {
  const { token, csrfToken } = await candidateSignIn(db, {
    campaignId,
    code: slip.code,
    pin: slip.pin,
    ip: '198.51.100.9',
  });
  return requireCandidate(db, { campaignId, token, csrf: csrfToken, write: true, ip: '1.1.1.2' });
}
const slipOf = (name: string) => slips.find((s) => s.fullName.endsWith(name))!;

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  const ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'CSA', name: 'THCS An', kind: 'school', parent: 'X01', levels: ['lower_secondary'] },
    {
      code: 'CHU',
      name: 'THPT Chuyên',
      kind: 'school',
      parent: 'X01',
      levels: ['upper_secondary'],
    },
    { code: 'PT1', name: 'THPT Một', kind: 'school', parent: 'X01', levels: ['upper_secondary'] },
  ]);
  const grade9 = await makeClass(db, { schoolId: ids.CSA!, name: '9A', schoolYear: '2026-2027' });
  await makeStudents(
    db,
    NAMES.map((name, i) => ({
      schoolId: ids.CSA!,
      fullName: `Nguyễn Văn ${name}`,
      birthDate: `2012-0${i + 1}-10`,
      studentCode: `HS${i}`,
      classId: grade9,
      schoolYear: '2026-2027',
    })),
  );
  dept = await scopeAt(db, ids.SGD!, 'department_staff');
});
afterAll(() => database?.close());

describe('the specialised stage before the regular one', () => {
  it('reads the track column as English ids or Vietnamese words, and refuses others', async () => {
    expect(readTrack('Chuyên')).toBe('specialised');
    expect(readTrack('tích hợp')).toBe('integrated');
    expect(readTrack('')).toBe('regular');
    expect(readTrack('năng khiếu')).toBeNull();
    const created = await createCampaign(db, dept, {
      name: 'Tuyển sinh 10 có vòng chuyên',
      schoolYear: '2027-2028',
      grade: 10,
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: closes.toISOString(),
      confirmBy: new Date(closes.getTime() + 72 * HOUR).toISOString(),
      maxPreferences: 3,
      rankPenalty: 0,
      ties: 'tiebreak',
    });
    campaignId = created.id;
    const bad = await importPrograms(db, dept, campaignId, {
      rows: [{ program: 'CHU-TOAN', schoolCode: 'CHU', quota: 1, track: 'năng khiếu' }],
    });
    expect(bad.errors).toBe(1);
    expect(bad.problems[0]).toMatchObject({ row: 2, column: 'track' });
    expect(bad.problems[0]!.message).toContain('năng khiếu');
    const good = await importPrograms(db, dept, campaignId, {
      rows: [
        { program: 'CHU-TOAN', schoolCode: 'CHU', quota: 1, track: 'chuyên' },
        { program: 'PT1', schoolCode: 'PT1', quota: 2 },
      ],
    });
    expect(good).toMatchObject({ errors: 0, added: 2 });
  });

  it('writes each stage its own files, with a program’s own score on its rows', async () => {
    slips = (await issueCandidates(db, dept, campaignId)).slips;
    expect(slips).toHaveLength(5);
    resetCandidateThrottle();
    // An, Bình, Cúc try the specialised school first; Dũng and Em only regular.
    for (const [name, preferences] of [
      ['An', ['CHU-TOAN', 'PT1']],
      ['Bình', ['CHU-TOAN', 'PT1']],
      ['Cúc', ['CHU-TOAN', 'PT1']],
      ['Dũng', ['PT1']],
      ['Em', ['PT1']],
    ] as const)
      await submitApplication(db, await asCandidate(slipOf(name)), {
        preferences: [...preferences],
        baseVersion: 0,
        receivedAt: new Date(),
      });
    const scores = await importScores(db, dept, campaignId, {
      rows: [
        ...NAMES.map((name, i) => ({ code: slipOf(name).code, score: String(30 - i) })),
        // The specialised exam weighs its subject: Bình is first there.
        { code: slipOf('An').code, score: '35', program: 'CHU-TOAN' },
        { code: slipOf('Bình').code, score: '38,5'.replace(',', '.'), program: 'CHU-TOAN' },
        { code: slipOf('Cúc').code, score: '20', program: 'CHU-TOAN' },
      ],
    });
    expect(scores).toMatchObject({ errors: 0, added: 8 });
    const unknown = await importScores(db, dept, campaignId, {
      rows: [{ code: slipOf('An').code, score: '30', program: 'KHONG-CO' }],
    });
    expect(unknown.problems[0]).toMatchObject({ row: 2, column: 'program' });

    const campaign = await requireCampaign(db, dept, campaignId, 'admissions.manage');
    const first = await campaignFiles(db, campaign, 'specialised');
    expect(first.programsCsv).toBe('program,quota\nCHU-TOAN,1\n');
    const lines = first.applicationsCsv.trim().split('\n');
    expect(lines[0]).toBe('candidate,rank,program,score');
    expect(lines.slice(1).sort()).toEqual(
      [
        `${slipOf('An').code},1,CHU-TOAN,35.00`,
        `${slipOf('Bình').code},1,CHU-TOAN,38.50`,
        `${slipOf('Cúc').code},1,CHU-TOAN,20.00`,
      ].sort(),
    );
    // Before the specialised stage is published the regular stage is refused.
    await rejects(allocateCampaign(db, dept, campaignId, { now: afterClose }), 409);
  });

  it('allocates the specialised stage; Bình is admitted, confirms and leaves the regular stage', async () => {
    const summary = await allocateCampaign(db, dept, campaignId, {
      now: afterClose,
      stage: 'specialised',
    });
    expect(summary).toMatchObject({ candidates: 3, programs: 1, admitted: 1 });
    const pastDeadline = await rejects(
      publishSpecialised(db, dept, campaignId, {
        confirmBy: closes.toISOString(),
        now: afterClose,
      }),
      400,
    );
    expect(pastDeadline.message).toContain('Hạn xác nhận');
    await publishSpecialised(db, dept, campaignId, {
      confirmBy: confirmBy.toISOString(),
      now: afterClose,
    });
    // Published: its own scores are frozen, and the stage cannot be allocated again.
    const late = await importScores(db, dept, campaignId, {
      rows: [{ code: slipOf('Cúc').code, score: '40', program: 'CHU-TOAN' }],
    });
    expect(late).toMatchObject({ errors: 1, added: 0, updated: 0 });
    expect(late.problems[0]).toMatchObject({ row: 2, column: 'program' });
    expect(late.problems[0]!.message).toContain('đã công bố');

    await rejects(
      allocateCampaign(db, dept, campaignId, { now: afterClose, stage: 'specialised' }),
      409,
    );
    const binh = await asCandidate(slipOf('Bình'));
    expect(await specialisedResult(db, binh)).toMatchObject({
      program: 'CHU-TOAN',
      rank: 1,
      track: 'specialised',
      schoolName: 'THPT Chuyên',
      cutoff: 38.5,
      response: null,
    });
    expect(await specialisedResult(db, await asCandidate(slipOf('An')))).toEqual({
      program: null,
    });
    await rejects(respondSpecialised(db, await asCandidate(slipOf('An')), { accept: true }), 409);
    expect(await respondSpecialised(db, binh, { accept: true })).toMatchObject({
      response: 'confirmed',
    });
    // Too early for the regular stage: admitted candidates may still answer.
    await rejects(allocateCampaign(db, dept, campaignId, { now: afterClose }), 409);
    await rejects(respondSpecialised(db, binh, { accept: false, now: afterConfirm }), 403);
  });

  it('allocates the regular stage without Bình; An and Cúc go on with their regular preferences', async () => {
    const campaign = await requireCampaign(db, dept, campaignId, 'admissions.manage');
    const regular = await campaignFiles(db, campaign, 'regular');
    expect(regular.programsCsv).toBe('program,quota\nPT1,2\n');
    const rows = regular.applicationsCsv.trim().split('\n').slice(1);
    // Bình is out; An's and Cúc's PT1 is their NV1 of this stage, at the general score.
    expect(rows.sort()).toEqual(
      [
        `${slipOf('An').code},1,PT1,30.00`,
        `${slipOf('Cúc').code},1,PT1,28.00`,
        `${slipOf('Dũng').code},1,PT1,27.00`,
        `${slipOf('Em').code},1,PT1,26.00`,
      ].sort(),
    );
    const summary = await allocateCampaign(db, dept, campaignId, { now: afterConfirm });
    expect(summary).toMatchObject({ candidates: 4, programs: 1, admitted: 2 });
    await publishResults(db, dept, campaignId);
    const admitted = await listAdmitted(db, dept, campaignId);
    const byCode = new Map(admitted.map((a) => [a.code, a]));
    expect(byCode.get(slipOf('Bình').code)).toMatchObject({
      program: 'CHU-TOAN',
      round: 'specialised',
      response: 'confirmed',
    });
    expect(byCode.get(slipOf('An').code)).toMatchObject({ program: 'PT1', round: 'main' });
    expect(byCode.get(slipOf('Cúc').code)).toMatchObject({ program: 'PT1', round: 'main' });
    expect(byCode.has(slipOf('Dũng').code)).toBe(false);
    expect(await candidateResult(db, await asCandidate(slipOf('Bình')))).toMatchObject({
      program: 'CHU-TOAN',
      round: 'specialised',
      response: 'confirmed',
    });
  });
});
