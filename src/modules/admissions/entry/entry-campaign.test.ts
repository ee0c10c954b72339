import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../app/app.ts';
import { childSignedIn } from '../../../../test/helpers/candidates.ts';
import { rejects } from '../../../../test/helpers/app-error.ts';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, scopeAt } from '../../../../test/helpers/fixtures.ts';
import { makeUnit } from '../../../../test/helpers/factories/orgs.ts';
import { makeClass, makeStudents } from '../../../../test/helpers/factories/registry.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { Db } from '../../../db/connection.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import { makePersonalId } from '../../../lib/personal-id.ts';
import type { IncomingStudentRow } from '../../registry/contract.ts';
import { addFreeCandidate } from '../add-free-candidate.ts';
import { allocateCampaign } from '../allocate-campaign.ts';
import { candidateResult } from '../candidate-result.ts';
import {
  candidateSignIn,
  resetCandidateThrottle,
  type CandidateScope,
} from '../candidate-session.ts';
import type { Slip } from '../contract.ts';
import { createCampaign } from '../create-campaign.ts';
import { handOverToRegistry } from '../hand-over.ts';
import { importPrograms } from '../import-programs.ts';
import { importScores } from '../import-scores.ts';
import { topUp } from '../top-up.ts';
import { issueCandidates } from '../issue-candidates.ts';
import { listAdmitted } from '../list-admitted.ts';
import { lookupResult } from '../lookup-result.ts';
import { publishResults } from '../publish-results.ts';
import { respondOffer } from '../respond-offer.ts';
import { submitApplication } from '../submit-application.ts';
import { CATCHMENT_HEADERS } from './catchment-sheet.ts';
import type { EntryAreaList } from './contract.ts';
import { checkDocuments, lookupEntryResult } from './documents.ts';
import { recordBirthYearException } from './eligibility.ts';
import { importCatchments } from './import-catchments.ts';
import { listUnservedResidences } from './list-unserved.ts';
import { entryAreas, entryCounts } from './public-entry.ts';
import { signInByPersonalId } from './sign-in.ts';
import { getEntryApplication, submitEntryApplication } from './submit-entry.ts';

let database: TestDatabase;
let db: Db;
let app: App;
let ids: Record<string, string>;
let dept: Scope;
let communeOfficer: Scope;
let campaignId: string;
let areas: Record<string, string>;
let slips: Slip[];
const dir = mkdtempSync(join(tmpdir(), 'sogd-entry-'));
const YEAR = '2027-2028';
const PREVIOUS = '2026-2027';
const HOUR = 3_600_000;
const closes = new Date(Date.now() + HOUR);
const afterClose = new Date(closes.getTime() + 60_000);
const now = () => new Date();

/** The preschool's children: A–D born 2021 (grade 1 in 2027), E born 2022 (a year early). */
const CHILDREN = [
  { key: 'A', fullName: 'Lê Minh An', birthDate: '2021-03-01', gender: 'male' as const },
  { key: 'B', fullName: 'Trần Bảo Bình', birthDate: '2021-04-02', gender: 'male' as const },
  { key: 'C', fullName: 'Phạm Thu Cúc', birthDate: '2021-05-03', gender: 'female' as const },
  { key: 'D', fullName: 'Đỗ Gia Duy', birthDate: '2021-06-04', gender: 'male' as const },
  { key: 'E', fullName: 'Vũ Ngọc Em', birthDate: '2022-01-05', gender: 'female' as const },
];
const pid = (key: string) => {
  const c = CHILDREN.find((x) => x.key === key)!;
  return makePersonalId(31, Number(c.birthDate.slice(0, 4)), c.gender, CHILDREN.indexOf(c) + 1);
};
const dob = (key: string) => CHILDREN.find((x) => x.key === key)!.birthDate;

const asChild = (key: string, campaign = campaignId): Promise<CandidateScope> =>
  childSignedIn(db, {
    campaignId: campaign,
    personalId: pid(key),
    birthDate: dob(key),
    ip: '198.51.100.9',
  });

const register = (
  child: CandidateScope,
  area: string,
  schools: string[],
  baseVersion: number,
  residence: 'permanent' | 'temporary' = 'permanent',
) =>
  submitEntryApplication(db, child, {
    residence,
    areaId: areas[area]!,
    schools,
    baseVersion,
    receivedAt: now(),
  });

