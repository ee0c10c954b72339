import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import { rejects } from '../../../test/helpers/app-error.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, scopeAt } from '../../../test/helpers/fixtures.ts';
import { makeClass, makeStudents } from '../../../test/helpers/factories/registry.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import type { Scope } from '../../core/access/scope.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { IncomingStudentRow } from '../registry/contract.ts';
import { addFreeCandidate } from './add-free-candidate.ts';
import { allocateCampaign } from './allocate-campaign.ts';
import { candidateSignIn, requireCandidate, resetCandidateThrottle } from './candidate-session.ts';
import type { HandOverAnswer, HandOverPreview, Slip } from './contract.ts';
import { createCampaign } from './create-campaign.ts';
import { handOverToRegistry, previewHandOver } from './hand-over.ts';
import { importPrograms } from './import-programs.ts';
import { importScores } from './import-scores.ts';
import { issueCandidates } from './issue-candidates.ts';
import { confirmationDeadlineJob } from './jobs.ts';
import { publishResults } from './publish-results.ts';
import { respondOffer } from './respond-offer.ts';
import { submitApplication } from './submit-application.ts';

let database: TestDatabase;
let db: Db;
let app: App;
let ids: Record<string, string>;
let dept: Scope;
let deptClient: Client;
let upperClerk: Client;
let campaignId: string;
let slips: Slip[];
let free: Slip;
/** A free candidate recorded without a gender (the API allows it): reported, not sent. */
let noGender: Slip;
let registryIds: string[];
const YEAR = '2027-2028';
const PREVIOUS = '2026-2027';
const HOUR = 3_600_000;
const closes = new Date(Date.now() + HOUR);

async function asCandidate(slip: Slip) {
  const { token, csrfToken } = await candidateSignIn(db, {
    campaignId,
    code: slip.code,
    pin: slip.pin,
    ip: '198.51.100.8',
  });
  return requireCandidate(db, { campaignId, token, csrf: csrfToken, write: true, ip: '1.1.1.1' });
}

