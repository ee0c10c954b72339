import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { toPublic, toSummary } from './access.ts';
import type { CampaignSummary, PublicCampaign } from './contract.ts';
import { campaignsFor, publicCampaigns } from './repo.ts';

/** Campaigns the caller runs or whose schools it belongs to. */
export async function listCampaigns(db: Db, scope: Scope): Promise<CampaignSummary[]> {
  scope.require('admissions.read');
  return (await campaignsFor(db, scope)).map(toSummary);
}

/** Every campaign, as the public sees it (no personal data). */
export async function listPublicCampaigns(db: Db): Promise<PublicCampaign[]> {
  return (await publicCampaigns(db)).map(toPublic);
}