beforeAll(async () => {
  resetCandidateThrottle();
  database = await freshDatabase();
  db = database.db;
  ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'X02', name: 'Xã Hai', kind: 'commune', parent: 'SGD' },
    { code: 'MN1', name: 'Mầm non Một', kind: 'school', parent: 'X01', levels: ['preschool'] },
    { code: 'TH1', name: 'Tiểu học Một', kind: 'school', parent: 'X01', levels: ['primary'] },
    {
      code: 'TH2',
      name: 'Tiểu học Hai',
      kind: 'school',
      parent: 'X01',
      levels: ['primary', 'lower_secondary'],
    },
    {
      code: 'THQ',
      name: 'Tiểu học Chất lượng cao',
      kind: 'school',
      parent: 'X01',
      levels: ['primary'],
    },
    { code: 'TH3', name: 'Tiểu học Ba', kind: 'school', parent: 'X02', levels: ['primary'] },
  ]);
  const kindergarten = await makeClass(db, {
    schoolId: ids.MN1!,
    name: 'Lá 1',
    grade: null,
    schoolYear: PREVIOUS,
  });
  await makeStudents(
    db,
    CHILDREN.map((c) => ({
      schoolId: ids.MN1!,
      fullName: c.fullName,
      birthDate: c.birthDate,
      gender: c.gender,
      personalId: pid(c.key),
      classId: kindergarten,
      schoolYear: PREVIOUS,
    })),
  );
  dept = await scopeAt(db, ids.SGD!, 'department_staff');
  communeOfficer = await scopeAt(db, ids.X01!, 'office_staff');
  // Catchments: T1 served by TH1 and TH2, T2 by TH2; T3 only for grade 6 (unserved for grade 1).
  const file = join(dir, 'catchments.xlsx');
  await writeSimpleWorkbook(file, 'Tuyến tuyển sinh', Object.values(CATCHMENT_HEADERS), [
    ['X01', 'T1', 'Thôn Đông', 1, 'TH1', null, null],
    ['X01', 'T1', 'Thôn Đông', 1, 'TH2', null, null],
    ['X01', 'T2', 'Thôn Tây', 1, 'TH2', null, null],
    ['X01', 'T3', 'Tổ dân phố 3', 6, 'TH2', null, null],
    ['X02', 'K1', 'Thôn Bắc', 1, 'TH3', null, null],
  ]);
  const imported = await importCatchments(db, dept, { file, dryRun: false });
  expect(imported.errors).toEqual([]);
  await makeUser(db, ids.TH1!, 'school_staff', 'vanthu.th1');
  app = await buildApp({ db, webDir: null });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an entry-grade campaign: a second kind of admissions campaign', () => {
  it('is created by the department with published rules; a grade-10 campaign refuses entry rules', async () => {
    const created = await createCampaign(db, dept, {
      name: 'Tuyển sinh lớp 1 thử',
      schoolYear: YEAR,
      grade: 1,
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: closes.toISOString(),
      confirmBy: new Date(Date.now() + 48 * HOUR).toISOString(),
      entryRules: { seed: 20_270_601 },
    });
    campaignId = created.id;
    expect(created).toMatchObject({
      grade: 1,
      maxPreferences: 1,
      entryRules: {
        order: ['permanent-residence', 'sibling', 'distance'],
        seed: 20_270_601,
        overflowInCommune: true,
      },
    });
    await rejects(
      createCampaign(db, dept, {
        name: 'Lớp 10',
        schoolYear: YEAR,
        grade: 10,
        opensAt: new Date(Date.now() - HOUR).toISOString(),
        closesAt: closes.toISOString(),
        entryRules: { seed: 1 },
      }),
      400,
    );
    // A commune's officer may not run a grade-10 campaign.
    await rejects(
      createCampaign(db, communeOfficer, {
        name: 'Lớp 10 của xã',
        schoolYear: YEAR,
        grade: 10,
        opensAt: new Date(Date.now() - HOUR).toISOString(),
        closesAt: closes.toISOString(),
      }),
      403,
    );
    const summary = await importPrograms(db, dept, campaignId, {
      rows: [
        { program: 'TH1', schoolCode: 'TH1', quota: 1 },
        { program: 'TH2', schoolCode: 'TH2', quota: 3 },
        { program: 'THQ', schoolCode: 'THQ', quota: 1, unzoned: '1' },
        { program: 'TH3', schoolCode: 'TH3', quota: 5 },
      ],
    });
    expect(summary.problems).toEqual([]);
    const bad = await importPrograms(db, dept, campaignId, {
      rows: [
        { program: 'MN', schoolCode: 'MN1', quota: 10 },
        { program: 'TH1b', schoolCode: 'TH1', quota: 1 },
        { program: 'TH1', schoolCode: 'TH1', quota: 1 },
      ],
    });
    expect(bad.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('không phải trường tiểu học'),
      expect.stringContaining('TH1 đã có ở dòng 3'),
    ]);
    // Grade-10 steps have no meaning here: refused, with the reason.
    const scores = await rejects(
      importScores(db, dept, campaignId, { rows: [{ code: 'X', score: 10 }] }),
      409,
    );
    expect(scores.message).toContain('xét theo nơi cư trú');
    await rejects(topUp(db, dept, campaignId), 409);
    const list: EntryAreaList = await entryAreas(db, campaignId);
    areas = Object.fromEntries(list.map((a) => [a.code, a.id]));
    expect(list.find((a) => a.code === 'T1')?.schools.sort()).toEqual(['TH1', 'TH2']);
    expect(list.find((a) => a.code === 'T3')?.schools).toEqual([]);
  });
});

