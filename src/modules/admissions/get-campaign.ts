import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { points, requireCampaign, toSummary } from './access.ts';
import type { CampaignDetail } from './contract.ts';
import { campaignTallies, directOf, programsOf } from './repo.ts';

export async function getCampaign(
  db: Db,
  scope: Scope,
  campaignId: string,
): Promise<CampaignDetail> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.read');
  const programs = await programsOf(db, campaign.id);
  const tallies = await campaignTallies(db, campaign.id);
  const direct = new Map<string, number>();
  for (const d of await directOf(db, campaign.id))
    direct.set(d.program, (direct.get(d.program) ?? 0) + 1);
  return {
    ...toSummary(campaign),
    ...tallies,
    programs: programs.map((p) => ({
      program: p.id,
      schoolCode: p.school_code,
      schoolName: p.school_name,
      quota: p.quota,
      admitted: p.admitted,
      cutoff: p.cutoff === null ? null : points(p.cutoff),
      zone: p.zone,
      direct: direct.get(p.id) ?? 0,
      whatIf: p.what_if,
      track: p.track,
    })),
  };
}
