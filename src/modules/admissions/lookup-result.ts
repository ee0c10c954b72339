import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { points, publicCampaignRow } from './access.ts';
import { candidateByCode, resultOf } from './repo.ts';

/**
 * Public result lookup: the code and the date of birth must both match,
 * and the answer is that one candidate's result (never a list). Rate-limited
 * by the route.
 */
export async function lookupResult(
  db: Db,
  input: { campaignId: string; code: string; birthDate: string },
): Promise<{ program: string | null; schoolName: string | null; score: number | null }> {
  const campaign = await publicCampaignRow(db, input.campaignId);
  if (campaign.status !== 'published') throw notFound('kết quả (chưa công bố)');
  const candidate = await candidateByCode(db, campaign.id, input.code);
  if (!candidate || candidate.birth_date !== input.birthDate)
    throw notFound('thí sinh có mã và ngày sinh này');
  const result = await resultOf(db, candidate.id);
  return {
    program: result?.program ?? null,
    schoolName: result?.school_name ?? null,
    score: candidate.score === null ? null : points(candidate.score),
  };
}
