import { createHash } from 'node:crypto';
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

/** The counts with their JSON text and its ETag, serialised once for every request of that second. */
export interface CountsText {
  answer: CountsAnswer;
  /** UTF-8 JSON, sent as bytes so that no serialiser runs again. */
  json: Buffer;
  etag: string;
}
const cache = new Map<string, { at: number; text: Promise<CountsText> }>();

export function publicCountsText(db: Db, campaignId: string): Promise<CountsText> {
  const hit = cache.get(campaignId);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.text;
  const text = computeCounts(db, campaignId).then((answer) => {
    // The ETag names the figures, not the moment: a client polling with
    // If-None-Match gets 304 until a count changes.
    const json = Buffer.from(JSON.stringify(answer));
    const figures = JSON.stringify(answer.programs);
    return {
      answer,
      json,
      etag: `"${createHash('sha1').update(figures).digest('base64url')}"`,
    };
  });
  cache.set(campaignId, { at: Date.now(), text });
  text.catch(() => cache.delete(campaignId));
  return text;
}

export async function publicCounts(db: Db, campaignId: string): Promise<CountsAnswer> {
  return (await publicCountsText(db, campaignId)).answer;
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
