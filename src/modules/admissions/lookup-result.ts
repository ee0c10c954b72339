import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { points, publicCampaignRow } from './access.ts';
import type { CampaignRow } from './repo.ts';
import { lookupRow } from './repo.ts';

/*
 * The lookup is asked a thousand times a second on results day: the
 * campaign's row is read at most once a second per process (a publication
 * shows within that second), and the candidate with their result in one query.
 */
const FRESH_MS = 1_000;
const campaigns = new Map<string, { at: number; row: Promise<CampaignRow> }>();
function campaignOf(db: Db, campaignId: string): Promise<CampaignRow> {
  const hit = campaigns.get(campaignId);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.row;
  const row = publicCampaignRow(db, campaignId);
  campaigns.set(campaignId, { at: Date.now(), row });
  row.catch(() => campaigns.delete(campaignId));
  return row;
}

/**
 * Public result lookup: the code and the date of birth must both match,
 * and the answer is that one candidate's result (never a list). Rate-limited
 * by the route.
 */
export async function lookupResult(
  db: Db,
  input: { campaignId: string; code: string; birthDate: string },
): Promise<{ program: string | null; schoolName: string | null; score: number | null }> {
  const campaign = await campaignOf(db, input.campaignId);
  if (campaign.status !== 'published') throw notFound('kết quả (chưa công bố)');
  const row = await lookupRow(db, campaign.id, input.code);
  if (!row || row.birth_date !== input.birthDate) throw notFound('thí sinh có mã và ngày sinh này');
  return {
    program: row.program ?? null,
    schoolName: row.school_name ?? null,
    score: row.score === null ? null : points(row.score),
  };
}
