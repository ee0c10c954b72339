import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { Campaign } from './contract.ts';
import { presentCampaign } from './present.ts';
import { campaignsFor } from './repo.ts';
import { findSet } from './sets/index.ts';

/** Campaigns covering the caller's unit or opened inside its subtree, newest first. */
export async function listCampaigns(db: Db, scope: Scope): Promise<Campaign[]> {
  scope.require('accreditation.read');
  const rows = await campaignsFor(db, scope.user.orgPath);
  return rows.flatMap((c) => {
    const set = findSet(c.set_id);
    return set ? [presentCampaign(c, set)] : [];
  });
}
