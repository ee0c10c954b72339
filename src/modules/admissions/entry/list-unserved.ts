import type { Scope } from '../../../core/access/scope.ts';
import { badRequest, forbidden, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connection.ts';
import { isEntryCampaign, requireCampaign } from '../access.ts';
import type { UnservedList } from './contract.ts';
import { unitById, unservedApplications } from './repo.ts';

/**
 * The children whose declared residence no catchment serves (issue #15: the
 * registration is accepted and the commune is told), for the communes of the
 * caller's subtree (a commune's officer: its own; the department: all), or
 * one commune. The commune then assigns them a school or extends its
 * catchments before the assignment.
 */
export async function listUnservedResidences(
  db: Db,
  scope: Scope,
  campaignId: string,
  communeId?: string,
): Promise<UnservedList> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.read');
  if (!isEntryCampaign(campaign))
    throw badRequest('Danh sách nơi cư trú chưa có tuyến chỉ có ở tuyển sinh lớp 1, lớp 6.');
  let path = scope.containsPath(campaign.unit_path) ? campaign.unit_path : scope.user.orgPath;
  if (communeId) {
    const commune = await unitById(db, communeId);
    if (!commune || commune.kind !== 'commune') throw notFound('xã/phường');
    if (!scope.containsPath(commune.path)) throw forbidden();
    path = commune.path;
  }
  const rows = await unservedApplications(db, {
    campaignId: campaign.id,
    grade: campaign.grade,
    communePath: path,
  });
  return rows.map((r) => ({
    code: r.code,
    fullName: r.full_name,
    birthDate: r.birth_date,
    residence: r.residence,
    areaCode: r.area_code,
    areaName: r.area_name,
    commune: { id: r.commune_id, code: r.commune_code, name: r.commune_name },
    schools: r.preferences,
    submittedAt: r.submitted_at?.toISOString() ?? null,
  }));
}
