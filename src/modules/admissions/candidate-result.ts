import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isEntryCampaign, points, publicCampaignRow } from './access.ts';
import type { CandidateScope } from './candidate-session.ts';
import type { ResultAnswer } from './contract.ts';
import { candidateById, programsOf, resultOf, submissionsOf } from './repo.ts';

/**
 * The candidate's own result once published (404 before), with why: for each
 * preference ranked above the one obtained, the score it needed at that rank
 * (cutoff + D × (rank − 1), admissions-allocation.md).
 */
export async function candidateResult(db: Db, scope: CandidateScope): Promise<ResultAnswer> {
  const campaign = await publicCampaignRow(db, scope.campaignId);
  if (campaign.status !== 'published') throw notFound('kết quả (chưa công bố)');
  const candidate = await candidateById(db, scope.candidateId);
  if (!candidate) throw notFound('thí sinh');
  const result = await resultOf(db, scope.candidateId);
  if (!result) return { program: null };
  // Entry grades: no score; the cutoff is a place in the school's order, not a score to reach.
  if (isEntryCampaign(campaign))
    return {
      program: result.program,
      rank: result.rank,
      score: null,
      cutoff: null,
      schoolName: result.school_name,
      round: result.round,
      response: result.response,
      confirmBy: campaign.confirm_by?.toISOString() ?? null,
      missed: [],
      overflow: result.overflow,
      documentsChecked: result.documents_checked_at !== null,
    };
  const cutoffs = new Map((await programsOf(db, campaign.id)).map((p) => [p.id, p.cutoff]));
  const inForce = (await submissionsOf(db, scope.candidateId)).find(
    (s) => new Date(s.submitted_at) < campaign.closes_at,
  );
  const above = (inForce?.preferences ?? []).slice(0, result.rank ? result.rank - 1 : undefined);
  const missed = above.flatMap((program, i) => {
    const cutoff = cutoffs.get(program);
    return cutoff === null || cutoff === undefined
      ? []
      : [{ rank: i + 1, program, needed: points(cutoff + campaign.rank_penalty * i) }];
  });
  return {
    program: result.program,
    rank: result.rank,
    score: candidate.score === null ? null : points(candidate.score),
    cutoff: result.cutoff === null ? null : points(result.cutoff),
    schoolName: result.school_name,
    round: result.round,
    response: result.response,
    confirmBy: campaign.confirm_by?.toISOString() ?? null,
    missed,
  };
}
