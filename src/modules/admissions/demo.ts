import type { Db } from '../../db/connection.ts';
import { schoolYearOf } from '../registry/index.ts';
import { systemScope } from './cli-scope.ts';
import { addFreeCandidate } from './add-free-candidate.ts';
import { createCampaign } from './create-campaign.ts';
import { importDirect } from './import-direct.ts';
import { importPrograms } from './import-programs.ts';
import { issueCandidates, newPin } from './issue-candidates.ts';
import { schoolsWithLevel } from './repo.ts';

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
): Promise<{ campaign: string; candidates: number }> {
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
  const [lower] = await schoolsWithLevel(db, root.path, 'lower_secondary');
  if (!lower) return { campaign: campaign.id, candidates: 0 };
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
  return { campaign: campaign.id, candidates: issued.issued + 1 };
}
