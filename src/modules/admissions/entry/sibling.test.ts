import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childSignedIn } from '../../../../test/helpers/candidates.ts';
import { rejects } from '../../../../test/helpers/app-error.ts';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, scopeAt } from '../../../../test/helpers/fixtures.ts';
import { makeClass, makeStudents } from '../../../../test/helpers/factories/registry.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { Db } from '../../../db/connection.ts';
import { makePersonalId } from '../../../lib/personal-id.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import { allocateCampaign } from '../allocate-campaign.ts';
import { resetCandidateThrottle, type CandidateScope } from '../candidate-session.ts';
import { createCampaign } from '../create-campaign.ts';
import { importPrograms } from '../import-programs.ts';
import { listAdmitted } from '../list-admitted.ts';
import { assignEntry } from './assign.ts';
import { CATCHMENT_HEADERS } from './catchment-sheet.ts';
import { importCatchments } from './import-catchments.ts';
import { entryAreas } from './public-entry.ts';
import type { EntryPriorityRules } from './rules.ts';
import { getEntryApplication, submitEntryApplication } from './submit-entry.ts';

/**
 * The sibling criterion (issue #15: "siblings at the school"): a family
 * declares a brother or sister studying at a chosen school, checked against
 * the registry, kept with the version, and used by the assignment.
 */

let database: TestDatabase;
let db: Db;
let ids: Record<string, string>;
let dept: Scope;
let campaignId: string;
let area: string;
let rules: EntryPriorityRules;
const dir = mkdtempSync(join(tmpdir(), 'sogd-sibling-'));
const HOUR = 3_600_000;
const closes = new Date(Date.now() + HOUR);
const afterClose = new Date(closes.getTime() + 60_000);

/** Three preschool children born 2021 (grade 1 in 2027) and two older pupils. */
const CHILDREN = ['Lê Minh An', 'Trần Bảo Bình', 'Phạm Thu Cúc'];
const childId = (i: number) => makePersonalId(31, 2021, 'male', i + 1);
const CHILD_DOB = '2021-03-01';
/** Studying now: S1 at Tiểu học Một (the contested school), S2 at Tiểu học Hai. */
const S1 = {
  fullName: 'Lê Minh Sơn',
  personalId: makePersonalId(31, 2018, 'male', 7),
  dob: '2018-02-02',
};
const S2 = {
  fullName: 'Vũ Thị Sen',
  personalId: makePersonalId(31, 2018, 'female', 8),
  dob: '2018-09-09',
};

const asChild = (i: number): Promise<CandidateScope> =>
  childSignedIn(db, {
    campaignId,
    personalId: childId(i),
    birthDate: CHILD_DOB,
    ip: '198.51.100.20',
  });

const register = (
  child: CandidateScope,
  baseVersion: number,
  sibling?: { school: string; personalId: string; birthDate: string } | null,
) =>
  submitEntryApplication(db, child, {
    residence: 'permanent',
    areaId: area,
    schools: ['TH1'],
    sibling,
    baseVersion,
    receivedAt: new Date(),
  });

