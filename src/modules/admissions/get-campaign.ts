import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { points, requireCampaign, toSummary } from './access.ts';
import type { CampaignDetail } from './contract.ts';
import { campaignTallies, programsOf } from './repo.ts';

export async function getCampaign(
  db: Db,
  scope: Scope,
  campaignId: string,
): Promise<CampaignDetail> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.read');
  const programs = await programsOf(db, campaign.id);
  const tallies = await campaignTallies(db, campaign.id);
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
      whatIf: p.what_if,
    })),
  };
}
