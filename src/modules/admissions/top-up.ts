import type { Scope } from '../../core/access/scope.ts';
import { conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { refuseOnEntry, requireCampaign } from './access.ts';
import { offerTopUp, programsOf, resultsWithApplications } from './repo.ts';

/**
 * Tuyển bổ sung (TP.HCM's rule): seats left after confirmation (quota minus
 * confirmed and still-open offers) go to candidates with no seat, by score,
 * each offered the first program of their stated order that still has a
 * seat and whose cutoff their priority there reaches. Offers wait for a
 * confirmation like the main round's.
 */
export async function topUp(
  db: Db,
  scope: Scope,
  campaignId: string,
): Promise<{ offered: number }> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  refuseOnEntry(campaign, 'vòng tuyển bổ sung theo điểm');
  if (campaign.status !== 'published') throw conflict('Chỉ tuyển bổ sung sau khi công bố kết quả.');
  const programs = await programsOf(db, campaign.id);
  const rows = await resultsWithApplications(db, campaign.id, campaign.closes_at);
  const seats = new Map(programs.map((p) => [p.id, p.quota]));
  for (const r of rows)
    if (r.program && r.response !== 'declined' && r.response !== 'lapsed')
      seats.set(r.program, (seats.get(r.program) ?? 0) - 1);
  // The regular stage's programs only: specialised seats went in their own stage (stages.ts).
  const info = new Map(programs.filter((p) => p.track === 'regular').map((p) => [p.id, p]));
  const unplaced = rows
    .filter((r) => (!r.program || r.response === 'lapsed') && r.score !== null)
    .sort((a, b) => b.score! - a.score! || (a.code < b.code ? -1 : 1));
  const offers: { id: string; program: string; rank: number; school_id: string }[] = [];
  for (const r of unplaced) {
    // Ranks count within the regular stage, as its allocation counted them.
    const regular = r.preferences.filter((program) => info.has(program));
    for (const [i, program] of regular.entries()) {
      const p = info.get(program);
      if (!p || p.cutoff === null || (seats.get(program) ?? 0) <= 0) continue;
      if (program === r.program) continue; // a lapsed seat is not offered back
      if (r.score! - campaign.rank_penalty * i < p.cutoff) continue;
      seats.set(program, seats.get(program)! - 1);
      offers.push({ id: r.id, program, rank: i + 1, school_id: p.school_id });
      break;
    }
  }
  if (offers.length) await writeTransaction(db, scope.actor, (tx) => offerTopUp(tx, offers));
  return { offered: offers.length };
}