describe('eligibility and sign-in', () => {
  it('lists the preschool children of the grade-1 birth year with slips, with their personal ids', async () => {
    const school = await scopeAt(db, ids.MN1!, 'school_staff');
    const issued = await issueCandidates(db, school, campaignId);
    expect(issued.issued).toBe(4); // E (born 2022) is not listed automatically
    slips = issued.slips;
    expect(slips.map((s) => s.fullName).sort()).toEqual(
      CHILDREN.slice(0, 4)
        .map((c) => c.fullName)
        .sort(),
    );
    // The slip's code and PIN work, as for grade 10.
    const slip = slips[0]!;
    await expect(
      candidateSignIn(db, { campaignId, code: slip.code, pin: slip.pin, ip: null }),
    ).resolves.toHaveProperty('csrfToken');
  });

  it('signs in by personal id and date of birth; a wrong date of birth is refused', async () => {
    await rejects(
      signInByPersonalId(db, {
        campaignId,
        personalId: pid('A'),
        birthDate: '2021-03-02',
        ip: null,
      }),
      401,
    );
    await rejects(
      signInByPersonalId(db, {
        campaignId,
        personalId: '031221999999',
        birthDate: '2021-03-01',
        ip: null,
      }),
      401,
    );
    const a = await asChild('A');
    const application = await getEntryApplication(db, a);
    expect(application.child).toMatchObject({ fullName: 'Lê Minh An', eligible: true });
    expect(application.version).toBe(0);
  });

  it('refuses a child outside the birth year until the school records an exception with a reason', async () => {
    // E is in the registry: listed on first sign-in, but born a year early.
    const e = await asChild('E');
    const refused = await rejects(register(e, 'T1', ['THQ'], 0), 422);
    expect(refused.message).toContain('phải sinh năm 2021');
    expect((await getEntryApplication(db, e)).version).toBe(0);
    const code = (await getEntryApplication(db, e)).child.code;
    // Another school may not record it (nor learn that the code exists).
    await rejects(
      recordBirthYearException(
        db,
        await scopeAt(db, ids.TH3!, 'school_staff'),
        campaignId,
        code,
        'x',
      ),
      404,
    );
    const recorded = await recordBirthYearException(
      db,
      await scopeAt(db, ids.MN1!, 'school_staff'),
      campaignId,
      code,
      'Trẻ đủ điều kiện vào học sớm (Điều 28 Luật Giáo dục 2019)',
    );
    expect(recorded).toMatchObject({ eligible: true, problem: null });
    await expect(register(e, 'T1', ['THQ'], 0)).resolves.toMatchObject({ version: 1 });
  });
});

