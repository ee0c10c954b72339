import type { Db } from '../../db/connection.ts';
import { points, publicCampaignRow } from './access.ts';
import type { CountsAnswer } from './contract.ts';
import { countsByRank, programsOf } from './repo.ts';

/*
 * The public counts are asked for thousands of times a second at the
 * deadline; they are computed at most once a second per campaign and
 * process (one query, shared by every request waiting meanwhile), which
 * keeps them within the contract's 5 seconds of every accepted version.
 */
const FRESH_MS = 1_000;
const cache = new Map<string, { at: number; answer: Promise<CountsAnswer> }>();

export function publicCounts(db: Db, campaignId: string): Promise<CountsAnswer> {
  const hit = cache.get(campaignId);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.answer;
  const answer = computeCounts(db, campaignId);
  cache.set(campaignId, { at: Date.now(), answer });
  answer.catch(() => cache.delete(campaignId));
  return answer;
}

async function computeCounts(db: Db, campaignId: string): Promise<CountsAnswer> {
  const campaign = await publicCampaignRow(db, campaignId);
  const updatedAt = new Date().toISOString();
  const programs = await programsOf(db, campaign.id);
  const rows = await countsByRank(db, campaign.id);
  const byProgram = new Map<string, number[]>();
  for (const p of programs)
    byProgram.set(p.id, new Array<number>(campaign.max_preferences).fill(0));
  for (const r of rows) {
    const ranks = byProgram.get(r.program);
    if (ranks && r.rank >= 1 && r.rank <= ranks.length) ranks[r.rank - 1] = Number(r.n);
  }
  const published = campaign.status === 'published';
  return {
    updatedAt,
    programs: programs.map((p) => {
      const byRank = byProgram.get(p.id)!;
      return {
        program: p.id,
        schoolCode: p.school_code,
        schoolName: p.school_name,
        quota: p.quota,
        byRank,
        total: byRank.reduce((a, b) => a + b, 0),
        cutoff: published && p.cutoff !== null ? points(p.cutoff) : null,
      };
    }),
  };
}
