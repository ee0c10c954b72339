import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { exportCampaign } from './export-campaign.ts';
import { exportAdmitted } from './export-lists.ts';
import { getCampaign } from './get-campaign.ts';
import { importDirect } from './import-direct.ts';
import { importPrograms } from './import-programs.ts';
import { importScores } from './import-scores.ts';
import { importZones } from './import-zones.ts';
import { issueCandidates } from './issue-candidates.ts';
import { publishResults } from './publish-results.ts';
import { resultsWithApplications } from './repo.ts';
import { topUp } from './top-up.ts';
import { submitApplication } from './submit-application.ts';
import { updateCampaign } from './update-campaign.ts';

// Issue #14's rules beyond the first slice: rules frozen at opening, the
// change window after counts are published, zones, direct admission.
let database: TestDatabase;
let db: Db;
let ids: Record<string, string>;
let dept: Scope;
const HOUR = 3_600_000;
const now = Date.now();
const at = (h: number) => new Date(now + h * HOUR);
const dirs: string[] = [];

async function asCandidate(campaignId: string, slip: Slip) {
  const { token, csrfToken } = await candidateSignIn(db, {
    campaignId,
    code: slip.code,
    pin: slip.pin,
    ip: '198.51.100.9',
  });
  return requireCandidate(db, { campaignId, token, csrf: csrfToken, write: true, ip: null });
}

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  ids = await makeTree(db, [
    { code: 'SGD', name: 'Sở GDĐT Thử', kind: 'department' },
    { code: 'CSA', name: 'THCS An', kind: 'school', parent: 'SGD', levels: ['lower_secondary'] },
    { code: 'PT1', name: 'THPT Một', kind: 'school', parent: 'SGD', levels: ['upper_secondary'] },
    { code: 'PT2', name: 'THPT Hai', kind: 'school', parent: 'SGD', levels: ['upper_secondary'] },
  ]);
  const classId = await makeClass(db, {
    schoolId: ids.CSA!,
    name: '9A',
    schoolYear: '2026-2027',
  });
  await makeStudents(
    db,
    ['Lê Thị An', 'Trần Văn Bình', 'Phạm Thu Cúc', 'Ngô Đức Dũng'].map((fullName, i) => ({
      schoolId: ids.CSA!,
      fullName,
      studentCode: `HS${i}`,
      birthDate: '2012-05-0' + (i + 1),
      classId,
      schoolYear: '2026-2027',
    })),
  );
  dept = await scopeAt(db, ids.SGD!, 'department_staff');
});
afterAll(async () => {
  await database.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const base = {
  schoolYear: '2027-2028',
  grade: 10,
  maxPreferences: 3,
  rankPenalty: 0,
  ties: 'admit-all' as const,
};

describe('rules frozen once a campaign opens', () => {
  it('lets everything change before opening, then refuses rule changes with a 409', async () => {
    const c = await createCampaign(db, dept, {
      ...base,
      name: 'Chưa mở',
      opensAt: at(1).toISOString(),
      closesAt: at(5).toISOString(),
    });
    const changed = await updateCampaign(db, dept, c.id, {
      version: c.version,
      maxPreferences: 2,
      zoneRanks: 2,
      firstClosesAt: at(2).toISOString(),
      changeOpensAt: at(3).toISOString(),
    });
    expect(changed).toMatchObject({ maxPreferences: 2, zoneRanks: 2, version: c.version + 1 });
    // A stale version is a 409 too, and nothing is written.
    await rejects(updateCampaign(db, dept, c.id, { version: c.version, name: 'Cũ' }), 409);
    // Dates out of order: 400 naming the field.
    const order = await rejects(
      updateCampaign(db, dept, c.id, {
        version: changed.version,
        changeOpensAt: at(6).toISOString(),
      }),
      400,
    );
    expect(order.errors.map((e) => e.path)).toContain('body.changeOpensAt');
    // After opening (the use case's clock at +1.5 h): rules refused, the name still editable.
    const late = at(1.5);
    const refused = await rejects(
      updateCampaign(db, dept, c.id, { version: changed.version, rankPenalty: 1 }, late),
      409,
    );
    expect(refused.detail).toContain('đã mở đăng ký');
    expect(refused.detail).toContain('điểm chênh giữa các nguyện vọng');
    expect(refused.errors[0]!.path).toBe('body.rankPenalty');
    // Sending a rule unchanged is not a change.
    const renamed = await updateCampaign(
      db,
      dept,
      c.id,
      { version: changed.version, name: 'Đã đổi tên', maxPreferences: 2 },
      late,
    );
    expect(renamed).toMatchObject({ name: 'Đã đổi tên', maxPreferences: 2, rankPenalty: 0 });
  });
});

describe('change window, zones and direct admission in one campaign', () => {
  let campaignId: string;
  let slips: Slip[];

  it('sets up a zoned campaign with a change window', async () => {
    const c = await createCampaign(db, dept, {
      ...base,
      name: 'Có khu vực và đợt điều chỉnh',
      opensAt: at(-3).toISOString(),
      firstClosesAt: at(-2).toISOString(),
      changeOpensAt: at(-1).toISOString(),
      closesAt: at(1).toISOString(),
      zoneRanks: 2,
    });
    campaignId = c.id;
    const programs = await importPrograms(db, dept, campaignId, {
      rows: [
        { program: 'A1', schoolCode: 'PT1', quota: 2, zone: 'KV1' },
        { program: 'B1', schoolCode: 'PT2', quota: 1, zone: 'KV2' },
        { program: 'B2', schoolCode: 'PT2', quota: 1, zone: 'bad zone!' },
      ],
    });
    expect(programs.problems.map((p) => [p.row, p.column])).toEqual([[4, 'zone']]);
    expect(programs.problems[0]!.message).toContain('"bad zone!"');
    await importPrograms(db, dept, campaignId, {
      rows: [
        { program: 'A1', schoolCode: 'PT1', quota: 2, zone: 'KV1' },
        { program: 'B1', schoolCode: 'PT2', quota: 1, zone: 'KV2' },
        { program: 'B2', schoolCode: 'PT2', quota: 1, zone: 'KV2' },
      ],
    });
    slips = (await issueCandidates(db, dept, campaignId)).slips;
    expect(slips).toHaveLength(4);
    const zones = await importZones(db, dept, campaignId, {
      rows: [
        { code: slips[0]!.code, zone: 'KV1' },
        { code: slips[1]!.code, zone: 'KV1' },
        { code: 'KHONG-CO', zone: 'KV1' },
      ],
    });
    expect(zones).toMatchObject({ errors: 1, added: 0 });
    expect(zones.problems[0]).toMatchObject({ row: 4, column: 'code' });
    expect(
      await importZones(db, dept, campaignId, {
        rows: slips.map((s, i) => ({ code: s.code, zone: i < 3 ? 'KV1' : 'KV2' })),
      }),
    ).toMatchObject({ errors: 0, added: 4 });
  });

  it('keeps NV1 and NV2 in the candidate’s zone, NV3 anywhere', async () => {
    resetCandidateThrottle();
    const an = await asCandidate(campaignId, slips[0]!);
    const outside = await rejects(
      submitApplication(db, an, {
        preferences: ['B1', 'A1'],
        baseVersion: 0,
        receivedAt: at(-2.5),
      }),
      422,
    );
    expect(outside.errors.map((e) => e.path)).toEqual(['body.preferences.0']);
    expect(outside.errors[0]!.message).toContain('khu vực tuyển sinh KV1');
    // NV2 must be in the zone too: B1 (zone KV2) at NV2 is refused.
    await rejects(
      submitApplication(db, an, {
        preferences: ['A1', 'B1'],
        baseVersion: 0,
        receivedAt: at(-2.5),
      }),
      422,
    );
    const ok = await submitApplication(db, an, {
      preferences: ['A1'],
      baseVersion: 0,
      receivedAt: at(-2.5),
    });
    expect(ok.version).toBe(1);
    const fourth = await asCandidate(campaignId, slips[3]!);
    expect(
      (
        await submitApplication(db, fourth, {
          preferences: ['B1', 'B2', 'A1'],
          baseVersion: 0,
          receivedAt: at(-2.5),
        })
      ).version,
    ).toBe(1);
  });

  it('closes registration, pauses while counts are published, then lets only the registered change', async () => {
    const an = await asCandidate(campaignId, slips[0]!);
    const paused = await rejects(
      submitApplication(db, an, { preferences: [], baseVersion: 1, receivedAt: at(-1.5) }),
      403,
    );
    expect(paused.detail).toContain('điều chỉnh nguyện vọng từ');
    // The second candidate never registered before the first close: no new registration in the change window.
    const second = await asCandidate(campaignId, slips[1]!);
    const late = await rejects(
      submitApplication(db, second, { preferences: ['A1'], baseVersion: 0, receivedAt: at(-0.5) }),
      403,
    );
    expect(late.detail).toContain('chỉ dành cho thí sinh đã đăng ký');
    // An registered before the first close: her change is a new version.
    const changed = await submitApplication(db, an, {
      preferences: ['A1'],
      baseVersion: 1,
      receivedAt: at(-0.5),
    });
    expect(changed.version).toBe(2);
  });

  it('admits directly before the allocation, taking a seat and leaving the files', async () => {
    const bad = await importDirect(db, dept, campaignId, {
      rows: [
        { code: slips[2]!.code, program: 'ZZ', basis: 'Điều 14 khoản 1 điểm a' },
        { code: slips[2]!.code, program: 'A1', basis: '' },
      ],
    });
    expect(bad.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'program'],
      [3, 'code'],
      [3, 'basis'],
    ]);
    const ok = await importDirect(db, dept, campaignId, {
      rows: [
        { code: slips[3]!.code, program: 'A1', basis: 'Điều 14 khoản 1 điểm b, QĐ 12/QĐ-SGDĐT' },
        // One who never applied: the seat is theirs all the same.
        { code: slips[2]!.code, program: 'B2', basis: 'Điều 14 khoản 1 điểm c, QĐ 12/QĐ-SGDĐT' },
      ],
    });
    expect(ok).toMatchObject({ errors: 0, added: 2 });
    await importScores(db, dept, campaignId, {
      rows: slips.map((s, i) => ({ code: s.code, score: 20 + i })),
    });
    const out = mkdtempSync(join(tmpdir(), 'sogd-adm-direct-'));
    dirs.push(out);
    const exported = await exportCampaign(db, dept, campaignId, out);
    // The fourth candidate (direct) has no rows; A1 keeps 2 − 1 seats for the allocation.
    expect(exported).toMatchObject({ candidates: 1, applications: 1, programs: 3 });
    expect(readFileSync(join(out, 'programs.csv'), 'utf8')).toBe(
      'program,quota\nA1,1\nB1,1\nB2,0\n',
    );
    expect(readFileSync(join(out, 'applications.csv'), 'utf8')).not.toContain(slips[3]!.code);
    const allocated = await allocateCampaign(db, dept, campaignId, { now: at(2) });
    expect(allocated.admitted).toBe(1);
    const detail = await getCampaign(db, dept, campaignId);
    expect(detail.programs.find((p) => p.program === 'A1')).toMatchObject({
      direct: 1,
      admitted: 2,
      zone: 'KV1',
    });
    await rejects(importDirect(db, dept, campaignId, { rows: [] }), 409);
    await publishResults(db, dept, campaignId);
    // Top-up counts every seat taken, a direct admission without an application too.
    const seen = await resultsWithApplications(db, campaignId, at(1));
    expect(seen.find((r) => r.code === slips[2]!.code)).toMatchObject({
      program: 'B2',
      preferences: [],
    });
    expect(await topUp(db, dept, campaignId)).toEqual({ offered: 0 });
    const fourth = await asCandidate(campaignId, slips[3]!);
    expect(await candidateResult(db, fourth)).toMatchObject({ program: 'A1', round: 'direct' });
    // The admitted list as xlsx, read back: the direct admission is named as such.
    const file = join(out, 'trung-tuyen.xlsx');
    const { written } = await exportAdmitted(db, dept, campaignId, file);
    expect(await written).toBe(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const rows = (book.worksheets[0]!.getSheetValues().slice(2) as unknown[][]).map((r) =>
      r.slice(1),
    );
    expect(rows).toEqual([
      [slips[0]!.code, 'Lê Thị An', 'A1', 1, 'Xét tuyển', 'Chưa trả lời'],
      [slips[3]!.code, slips[3]!.fullName, 'A1', undefined, 'Tuyển thẳng', 'Chưa trả lời'],
      [slips[2]!.code, slips[2]!.fullName, 'B2', undefined, 'Tuyển thẳng', 'Chưa trả lời'],
    ]);
  });
});
