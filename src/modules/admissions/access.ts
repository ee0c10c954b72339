/** Shared by the use cases: a campaign as the caller may see it, and its answer shape. */
import type { Permission } from '../../core/access/permissions.ts';
import type { Scope } from '../../core/access/scope.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { formatHundredths } from './allocate/index.ts';
import type { CampaignSummary, PublicCampaign } from './contract.ts';
import { campaignById, type CampaignRow } from './repo.ts';

/**
 * Loads a campaign for `permission`. Managing it needs its unit inside the
 * caller's subtree; reading it also allows a school under that unit (the
 * schools take part in their department's campaign).
 */
export async function requireCampaign(
  db: Db,
  scope: Scope,
  campaignId: string,
  permission: Permission,
): Promise<CampaignRow> {
  // An entry-grade campaign (grade 1, 6) is run with admissions.entry (a commune's office too).
  const manage = permission === 'admissions.manage';
  if (manage && !scope.can('admissions.entry')) scope.require(permission);
  else if (!manage) scope.require(permission);
  if (!isUuid(campaignId)) throw notFound('kỳ tuyển sinh');
  const campaign = await campaignById(db, campaignId);
  if (!campaign) throw notFound('kỳ tuyển sinh');
  if (manage) scope.require(isEntryCampaign(campaign) ? 'admissions.entry' : 'admissions.manage');
  const inside = scope.containsPath(campaign.unit_path);
  const covering = scope.user.orgPath.startsWith(campaign.unit_path);
  if (permission === 'admissions.manage' ? !inside : !inside && !covering) throw forbidden();
  return campaign;
}

/** An entry-grade campaign (tuyển sinh đầu cấp: grade 1 or grade 6, issue #15). */
export function isEntryCampaign(c: { grade: number }): boolean {
  return c.grade === 1 || c.grade === 6;
}

/**
 * Refuses a grade-10 step (scores, zones, direct admission, top-up, the
 * engine's export files) on an entry-grade campaign, which goes by residence.
 */
export function refuseOnEntry(c: { grade: number }, what: string): void {
  if (isEntryCampaign(c))
    throw conflict(
      `Tuyển sinh lớp ${c.grade} xét theo nơi cư trú, không có ${what} (chỉ tuyển sinh lớp 10 có).`,
    );
}

/** A public campaign by id: 404 for anything else (the id is public on its page). */
export async function publicCampaignRow(db: Db, campaignId: string): Promise<CampaignRow> {
  if (!isUuid(campaignId)) throw notFound('kỳ tuyển sinh');
  const campaign = await campaignById(db, campaignId);
  if (!campaign) throw notFound('kỳ tuyển sinh');
  return campaign;
}

export const points = (hundredths: number): number => Number(formatHundredths(hundredths));

export function toSummary(c: CampaignRow): CampaignSummary {
  return {
    id: c.id,
    name: c.name,
    schoolYear: c.school_year,
    grade: c.grade,
    opensAt: c.opens_at.toISOString(),
    closesAt: c.closes_at.toISOString(),
    confirmBy: c.confirm_by?.toISOString() ?? null,
    maxPreferences: c.max_preferences,
    rankPenalty: points(c.rank_penalty),
    ties: c.ties,
    status: c.status,
    unit: { id: c.org_unit_id, code: c.unit_code, name: c.unit_name },
    version: c.version,
    ...windowOf(c),
    specialisedStatus: c.specialised_status,
    specialisedConfirmBy: c.specialised_confirm_by?.toISOString() ?? null,
    entryRules: c.entry_rules,
  };
}

function windowOf(c: CampaignRow) {
  return {
    zoneRanks: c.zone_ranks,
    firstClosesAt: c.first_closes_at?.toISOString() ?? null,
    changeOpensAt: c.change_opens_at?.toISOString() ?? null,
  };
}

export function toPublic(c: CampaignRow): PublicCampaign {
  return {
    id: c.id,
    name: c.name,
    schoolYear: c.school_year,
    opensAt: c.opens_at.toISOString(),
    closesAt: c.closes_at.toISOString(),
    confirmBy: c.confirm_by?.toISOString() ?? null,
    maxPreferences: c.max_preferences,
    rankPenalty: points(c.rank_penalty),
    status: c.status,
    published: c.status === 'published',
    ...windowOf(c),
    specialisedPublished: c.specialised_status === 'published',
    grade: c.grade,
    entryRules: c.entry_rules,
  };
}

/** "27.50" → 2750; null when not a number ≥ 0 with at most 2 decimals, or above `max`. */
export function parseHundredthsText(value: string | number, max: number): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  const n = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return n > max ? null : n;
}
