import type { Scope } from '../../core/access/scope.ts';
import { conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { requireCampaign, toSummary } from './access.ts';
import type { CampaignSummary } from './contract.ts';
import { setCampaignStatus } from './repo.ts';

/** Makes the draft allocation public: results, lookup and cutoffs appear. */
export async function publishResults(
  db: Db,
  scope: Scope,
  campaignId: string,
): Promise<CampaignSummary> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  if (campaign.status === 'open') throw conflict('Chưa xét tuyển: chưa có kết quả để công bố.');
  if (campaign.status === 'published') throw conflict('Kết quả đã được công bố.');
  await writeTransaction(db, scope.actor, (tx) =>
    setCampaignStatus(tx, campaign.id, { status: 'published', published_at: new Date() }),
  );
  return toSummary(await requireCampaign(db, scope, campaignId, 'admissions.manage'));
}