beforeAll(async () => {
  resetCandidateThrottle();
  database = await freshDatabase();
  db = database.db;
  ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'MN1', name: 'Mầm non Một', kind: 'school', parent: 'X01', levels: ['preschool'] },
    { code: 'TH1', name: 'Tiểu học Một', kind: 'school', parent: 'X01', levels: ['primary'] },
    { code: 'TH2', name: 'Tiểu học Hai', kind: 'school', parent: 'X01', levels: ['primary'] },
  ]);
  const kindergarten = await makeClass(db, {
    schoolId: ids.MN1!,
    name: 'Lá 1',
    grade: null,
    schoolYear: '2026-2027',
  });
  await makeStudents(
    db,
    CHILDREN.map((fullName, i) => ({
      schoolId: ids.MN1!,
      fullName,
      birthDate: CHILD_DOB,
      personalId: childId(i),
      classId: kindergarten,
      schoolYear: '2026-2027',
    })),
  );
  for (const [sibling, school] of [
    [S1, 'TH1'],
    [S2, 'TH2'],
  ] as const) {
    const grade3 = await makeClass(db, {
      schoolId: ids[school]!,
      name: '3A',
      schoolYear: '2026-2027',
    });
    await makeStudents(db, [
      {
        schoolId: ids[school]!,
        fullName: sibling.fullName,
        birthDate: sibling.dob,
        gender: sibling === S1 ? 'male' : 'female',
        personalId: sibling.personalId,
        studentCode: `HS-${school}`,
        classId: grade3,
        schoolYear: '2026-2027',
      },
    ]);
  }
  dept = await scopeAt(db, ids.SGD!, 'department_staff');
  // Thôn Đông is served by TH1 and TH2: TH1 has one seat for three children.
  const file = join(dir, 'catchments.xlsx');
  await writeSimpleWorkbook(file, 'Tuyến tuyển sinh', Object.values(CATCHMENT_HEADERS), [
    ['X01', 'T1', 'Thôn Đông', 1, 'TH1', null, null],
    ['X01', 'T1', 'Thôn Đông', 1, 'TH2', null, null],
  ]);
  expect((await importCatchments(db, dept, { file, dryRun: false })).errors).toEqual([]);
  const created = await createCampaign(db, dept, {
    name: 'Tuyển sinh lớp 1 (anh chị em)',
    schoolYear: '2027-2028',
    grade: 1,
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: closes.toISOString(),
    entryRules: { seed: 7, order: ['permanent-residence', 'sibling'] },
  });
  campaignId = created.id;
  rules = created.entryRules!;
  const programs = await importPrograms(db, dept, campaignId, {
    rows: [
      { program: 'TH1', schoolCode: 'TH1', quota: 1 },
      { program: 'TH2', schoolCode: 'TH2', quota: 5 },
    ],
  });
  expect(programs.problems).toEqual([]);
  area = (await entryAreas(db, campaignId)).find((a) => a.code === 'T1')!.id;
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('declaring a sibling', () => {
  it('refuses a sibling not studying at the named school, at a school not chosen, or the child itself, saving nothing', async () => {
    const a = await asChild(0);
    const atOtherSchool = await rejects(
      register(a, 0, { school: 'TH1', personalId: S2.personalId, birthDate: S2.dob }),
      422,
    );
    expect(atOtherSchool.errors).toEqual([
      {
        path: 'body.sibling.personalId',
        message: expect.stringContaining(
          'Không tìm thấy học sinh đang học tại Tiểu học Một có mã định danh và ngày sinh đã khai',
        ) as string,
      },
    ]);
    // Found or not found, never a name: the registry answers nothing more.
    expect(JSON.stringify(atOtherSchool)).not.toContain(S2.fullName);
    const wrongDate = await rejects(
      register(a, 0, { school: 'TH1', personalId: S1.personalId, birthDate: '2018-02-03' }),
      422,
    );
    expect(wrongDate.errors[0]?.path).toBe('body.sibling.personalId');
    const notChosen = await rejects(
      register(a, 0, { school: 'TH2', personalId: S2.personalId, birthDate: S2.dob }),
      422,
    );
    expect(notChosen.errors).toEqual([
      {
        path: 'body.sibling.school',
        message: 'Trường nơi anh/chị/em đang học phải là một trong các trường đã chọn.',
      },
    ]);
    const itself = await rejects(
      register(a, 0, { school: 'TH1', personalId: childId(0), birthDate: CHILD_DOB }),
      422,
    );
    expect(itself.errors[0]?.message).toContain('trùng với mã định danh của trẻ');
    expect((await getEntryApplication(db, a)).version).toBe(0);
  });

  it('keeps the sibling with the version, a change that omits it keeps it, null removes it', async () => {
    const a = await asChild(0);
    await register(a, 0, { school: 'TH1', personalId: S1.personalId, birthDate: S1.dob });
    await register(a, 1);
    expect((await getEntryApplication(db, a)).sibling).toBe('TH1');
    // The sibling's school no longer chosen: refused, not dropped silently.
    const moved = await rejects(
      submitEntryApplication(db, a, {
        residence: 'permanent',
        areaId: area,
        schools: ['TH2'],
        baseVersion: 2,
        receivedAt: new Date(),
      }),
      422,
    );
    expect(moved.errors[0]?.path).toBe('body.sibling.school');
    await register(a, 2, null);
    const application = await getEntryApplication(db, a);
    expect(application.sibling).toBeNull();
    expect(application.history.map((h) => [h.version, h.sibling])).toEqual([
      [3, null],
      [2, 'TH1'],
      [1, 'TH1'],
    ]);
  });
});

describe('the sibling criterion in the assignment', () => {
  it('gives the one seat to the child whose sibling studies there, whoever the lottery drew', async () => {
    const children = [await asChild(0), await asChild(1), await asChild(2)];
    const codes = await Promise.all(
      children.map(async (c) => (await getEntryApplication(db, c)).child.code),
    );
    const base = async (c: CandidateScope) => (await getEntryApplication(db, c)).version;
    for (const c of children.slice(1)) await register(c, await base(c));
    // Without a sibling the lottery alone decides among the three (all permanent residents in
    // TH1's catchment): the engine, with the campaign's seed, says whom it draws.
    const drawnAlone = assignEntry(
      [
        { id: 'TH1', communeCode: 'X01', seats: 1, unzoned: false },
        { id: 'TH2', communeCode: 'X01', seats: 5, unzoned: false },
      ],
      codes.map((id) => ({
        id,
        communeCode: 'X01',
        catchmentSchools: ['TH1', 'TH2'],
        choices: ['TH1'],
        permanentResidence: true,
        siblingSchools: [],
      })),
      rules,
    ).assignments.find((a) => a.school === 'TH1')!.child;
    // A child the lottery passes over declares a sibling at TH1: it takes the seat.
    const loser = codes.findIndex((code) => code !== drawnAlone);
    const child = children[loser]!;
    await register(child, await base(child), {
      school: 'TH1',
      personalId: S1.personalId,
      birthDate: S1.dob,
    });
    await allocateCampaign(db, dept, campaignId, { now: afterClose });
    const th1 = await scopeAt(db, ids.TH1!, 'school_staff');
    const atTh1 = (await listAdmitted(db, th1, campaignId)).filter((r) => r.program === 'TH1');
    expect(atTh1.map((r) => r.code)).toEqual([codes[loser]]);
    // The admitting school sees whom to check the relationship with.
    expect(atTh1[0]!.sibling).toEqual({ fullName: S1.fullName, studentCode: 'HS-TH1' });
    // The child the lottery drew is offered TH2, which serves the area too; no sibling named there.
    const th2 = await scopeAt(db, ids.TH2!, 'school_staff');
    const atTh2 = await listAdmitted(db, th2, campaignId);
    expect(atTh2.map((r) => r.code)).toContain(drawnAlone);
    expect(atTh2.every((r) => r.sibling === null)).toBe(true);
  });
});
