import type { Scope } from '../../core/access/scope.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { requireCampaign } from './access.ts';
import type { SubmittedAnswer } from './contract.ts';
import { candidateByCode, schoolPath } from './repo.ts';
import { submitApplication } from './submit-application.ts';

/**
 * A school's staff member submits for a family who asks: the same rules and
 * version check as the family's own submission, the version recorded as
 * made by that staff member.
 */
export async function submitOnBehalf(
  db: Db,
  scope: Scope,
  input: {
    campaignId: string;
    code: string;
    preferences: string[];
    baseVersion: number;
    receivedAt: Date;
  },
): Promise<SubmittedAnswer> {
  const campaign = await requireCampaign(db, scope, input.campaignId, 'admissions.candidates');
  const candidate = await candidateByCode(db, campaign.id, input.code);
  if (!candidate) throw notFound('thí sinh');
  const path = await schoolPath(db, candidate.school_id);
  if (!path || !scope.containsPath(path)) throw forbidden();
  return submitApplication(
    db,
    {
      candidateId: candidate.id,
      campaignId: campaign.id,
      ip: scope.ip,
      onBehalfBy: `${scope.user.fullName} (${scope.user.username})`,
    },
    input,
  );
}
