import type { Db } from '../../db/connection.ts';
import { schoolYearOf } from '../registry/index.ts';
import { systemScope } from './cli-scope.ts';
import { addFreeCandidate } from './add-free-candidate.ts';
import { createCampaign } from './create-campaign.ts';
import { importDirect } from './import-direct.ts';
import { importPrograms } from './import-programs.ts';
import { issueCandidates, newPin } from './issue-candidates.ts';
import { schoolsWithLevel } from './repo.ts';
import { writeTransaction } from '../../db/actor.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { communesUnder, insertAreas, replaceLinks } from './entry/repo.ts';

/** The demo's first candidate signs in with this PIN (docs/admissions.md); every other PIN is random. */
export const DEMO_PIN = '246810';

/**
 * The demo province's grade-10 campaign, open now: one program per
 * upper-secondary school, and candidates (with slips) for the grade-9
 * students of the first lower-secondary school, so that `npm start` shows
 * registration, live counts and the department's pages at once.
 */
export async function seedAdmissionsDemo(
  db: Db,
  root: { id: string; path: string },
  now = new Date(),
): Promise<{ campaign: string; candidates: number; entryCampaign: string | null }> {
  const scope = systemScope(root, 'tạo kỳ tuyển sinh mẫu');
  const running = schoolYearOf(now);
  const start = Number(running.slice(0, 4)) + 1;
  const day = 86_400_000;
  const campaign = await createCampaign(db, scope, {
    name: `Tuyển sinh lớp 10 năm học ${start}-${start + 1} (mẫu)`,
    schoolYear: `${start}-${start + 1}`,
    grade: 10,
    opensAt: new Date(now.getTime() - day).toISOString(),
    closesAt: new Date(now.getTime() + 14 * day).toISOString(),
    confirmBy: new Date(now.getTime() + 28 * day).toISOString(),
    // TP.HCM's change window: registration ends on day 10, changes from day 11 to 14.
    firstClosesAt: new Date(now.getTime() + 10 * day).toISOString(),
    changeOpensAt: new Date(now.getTime() + 11 * day).toISOString(),
    maxPreferences: 3,
    rankPenalty: 0,
    ties: 'admit-all',
  });
  const upper = await schoolsWithLevel(db, root.path, 'upper_secondary');
  await importPrograms(db, scope, campaign.id, {
    rows: upper.map((u) => ({ program: `THPT-${u.code}`, schoolCode: u.code, quota: 40 })),
  });
  const entryCampaign = await seedEntryDemo(db, root, now);
  const [lower] = await schoolsWithLevel(db, root.path, 'lower_secondary');
  if (!lower) return { campaign: campaign.id, candidates: 0, entryCampaign };
  const issued = await issueCandidates(
    db,
    systemScope(lower, 'tạo kỳ tuyển sinh mẫu'),
    campaign.id,
    {
      pinFor: (i) => (i === 0 ? DEMO_PIN : newPin()),
    },
  );
  // One free candidate recorded by that school, and one direct admission (tuyển thẳng).
  await addFreeCandidate(db, systemScope(lower, 'tạo kỳ tuyển sinh mẫu'), campaign.id, {
    fullName: 'Nguyễn Văn Tự Do',
    birthDate: `${start - 16}-09-02`,
    gender: 'male',
  });
  const last = issued.slips.at(-1);
  if (upper[0] && last && issued.slips.length > 1)
    await importDirect(db, scope, campaign.id, {
      rows: [
        {
          code: last.code,
          program: `THPT-${upper[0].code}`,
          basis: 'Điều 14 khoản 1 TT 30/2024/TT-BGDĐT (mẫu: học sinh khuyết tật)',
        },
      ],
    });
  return { campaign: campaign.id, candidates: issued.issued + 1, entryCampaign };
}

/**
 * A demo area's centre, near its school (the demo schools have locations):
 * an area two schools serve lies between them, so that distance tells their
 * families apart; without a location, none.
 */