describe('registration with residence, changes and versions', () => {
  it('keeps every version and refuses a stale base (another device) with 409', async () => {
    const a = await asChild('A');
    await expect(register(a, 'T1', ['TH2'], 0)).resolves.toMatchObject({ version: 1 });
    await expect(register(a, 'T1', ['TH1'], 1)).resolves.toMatchObject({ version: 2 });
    await rejects(register(a, 'T1', ['TH2'], 1), 409);
    const application = await getEntryApplication(db, a);
    expect(application).toMatchObject({
      version: 2,
      residence: 'permanent',
      areaId: areas.T1,
      schools: ['TH1'],
      unserved: false,
    });
    expect(application.history.map((h) => [h.version, h.schools])).toEqual([
      [2, ['TH1']],
      [1, ['TH2']],
    ]);
  });

  it('refuses an unknown area, a school not serving the area, and the grade-10 form, in Vietnamese', async () => {
    const b = await asChild('B');
    const unknown = await rejects(
      submitEntryApplication(db, b, {
        residence: 'permanent',
        areaId: '01900000-0000-7000-8000-00000000dead',
        schools: ['TH1'],
        baseVersion: 0,
        receivedAt: now(),
      }),
      422,
    );
    expect(unknown.message).toContain('không có trong danh sách của kỳ tuyển sinh');
    const far = await rejects(register(b, 'T1', ['TH3'], 0), 422);
    expect(far.message).toContain('không tuyển sinh khu dân cư Thôn Đông');
    const none = await rejects(register(b, 'T1', ['TH9'], 0), 422);
    expect(none.errors).toEqual([
      { path: 'body.schools.0', message: 'Trường "TH9" không tham gia kỳ tuyển sinh.' },
    ]);
    await rejects(
      submitApplication(db, b, { preferences: ['TH1'], baseVersion: 0, receivedAt: now() }),
      422,
    );
    expect((await getEntryApplication(db, b)).version).toBe(0);
    await expect(register(b, 'T1', ['TH1'], 0, 'temporary')).resolves.toMatchObject({
      version: 1,
    });
    const c = await asChild('C');
    await expect(register(c, 'T2', ['TH2'], 0)).resolves.toMatchObject({ version: 1 });
  });

  it('works over HTTP: personal-id sign-in, the CSRF token on a change, the version history', async () => {
    const base = `/api/public/admissions/${campaignId}`;
    const signedIn = await app.inject({
      method: 'POST',
      url: `${base}/sign-in/personal-id`,
      payload: { personalId: pid('B'), birthDate: dob('B') },
    });
    expect(signedIn.statusCode).toBe(200);
    const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const { csrfToken } = signedIn.json<{ csrfToken: string }>();
    const change = { residence: 'temporary', areaId: areas.T1, schools: ['TH1'], baseVersion: 1 };
    const forged = await app.inject({
      method: 'PUT',
      url: `${base}/entry-application`,
      headers: { cookie },
      payload: change,
    });
    expect(forged.statusCode).toBe(403);
    const changed = await app.inject({
      method: 'PUT',
      url: `${base}/entry-application`,
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: change,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2 });
    const mine = await app.inject({
      method: 'GET',
      url: `${base}/entry-application`,
      headers: { cookie },
    });
    expect(mine.json()).toMatchObject({ version: 2, residence: 'temporary', schools: ['TH1'] });
    const anonymous = await app.inject({ method: 'GET', url: `${base}/entry-application` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses after the deadline', async () => {
    const c = await asChild('C');
    await rejects(
      submitEntryApplication(db, c, {
        residence: 'permanent',
        areaId: areas.T2!,
        schools: ['TH2'],
        baseVersion: 1,
        receivedAt: afterClose,
      }),
      403,
    );
  });
});

describe('two applications for one child', () => {
  it('refuses a second record of the same personal id, and an application in a second campaign', async () => {
    const dup = await rejects(
      addFreeCandidate(db, await scopeAt(db, ids.TH1!, 'school_staff'), campaignId, {
        fullName: 'Lê Minh An',
        birthDate: dob('A'),
        personalId: pid('A'),
      }),
      409,
    );
    expect(dup.message).toContain('mỗi trẻ một hồ sơ');
    // The commune runs its own grade-1 campaign of the same year: A already applied in the department's.
    const second = await createCampaign(db, communeOfficer, {
      name: 'Tuyển sinh lớp 1 của xã',
      schoolYear: YEAR,
      grade: 1,
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: closes.toISOString(),
    });
    await importPrograms(db, communeOfficer, second.id, {
      rows: [
        { program: 'TH1', schoolCode: 'TH1', quota: 10 },
        { program: 'TH2-xa', schoolCode: 'TH2', quota: 10 },
      ],
    });
    // Twenty families of the registry sign in at once: each is listed with its own code.
    const lá2 = await makeClass(db, {
      schoolId: ids.MN1!,
      name: 'Lá 2',
      grade: null,
      schoolYear: PREVIOUS,
    });
    const crowd = Array.from({ length: 20 }, (_, i) => ({
      personalId: makePersonalId(31, 2021, 'female', 100 + i),
      birthDate: '2021-07-01',
    }));
    await makeStudents(
      db,
      crowd.map((c, i) => ({
        schoolId: ids.MN1!,
        fullName: `Nguyễn Thị Đông ${i}`,
        birthDate: c.birthDate,
        gender: 'female' as const,
        personalId: c.personalId,
        classId: lá2,
        schoolYear: PREVIOUS,
      })),
    );
    const signedIn = await Promise.allSettled(
      crowd.map((c) =>
        signInByPersonalId(db, { campaignId: second.id, ...c, ip: '198.51.100.20' }),
      ),
    );
    expect(signedIn.filter((r) => r.status === 'rejected')).toEqual([]);
    const codes = await db
      .selectFrom('admission_candidate')
      .select('code')
      .where('campaign_id', '=', second.id)
      .execute();
    expect(codes).toHaveLength(20);
    expect(new Set(codes.map((c) => c.code)).size).toBe(20);
    // A program of the commune's campaign is no school of the department's.
    const other = await rejects(register(await asChild('D'), 'T1', ['TH2-xa'], 0), 422);
    expect(other.message).toContain('Trường "TH2-xa" không tham gia kỳ tuyển sinh.');
    const a = await asChild('A', second.id);
    // Listed at sign-in (E in the department's campaign, A here): no PIN opens their codes, and
    // they share one hash of bytes nobody keeps instead of an argon2id hash per child.
    const listed = await db
      .selectFrom('admission_candidate')
      .select(['campaign_id', 'code', 'pin_hash'])
      .where((eb) =>
        eb.or([
          eb.and([eb('campaign_id', '=', campaignId), eb('personal_id', '=', pid('E'))]),
          eb.and([eb('campaign_id', '=', second.id), eb('personal_id', '=', pid('A'))]),
        ]),
      )
      .execute();
    expect(listed).toHaveLength(2);
    expect(listed[0]!.pin_hash).toMatch(/^\$argon2id\$/);
    expect(listed[1]!.pin_hash).toBe(listed[0]!.pin_hash);
    for (const pin of ['000000', '123456'])
      await rejects(
        candidateSignIn(db, {
          campaignId: second.id,
          code: listed.find((l) => l.campaign_id === second.id)!.code,
          pin,
          ip: null,
        }),
        401,
      );
    const refused = await rejects(
      submitEntryApplication(db, a, {
        residence: 'permanent',
        areaId: areas.T1!,
        schools: ['TH1'],
        baseVersion: 0,
        receivedAt: now(),
      }),
      409,
    );
    expect(refused.message).toContain('Tuyển sinh lớp 1 thử');
  });
});

describe('a residence no catchment serves', () => {
  it('is accepted (a school of its commune) and listed for the commune, not for another', async () => {
    const d = await asChild('D');
    await rejects(register(d, 'T3', ['TH3'], 0), 422); // TH3 is in another commune
    await expect(register(d, 'T3', ['TH2'], 0)).resolves.toMatchObject({ version: 1 });
    expect((await getEntryApplication(db, d)).unserved).toBe(true);
    const list = await listUnservedResidences(db, communeOfficer, campaignId);
    expect(list.map((r) => [r.fullName, r.areaCode, r.commune.code, r.schools])).toEqual([
      ['Đỗ Gia Duy', 'T3', 'X01', ['TH2']],
    ]);
    expect(await listUnservedResidences(db, dept, campaignId, ids.X01)).toHaveLength(1);
    const other = await scopeAt(db, ids.X02!, 'office_staff');
    expect(await listUnservedResidences(db, other, campaignId)).toEqual([]);
    await rejects(listUnservedResidences(db, other, campaignId, ids.X01), 403);
  });
});

describe('public live counts', () => {
  it('shows per school its seats and the applications from its catchment and from outside', async () => {
    const counts = await entryCounts(db, campaignId);
    const by = Object.fromEntries(counts.schools.map((s) => [s.program, s]));
    expect(by.TH1).toMatchObject({ seats: 1, inCatchment: 2, outside: 0, total: 2 });
    expect(by.TH2).toMatchObject({ seats: 3, inCatchment: 1, outside: 1, total: 2 });
    expect(by.THQ).toMatchObject({ seats: 1, unzoned: true, outside: 1 });
    const response = await app.inject({
      method: 'GET',
      url: `/api/public/admissions/${campaignId}/entry-counts`,
    });
    expect(response.statusCode).toBe(200);
    expect(JSON.stringify(response.json())).not.toContain(pid('A'));
  });
});

describe('allocation, results, confirmation and hand-over', () => {
  const read = (d: string) => ({
    assignments: readFileSync(join(d, 'assignments.csv'), 'utf8'),
    cutoffs: readFileSync(join(d, 'cutoffs.csv'), 'utf8'),
  });

  it('is refused before the deadline, then writes the same files on a re-run', async () => {
    await rejects(allocateCampaign(db, dept, campaignId), 409);
    const first = join(dir, 'run1');
    const second = join(dir, 'run2');
    const summary = await allocateCampaign(db, dept, campaignId, {
      outDir: first,
      now: afterClose,
    });
    expect(summary).toMatchObject({ candidates: 5, programs: 4, admitted: 5 });
    await allocateCampaign(db, dept, campaignId, { outDir: second, now: afterClose });
    expect(read(second)).toEqual(read(first));
    const code = Object.fromEntries(
      (await Promise.all(['A', 'B', 'C', 'D', 'E'].map(async (k) => [k, await asChild(k)]))).map(
        ([k, s]) => [k, s],
      ),
    ) as Record<string, CandidateScope>;
    const codes: Record<string, string> = {};
    for (const [k, s] of Object.entries(code))
      codes[k] = (await getEntryApplication(db, s)).child.code;
    const lines = read(first).assignments.trim().split('\n');
    expect(lines[0]).toBe('candidate,program,rank,overflow');
    const row = (k: string) => lines.find((l) => l.startsWith(`${codes[k]},`));
    // TH1 has one seat: A (permanent) before B (temporary); B is offered TH2, which serves T1 too.
    expect(row('A')).toBe(`${codes.A},TH1,1,0`);
    expect(row('B')).toBe(`${codes.B},TH2,2,1`);
    expect(row('C')).toBe(`${codes.C},TH2,1,0`);
    expect(row('D')).toBe(`${codes.D},TH2,1,0`);
    expect(row('E')).toBe(`${codes.E},THQ,1,0`);
    // TH1's order covers every child it could take, overflow offers included (all five live in
    // X01): E (in its catchment, permanent) drew a place before A but holds THQ, her first choice,
    // so the last admitted, A, is second in TH1's order.
    expect(read(first).cutoffs.split('\n').slice(0, 2)).toEqual([
      'program,quota,admitted,last_admitted_rank,applicants',
      'TH1,1,1,2,5',
    ]);
  });

  it('publishes; the family sees the result by code or personal id and confirms; the school checks documents', async () => {
    await publishResults(db, dept, campaignId);
    const a = await asChild('A');
    const b = await asChild('B');
    const c = await asChild('C');
    const d = await asChild('D');
    const codeOf = async (s: CandidateScope) => (await getEntryApplication(db, s)).child.code;
    await expect(
      lookupResult(db, { campaignId, code: await codeOf(a), birthDate: dob('A') }),
    ).resolves.toMatchObject({ program: 'TH1', schoolName: 'Tiểu học Một' });
    await expect(
      lookupEntryResult(db, { campaignId, personalId: pid('B'), birthDate: dob('B') }),
    ).resolves.toMatchObject({ program: 'TH2' });
    await rejects(
      lookupEntryResult(db, { campaignId, personalId: pid('B'), birthDate: dob('A') }),
      404,
    );
    expect(await candidateResult(db, b)).toMatchObject({
      program: 'TH2',
      overflow: true,
      documentsChecked: false,
    });
    await respondOffer(db, a, { accept: true });
    await respondOffer(db, b, { accept: false });
    await respondOffer(db, c, { accept: true });
    await respondOffer(db, d, { accept: true });
    const th1 = await scopeAt(db, ids.TH1!, 'school_staff');
    const th2 = await scopeAt(db, ids.TH2!, 'school_staff');
    await expect(checkDocuments(db, th1, campaignId, await codeOf(a), true)).resolves.toMatchObject(
      { documentsChecked: true },
    );
    await rejects(checkDocuments(db, th2, campaignId, await codeOf(a), true), 404);
    await rejects(checkDocuments(db, th2, campaignId, await codeOf(b), true), 409); // declined
    await checkDocuments(db, th2, campaignId, await codeOf(c), true);
    expect(await candidateResult(db, a)).toMatchObject({
      response: 'confirmed',
      documentsChecked: true,
    });
    // The school's admitted list (the web's documents check) says which were checked.
    const aCode = await codeOf(a);
    const listed = await listAdmitted(db, th1, campaignId);
    expect(listed.find((r) => r.code === aCode)?.documentsChecked ?? null).toBe(true);
  });

  it('hands over the confirmed and checked children as incoming grade-1 students, once', async () => {
    const answer = await handOverToRegistry(db, dept, campaignId);
    expect(answer.sent).toBe(2);
    expect(answer.bySchool.map((s) => [s.schoolCode, s.sent])).toEqual([
      ['TH1', 1],
      ['TH2', 1],
    ]);
    expect(answer.notSent).toEqual([
      expect.objectContaining({
        fullName: 'Đỗ Gia Duy',
        reason: expect.stringContaining('chưa xác nhận hồ sơ') as string,
      }),
    ]);
    const again = await handOverToRegistry(db, dept, campaignId);
    expect(again).toMatchObject({ sent: 0, alreadyThere: 2 });
    const clerk: Client = await signIn(app, 'vanthu.th1', 'mat-khau-rat-dai-1');
    const r = await clerk.get(`/api/registry/schools/${ids.TH1}/incoming?year=${YEAR}`);
    expect(r.status).toBe(200);
    const rows = r.body as IncomingStudentRow[];
    expect(rows.map((x) => [x.fullName, x.grade])).toEqual([['Lê Minh An', 1]]);
  });
});

describe('distances from the org tree’s school locations (migration 2026121090)', () => {
  // Commune X03, around 21.00 N 105.80 E (0.01° of longitude ≈ 1.04 km here):
  //   G0 far to the north-east (13 km), first by program id (the program code);
  //   G1 (1 seat), GF (1 seat) 3.1 km east of G1, G2 (5 seats) 4.7 km east of G1.
  // Areas AN (250 m from G1) and AF (3.5 km from G1, 420 m from GF, 1.1 km from G2)
  // are both G1's catchment; AK is GF's.
  const SCHOOLS = {
    G0: { lat: 21.1, lon: 105.9, quota: 5 },
    G1: { lat: 21.0, lon: 105.8, quota: 1 },
    GF: { lat: 21.0, lon: 105.83, quota: 1 },
    G2: { lat: 21.0, lon: 105.845, quota: 5 },
  };
  const KIDS = [
    { key: 'N', fullName: 'Ngô Bảo Ngọc', birthDate: '2021-02-11', gender: 'female' as const },
    { key: 'F', fullName: 'Hà Minh Phúc', birthDate: '2021-07-12', gender: 'male' as const },
    { key: 'K', fullName: 'Lý Gia Khang', birthDate: '2021-09-13', gender: 'male' as const },
  ];
  const kidPid = (i: number) => makePersonalId(31, 2021, KIDS[i]!.gender, 60 + i);

  it('the nearer child wins the last seat; an overflow child is offered the nearest school with seats', async () => {
    const x03 = await makeUnit(db, {
      code: 'X03',
      name: 'Xã Ba',
      kind: 'commune',
      parentId: ids.SGD!,
    });
    const mn3 = await makeUnit(db, {
      code: 'MN3',
      name: 'Mầm non Ba',
      kind: 'school',
      parentId: x03.id,
      levels: ['preschool'],
    });
    for (const [code, s] of Object.entries(SCHOOLS))
      await makeUnit(db, {
        code,
        name: `Tiểu học ${code}`,
        kind: 'school',
        parentId: x03.id,
        levels: ['primary'],
        location: { lat: s.lat, lon: s.lon },
      });
    const leaves = await makeClass(db, {
      schoolId: mn3.id,
      name: 'Lá 3',
      grade: null,
      schoolYear: PREVIOUS,
    });
    await makeStudents(
      db,
      KIDS.map((k, i) => ({
        schoolId: mn3.id,
        fullName: k.fullName,
        birthDate: k.birthDate,
        gender: k.gender,
        personalId: kidPid(i),
        classId: leaves,
        schoolYear: PREVIOUS,
      })),
    );
    const file = join(dir, 'catchments-x03.xlsx');
    await writeSimpleWorkbook(file, 'Tuyến tuyển sinh', Object.values(CATCHMENT_HEADERS), [
      ['X03', 'AN', 'Thôn Gần', 1, 'G1', '21,002', '105,801'],
      ['X03', 'AF', 'Thôn Xa', 1, 'G1', '21,0', '105,834'],
      ['X03', 'AK', 'Thôn Khê', 1, 'GF', '21.001', '105.83'],
    ]);
    expect((await importCatchments(db, dept, { file, dryRun: false })).errors).toEqual([]);
    const campaign = await createCampaign(db, dept, {
      name: 'Tuyển sinh lớp 1 xã Ba',
      schoolYear: YEAR,
      grade: 1,
      orgUnitId: x03.id,
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: closes.toISOString(),
      confirmBy: new Date(Date.now() + 48 * HOUR).toISOString(),
      entryRules: { seed: 4_243, order: ['distance'], overflowInCommune: true },
    });
    const programs = await importPrograms(db, dept, campaign.id, {
      rows: Object.entries(SCHOOLS).map(([code, s]) => ({
        program: code,
        schoolCode: code,
        quota: s.quota,
      })),
    });
    expect(programs.problems).toEqual([]);
    expect((await issueCandidates(db, dept, campaign.id)).issued).toBe(3);
    const areaId = Object.fromEntries(
      (await entryAreas(db, campaign.id)).map((a) => [a.code, a.id]),
    );
    const codes: Record<string, string> = {};
    for (const [i, kid] of KIDS.entries()) {
      resetCandidateThrottle();
      const child = await childSignedIn(db, {
        campaignId: campaign.id,
        personalId: kidPid(i),
        birthDate: kid.birthDate,
        ip: '198.51.100.33',
      });
      await submitEntryApplication(db, child, {
        residence: 'permanent',
        areaId: areaId[{ N: 'AN', F: 'AF', K: 'AK' }[kid.key]!]!,
        schools: [kid.key === 'K' ? 'GF' : 'G1'],
        baseVersion: 0,
        receivedAt: now(),
      });
      codes[kid.key] = (await getEntryApplication(db, child)).child.code;
    }
    const out = join(dir, 'run-x03');
    await allocateCampaign(db, dept, campaign.id, { outDir: out, now: afterClose });
    const lines = readFileSync(join(out, 'assignments.csv'), 'utf8').trim().split('\n');
    const row = (k: string) => lines.find((l) => l.startsWith(`${codes[k]},`));
    // G1's one seat: both children are in its catchment, both permanent; the nearer wins (with
    // this seed the lottery alone, as without school locations, gives it to F).
    expect(row('N')).toBe(`${codes.N},G1,1,0`);
    expect(row('K')).toBe(`${codes.K},GF,1,0`);
    // F's list after G1 is the commune's other schools nearest first: GF (full: K lives in its
    // catchment), then G2 — not G0, the first by id, which the offer fell back to without
    // school locations (it then was G0 at rank 2).
    expect(row('F')).toBe(`${codes.F},G2,3,1`);
  });
});
