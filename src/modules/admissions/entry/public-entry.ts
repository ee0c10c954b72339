import { notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connection.ts';
import { isEntryCampaign, publicCampaignRow } from '../access.ts';
import { programsOf } from '../repo.ts';
import type { EntryAreaList, EntryCountsAnswer } from './contract.ts';
import { entryCountsOf, publicAreasOf } from './repo.ts';

/*
 * Public live counts of an entry campaign, per school: its seats, and the
 * current applications listing it from its catchment and from outside (an
 * unzoned school counts those living in no catchment of its as outside).
 * Computed at most once a second per campaign and process, as grade 10's.
 */
const FRESH_MS = 1_000;
const cache = new Map<string, { at: number; answer: Promise<EntryCountsAnswer> }>();

export function entryCounts(db: Db, campaignId: string): Promise<EntryCountsAnswer> {
  const hit = cache.get(campaignId);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.answer;
  const answer = computeEntryCounts(db, campaignId);
  cache.set(campaignId, { at: Date.now(), answer });
  answer.catch(() => cache.delete(campaignId));
  return answer;
}

async function computeEntryCounts(db: Db, campaignId: string): Promise<EntryCountsAnswer> {
  const campaign = await publicCampaignRow(db, campaignId);
  if (!isEntryCampaign(campaign)) throw notFound('kỳ tuyển sinh lớp 1, lớp 6');
  const updatedAt = new Date().toISOString();
  const programs = await programsOf(db, campaign.id);
  const counts = new Map(
    (await entryCountsOf(db, campaign.id, campaign.grade)).map((r) => [r.program, r]),
  );
  const published = campaign.status === 'published';
  return {
    updatedAt,
    schools: programs.map((p) => {
      const c = counts.get(p.id);
      const inCatchment = Number(c?.in_catchment ?? 0);
      const outside = Number(c?.outside ?? 0);
      return {
        program: p.id,
        schoolCode: p.school_code,
        schoolName: p.school_name,
        seats: p.quota,
        unzoned: p.unzoned,
        inCatchment,
        outside,
        total: inCatchment + outside,
        lastAdmittedRank: published ? p.cutoff : null,
      };
    }),
  };
}

/** The areas a family chooses from: every area of the campaign's communes, with the schools serving it. */
export async function entryAreas(db: Db, campaignId: string): Promise<EntryAreaList> {
  const campaign = await publicCampaignRow(db, campaignId);
  if (!isEntryCampaign(campaign)) throw notFound('kỳ tuyển sinh lớp 1, lớp 6');
  const programOf = new Map((await programsOf(db, campaign.id)).map((p) => [p.school_id, p.id]));
  return (await publicAreasOf(db, campaign.unit_path, campaign.grade)).map((a) => ({
    id: a.id,
    code: a.code,
    name: a.name,
    communeCode: a.commune_code,
    communeName: a.commune_name,
    schools: a.schools.flatMap((s) => (programOf.has(s) ? [programOf.get(s)!] : [])),
  }));
}