function areaCentre(
  school: { latitude: number | null; longitude: number | null },
  next?: { latitude: number | null; longitude: number | null },
): { latitude: number | null; longitude: number | null } {
  if (school.latitude === null || school.longitude === null)
    return { latitude: null, longitude: null };
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  if (next && next.latitude !== null && next.longitude !== null)
    return {
      latitude: round((school.latitude * 2 + next.latitude) / 3),
      longitude: round((school.longitude * 2 + next.longitude) / 3),
    };
  return { latitude: round(school.latitude + 0.004), longitude: round(school.longitude - 0.003) };
}

/**
 * The demo's grade-1 entry campaign (issue #15), open now, run by the first
 * commune that has primary schools: two residential areas per primary school
 * (the first area of each also served by the next school, so that families
 * there choose), one more area that no school serves (the commune's list of
 * unserved residences), seats of 2 classes × 35 per school, and slips for the
 * commune's preschool children of the grade-1 birth year (the first one's
 * PIN is DEMO_PIN). Families may also sign in with the child's personal id.
 * The areas have centres near their schools (areaCentre), so the distance
 * criterion and the nearest-school offer have something to measure.
 */
async function seedEntryDemo(
  db: Db,
  root: { id: string; path: string },
  now: Date,
): Promise<string | null> {
  let commune: { id: string; code: string; path: string } | undefined;
  let primaries: Awaited<ReturnType<typeof schoolsWithLevel>> = [];
  for (const c of (await communesUnder(db, root.path)).sort((a, b) => (a.code < b.code ? -1 : 1))) {
    primaries = await schoolsWithLevel(db, c.path, 'primary');
    if (primaries.length) {
      commune = c;
      break;
    }
  }
  if (!commune) return null;
  const scope = systemScope(root, 'tạo kỳ tuyển sinh lớp 1 mẫu');
  const areas = primaries.flatMap((school, i) => [
    { school: i, code: `T${2 * i + 1}`, name: `Thôn ${2 * i + 1}` },
    { school: i, code: `T${2 * i + 2}`, name: `Thôn ${2 * i + 2}` },
  ]);
  const rows = areas.map((a, k) => ({
    id: uuidv7(),
    commune_id: commune.id,
    code: a.code,
    name: a.name,
    ...areaCentre(primaries[a.school]!, k % 2 === 0 ? primaries[a.school + 1] : undefined),
  }));
  const unserved = {
    id: uuidv7(),
    commune_id: commune.id,
    code: 'TDP-MOI',
    name: 'Tổ dân phố mới (chưa có tuyến)',
    latitude: null,
    longitude: null,
  };
  const links = areas.flatMap((a, k) => {
    const own = {
      id: uuidv7(),
      area_id: rows[k]!.id,
      school_id: primaries[a.school]!.id,
      grade: 1 as const,
    };
    const next = primaries[a.school + 1];
    return k % 2 === 0 && next
      ? [own, { id: uuidv7(), area_id: rows[k]!.id, school_id: next.id, grade: 1 as const }]
      : [own];
  });
  await writeTransaction(db, scope.actor, async (tx) => {
    await insertAreas(tx, [...rows, unserved]);
    await replaceLinks(tx, [], links);
  });
  const running = schoolYearOf(now);
  const start = Number(running.slice(0, 4)) + 1;
  const day = 86_400_000;
  const campaign = await createCampaign(db, scope, {
    name: `Tuyển sinh lớp 1 năm học ${start}-${start + 1} (mẫu)`,
    schoolYear: `${start}-${start + 1}`,
    grade: 1,
    orgUnitId: commune.id,
    opensAt: new Date(now.getTime() - day).toISOString(),
    closesAt: new Date(now.getTime() + 10 * day).toISOString(),
    confirmBy: new Date(now.getTime() + 20 * day).toISOString(),
    entryRules: { seed: 20_260_615 },
  });
  await importPrograms(db, scope, campaign.id, {
    rows: primaries.map((p) => ({ program: p.code, schoolCode: p.code, quota: 70 })),
  });
  await issueCandidates(db, scope, campaign.id, {
    pinFor: (i) => (i === 0 ? DEMO_PIN : newPin()),
  });
  return campaign.id;
}
