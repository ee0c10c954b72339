import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { requireCampaign, toSummary } from './access.ts';
import { createCampaignBody, type CampaignSummary, type CreateCampaignInput } from './contract.ts';
import { insertCampaign } from './repo.ts';
import { timetableProblems } from './timetable.ts';

/**
 * A campaign run by `orgUnitId` (default: the caller's own unit, the
 * department) for the school year the admitted will study in. Dates must be
 * in order (timetable.ts): opens < closes < confirmation deadline, with
 * the optional change window inside.
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
  const firstCloses = body.firstClosesAt ? new Date(body.firstClosesAt) : null;
  const changeOpens = body.changeOpensAt ? new Date(body.changeOpensAt) : null;
  const problems = timetableProblems({ opens, closes, confirmBy, firstCloses, changeOpens });
  if (problems.length)
    throw badRequest(
      `Lịch tuyển sinh không đúng thứ tự: ${problems.map((p) => p.message).join(' ')}`,
      problems,
    );
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
      zone_ranks: body.zoneRanks ?? null,
      first_closes_at: firstCloses,
      change_opens_at: changeOpens,
    }),
  );
  return toSummary(await requireCampaign(db, scope, id, 'admissions.manage'));
}
