import type { Scope } from '../../core/access/scope.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { requireCampaign, requireOwnSchool } from './access.ts';
import type { CycleDetail } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { insertCycleIfAbsent } from './repo.ts';

/** The school's cycle of a campaign, started at the first visit (idempotent). */
export async function openCycle(
  db: Db,
  scope: Scope,
  input: { campaignId: string; schoolId: string },
): Promise<CycleDetail> {
  const { campaign, set } = await requireCampaign(
    db,
    scope,
    input.campaignId,
    'accreditation.assess',
  );
  if (!isUuid(input.schoolId)) throw notFound('trường');
  requireOwnSchool(scope, input.schoolId);
  const school = await scope.requireUnit(db, input.schoolId, 'accreditation.assess');
  if (school.kind !== 'school') throw notFound('trường');
  if (!school.path.startsWith(campaign.unit_path))
    throw badRequest(`${school.name} không thuộc phạm vi của đợt "${campaign.name}".`);
  if (!school.levels.some((l) => set.schoolLevels.includes(l)))
    throw badRequest(
      `Bộ tiêu chuẩn của đợt "${campaign.name}" không áp dụng cho cấp học của ${school.name}.`,
    );
  const id = await insertCycleIfAbsent(db, {
    id: uuidv7(),
    campaign_id: campaign.id,
    school_id: school.id,
  });
  return getCycle(db, scope, id);
}
