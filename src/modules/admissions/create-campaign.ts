import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { requireCampaign, toSummary } from './access.ts';
import { createCampaignBody, type CampaignSummary, type CreateCampaignInput } from './contract.ts';
import { insertCampaign } from './repo.ts';

/**
 * A campaign run by `orgUnitId` (default: the caller's own unit, the
 * department) for the school year the admitted will study in. Dates must be
 * in order: opens < closes < confirmation deadline.
 */
export async function createCampaign(
  db: Db,
  scope: Scope,
  input: CreateCampaignInput & { orgUnitId?: string | undefined },
): Promise<CampaignSummary> {
  scope.require('admissions.manage');
  const unit = await scope.requireUnit(
    db,
    input.orgUnitId ?? scope.user.orgUnitId,
    'admissions.manage',
  );
  const body = createCampaignBody.parse(input);
  const opens = new Date(body.opensAt);
  const closes = new Date(body.closesAt);
  const confirmBy = body.confirmBy ? new Date(body.confirmBy) : null;
  if (!(opens < closes))
    throw badRequest('Thời gian đóng đăng ký phải sau thời gian mở.', [
      { path: 'body.closesAt', message: 'Phải sau thời gian mở đăng ký (opensAt).' },
    ]);
  if (confirmBy && !(confirmBy > closes))
    throw badRequest('Hạn xác nhận nhập học phải sau khi đóng đăng ký.', [
      { path: 'body.confirmBy', message: 'Phải sau thời gian đóng đăng ký (closesAt).' },
    ]);
  const id = uuidv7();
  await writeTransaction(db, scope.actor, (tx) =>
    insertCampaign(tx, {
      id,
      org_unit_id: unit.id,
      name: body.name,
      school_year: body.schoolYear,
      grade: body.grade,
      opens_at: opens,
      closes_at: closes,
      confirm_by: confirmBy,
      max_preferences: body.maxPreferences,
      rank_penalty: Math.round(body.rankPenalty * 100),
      ties: body.ties,
    }),
  );
  return toSummary(await requireCampaign(db, scope, id, 'admissions.manage'));
}