const incoming = async () => {
  const r = await upperClerk.get(`/api/registry/schools/${ids.PT1}/incoming?year=${YEAR}`);
  expect(r.status).toBe(200);
  return r.body as IncomingStudentRow[];
};
const handOverUrl = () => `/api/admissions/campaigns/${campaignId}/hand-over`;

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'CSA', name: 'THCS An', kind: 'school', parent: 'X01', levels: ['lower_secondary'] },
    { code: 'PT1', name: 'THPT Một', kind: 'school', parent: 'X01', levels: ['upper_secondary'] },
  ]);
  const grade9 = await makeClass(db, {
    schoolId: ids.CSA!,
    name: '9A',
    schoolYear: PREVIOUS,
  });
  registryIds = await makeStudents(
    db,
    ['Lê Thị An', 'Trần Văn Bình', 'Phạm Thu Cúc'].map((fullName, i) => ({
      schoolId: ids.CSA!,
      fullName,
      birthDate: `2012-0${i + 1}-15`,
      studentCode: `HSCSA${i}`,
      classId: grade9,
      schoolYear: PREVIOUS,
    })),
  );
  dept = await scopeAt(db, ids.SGD!, 'department_staff');
  await makeUser(db, ids.SGD!, 'department_staff', 'khaothi');
  await makeUser(db, ids.PT1!, 'school_staff', 'vanthu.pt1');
  app = await buildApp({ db, webDir: null });
  deptClient = await signIn(app, 'khaothi', 'mat-khau-rat-dai-1');
  upperClerk = await signIn(app, 'vanthu.pt1', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('hand-over of the admitted and confirmed to the registry', () => {
  it('sets up a small campaign: three registry candidates and a free one, all admitted', async () => {
    const created = await createCampaign(db, dept, {
      name: 'Tuyển sinh 10 thử',
      schoolYear: YEAR,
      grade: 10,
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: closes.toISOString(),
      confirmBy: new Date(Date.now() + 48 * HOUR).toISOString(),
      maxPreferences: 1,
      rankPenalty: 0,
      ties: 'admit-all',
    });
    campaignId = created.id;
    await importPrograms(db, dept, campaignId, {
      rows: [{ program: 'P1', schoolCode: 'PT1', quota: 10 }],
    });
    slips = (await issueCandidates(db, dept, campaignId)).slips;
    expect(slips).toHaveLength(3);
    free = await addFreeCandidate(db, await scopeAt(db, ids.CSA!, 'school_staff'), campaignId, {
      fullName: 'Nguyễn Văn Tự Do',
      birthDate: '2011-09-02',
      gender: 'male',
    });
    noGender = await addFreeCandidate(db, await scopeAt(db, ids.CSA!, 'school_staff'), campaignId, {
      fullName: 'Đinh Thị Vắng',
      birthDate: '2011-10-03',
    });
    resetCandidateThrottle();
    for (const slip of [...slips, free, noGender])
      await submitApplication(db, await asCandidate(slip), {
        preferences: ['P1'],
        baseVersion: 0,
        receivedAt: new Date(),
      });
    await importScores(db, dept, campaignId, {
      rows: [...slips, free, noGender].map((s, i) => ({ code: s.code, score: 30 - i })),
    });
    await allocateCampaign(db, dept, campaignId, { now: new Date(closes.getTime() + 1) });
  });

  it('is refused before the results are published', async () => {
    const refused = await rejects(handOverToRegistry(db, dept, campaignId), 409);
    expect(refused.detail).toContain('Chưa công bố kết quả');
    expect((await previewHandOver(db, dept, campaignId)).published).toBe(false);
    expect(await incoming()).toEqual([]);
  });

  it('after confirmation: one confirmed from the registry, one free confirmed, one declined, one lapsed', async () => {
    await publishResults(db, dept, campaignId);
    const [an, binh] = slips;
    await respondOffer(db, await asCandidate(an!), { accept: true });
    await respondOffer(db, await asCandidate(binh!), { accept: false });
    await respondOffer(db, await asCandidate(free), { accept: true });
    await respondOffer(db, await asCandidate(noGender), { accept: true });
    // Cúc does not answer: past the deadline her offer lapses (the durable job).
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
    await confirmationDeadlineJob.handler({
      db,
      payload: { campaignId },
      jobId: 'test',
      attempt: 1,
      reportProgress: async () => {},
      signal: new AbortController().signal,
    });
    const responses = await db
      .selectFrom('admission_result as r')
      .innerJoin('admission_candidate as a', 'a.id', 'r.id')
      .select(['a.code', 'r.response'])
      .orderBy('a.code')
      .execute();
    expect(responses.map((r) => r.response)).toEqual([
      'confirmed',
      'declined',
      'lapsed',
      'confirmed',
      'confirmed',
    ]);
  });

  it('refuses a school user', async () => {
    await rejects(
      handOverToRegistry(db, await scopeAt(db, ids.PT1!, 'school_admin'), campaignId),
      403,
    );
    expect((await upperClerk.send('POST', handOverUrl())).status).toBe(403);
    expect((await upperClerk.get(handOverUrl())).status).toBe(403);
    expect(await incoming()).toEqual([]);
  });

  it('sends exactly the two confirmed to the admitting school, as incoming students of the year', async () => {
    const before = (await deptClient.get(handOverUrl())).body as HandOverPreview;
    const notSent = [
      {
        code: noGender.code,
        fullName: 'Đinh Thị Vắng',
        reason: expect.stringContaining('chưa có giới tính') as string,
      },
    ];
    expect(before).toEqual({ published: true, confirmed: 2, handedOver: 0, notSent });
    const done = await deptClient.send('POST', handOverUrl());
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      sent: 2,
      alreadyThere: 0,
      bySchool: [
        { schoolId: ids.PT1!, schoolCode: 'PT1', schoolName: 'THPT Một', sent: 2, alreadyThere: 0 },
      ],
      notSent,
    } satisfies HandOverAnswer);
    const list = await incoming();
    expect(list.map((r) => [r.reference, r.fullName, r.grade, r.classId]).sort()).toEqual(
      [
        [slips[0]!.code, 'Lê Thị An', 10, null],
        [free.code, 'Nguyễn Văn Tự Do', 10, null],
      ].sort(),
    );
    // The registry candidate is their own record, moved to the upper-secondary school.
    expect(list.find((r) => r.reference === slips[0]!.code)!.studentId).toBe(registryIds[0]);
    const moved = await db
      .selectFrom('student')
      .select(['id', 'school_id'])
      .where('id', 'in', registryIds)
      .orderBy('id')
      .execute();
    expect(moved.map((s) => s.school_id)).toEqual([ids.PT1, ids.CSA, ids.CSA]);
    // The free candidate's new record carries what the lower-secondary school recorded.
    const freeRecord = await db
      .selectFrom('student')
      .select(['birth_date', 'gender', 'school_id'])
      .where('id', '=', list.find((r) => r.reference === free.code)?.studentId ?? '')
      .executeTakeFirstOrThrow();
    expect(freeRecord).toEqual({ birth_date: '2011-09-02', gender: 'male', school_id: ids.PT1 });
    // Audited: the results' hand-over time, by who ran it.
    const audited = await db
      .selectFrom('audit_log')
      .select(['actor_name', 'after'])
      .where('entity_type', '=', 'admission_result')
      .where('action', '=', 'update')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audited.actor_name).toContain('khaothi');
    expect(audited.after).toHaveProperty('handed_over_at');
  });

  it('creates nothing on a second run and says so', async () => {
    const students = await db
      .selectFrom('student')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await handOverToRegistry(db, dept, campaignId);
    expect(again).toMatchObject({ sent: 0, alreadyThere: 2 });
    expect(again.notSent.map((p) => p.code)).toEqual([noGender.code]);
    expect(again.bySchool).toEqual([expect.objectContaining({ sent: 0, alreadyThere: 2 })]);
    expect(await incoming()).toHaveLength(2);
    const after = await db
      .selectFrom('student')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(students.n));
    expect(await previewHandOver(db, dept, campaignId)).toMatchObject({
      confirmed: 2,
      handedOver: 2,
    });
  });
});
