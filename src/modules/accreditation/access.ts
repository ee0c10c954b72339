/** Access to campaigns and cycles, decided through the caller's Scope. */
import type { Permission } from '../../core/access/permissions.ts';
import type { Scope } from '../../core/access/scope.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { campaignById, cycleById, type CycleRow } from './repo.ts';
import { findSet } from './sets/index.ts';
import type { StandardSet } from './sets/types.ts';

export type CampaignRecord = NonNullable<Awaited<ReturnType<typeof campaignById>>>;

/** A campaign the caller sees: opened above its unit, or inside its subtree. */
export async function requireCampaign(
  db: Db,
  scope: Scope,
  campaignId: string,
  permission: Permission,
): Promise<{ campaign: CampaignRecord; set: StandardSet }> {
  scope.require(permission);
  if (!isUuid(campaignId)) throw notFound('đợt đánh giá');
  const campaign = await campaignById(db, campaignId);
  if (!campaign) throw notFound('đợt đánh giá');
  const covers = scope.user.orgPath.startsWith(campaign.unit_path);
  if (!covers && !scope.containsPath(campaign.unit_path)) throw forbidden();
  const set = findSet(campaign.set_id);
  if (!set) throw notFound(`bộ tiêu chuẩn ${campaign.set_id}`);
  return { campaign, set };
}

/** A school's cycle inside the caller's subtree (403 outside it, 404 unknown). */
export async function requireCycle(
  db: Db,
  scope: Scope,
  cycleId: string,
  permission: Permission,
): Promise<{ cycle: CycleRow; campaign: CampaignRecord; set: StandardSet }> {
  scope.require(permission);
  if (!isUuid(cycleId)) throw notFound('hồ sơ tự đánh giá');
  const cycle = await cycleById(db, cycleId);
  if (!cycle) throw notFound('hồ sơ tự đánh giá');
  if (!scope.containsPath(cycle.school_path)) throw forbidden();
  if (permission === 'accreditation.assess' || permission === 'accreditation.submit')
    requireOwnSchool(scope, cycle.school_id);
  const campaign = await campaignById(db, cycle.campaign_id);
  if (!campaign) throw notFound('đợt đánh giá');
  const set = findSet(campaign.set_id);
  if (!set) throw notFound(`bộ tiêu chuẩn ${campaign.set_id}`);
  return { cycle, campaign, set };
}

/** Ratings, evidence and texts change only while the school works on it. */
export function requireEditable(status: string): void {
  if (status === 'submitted')
    throw conflict('Hồ sơ tự đánh giá đã nộp: chờ Sở/Phòng xem xét hoặc trả lại rồi mới sửa được.');
  if (status === 'accepted')
    throw conflict('Hồ sơ tự đánh giá đã được chấp nhận: không sửa được nữa.');
}

/**
 * The self-assessment is the school's own: only its accounts rate, add
 * evidence, set up the council and submit (a department account reviews).
 */
export function requireOwnSchool(scope: Scope, schoolId: string): void {
  if (scope.user.orgUnitId !== schoolId)
    throw forbidden(
      'Chỉ tài khoản của chính trường mới tự đánh giá, thêm minh chứng và nộp hồ sơ; Sở, Phòng xem xét hồ sơ đã nộp.',
    );
}
