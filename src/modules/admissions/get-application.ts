import type { Db } from '../../db/connection.ts';
import { notFound } from '../../core/errors.ts';
import type { CandidateScope } from './candidate-session.ts';
import type { ApplicationAnswer } from './contract.ts';
import { candidateById, currentApplication, submissionsOf } from './repo.ts';

const ranked = (preferences: string[]) =>
  preferences.map((program, i) => ({ rank: i + 1, program }));

/** The candidate's version in force and every earlier one, newest first. */
export async function getApplication(db: Db, scope: CandidateScope): Promise<ApplicationAnswer> {
  const candidate = await candidateById(db, scope.candidateId);
  const current = await currentApplication(db, scope.candidateId);
  if (!candidate || !current || candidate.campaign_id !== scope.campaignId)
    throw notFound('thí sinh');
  const history = await submissionsOf(db, scope.candidateId);
  return {
    version: current.version,
    submittedAt: current.submitted_at?.toISOString() ?? null,
    preferences: ranked(current.preferences),
    history: history.map((h) => ({
      version: h.version,
      submittedAt: new Date(h.submitted_at).toISOString(),
      preferences: ranked(h.preferences),
      onBehalf: h.on_behalf_by !== null,
    })),
    candidate: { code: candidate.code, fullName: candidate.full_name },
  };
}
