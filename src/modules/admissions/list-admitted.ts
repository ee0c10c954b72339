import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireCampaign } from './access.ts';
import type { AdmittedRow } from './contract.ts';
import { admittedInScope } from './repo.ts';

/**
 * The admitted of the caller's schools (an upper-secondary school sees its
 * own), with who confirmed; for an entry grade, the sibling the family
 * declared at the admitting school (to check with the documents).
 */
export async function listAdmitted(
  db: Db,
  scope: Scope,
  campaignId: string,
): Promise<AdmittedRow[]> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.read');
  if (campaign.status === 'open') return [];
  return (await admittedInScope(db, campaign.id, scope)).map((r) => ({
    code: r.code,
    fullName: r.full_name,
    program: r.program!,
    rank: r.rank,
    round: r.round,
    response: r.response,
    documentsChecked: r.documents_checked_at !== null,
    sibling: r.sibling_name ? { fullName: r.sibling_name, studentCode: r.sibling_code } : null,
  }));
}
