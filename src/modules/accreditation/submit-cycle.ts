import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import { checkVersion } from '../../core/versions.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { requireCycle, requireEditable, requireOwnSchool } from './access.ts';
import type { CycleDetail, ReviewBody } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { insertEvent, lockCycle, ratings, schoolFigures, setCycleStatus } from './repo.ts';
import { compareCodes } from './present.ts';
import { criteriaOf } from './sets/index.ts';
import { lastThreeYears } from './years.ts';

/**
 * The principal submits the self-assessment: every criterion must have been
 * rated; sogd's figures for the school (profile, classes and students by
 * grade, staff by position, facilities; last three school years, from the
 * registry's published views) are frozen into the cycle as they are now.
 */
export async function submitCycle(
  db: Db,
  scope: Scope,
  input: { cycleId: string; body: ReviewBody },
): Promise<CycleDetail> {
  const { cycle, campaign, set } = await requireCycle(
    db,
    scope,
    input.cycleId,
    'accreditation.submit',
  );
  // Said here, not only inside requireCycle: an account whose subtree holds
  // the school (a school account placed above it, the department's
  // administrator) submits no cycle but its own school's.
  requireOwnSchool(scope, cycle.school_id);
  const rated = new Set(
    (await ratings(db, cycle.id)).map((r) => r.requirement_code.split('.M')[0]),
  );
  const unrated = criteriaOf(set)
    .map((c) => c.code)
    .filter((c) => !rated.has(c))
    .sort(compareCodes);
  if (unrated.length)
    throw badRequest(
      `Chưa nộp được: còn ${unrated.length} tiêu chí chưa đánh giá (${unrated.slice(0, 10).join(', ')}${unrated.length > 10 ? ', …' : ''}).`,
    );
  const years = lastThreeYears(campaign.school_year);
  const figures = await schoolFigures(db, cycle.school_id, years);
  const frozen = JSON.stringify({ frozenAt: new Date().toISOString(), years, ...figures });
  await writeTransaction(db, scope.actor, async (tx) => {
    const locked = await lockCycle(tx, cycle.id);
    requireEditable(locked!.status);
    checkVersion('Hồ sơ tự đánh giá', input.body.version, locked!.version);
    await setCycleStatus(tx, cycle.id, 'submitted', {
      submitted_at: new Date(),
      frozen_data: frozen,
    });
    await insertEvent(tx, {
      id: uuidv7(),
      cycle_id: cycle.id,
      kind: 'submitted',
      comment: input.body.comment.trim() || null,
      actor: scope.actor.name,
    });
  });
  return getCycle(db, scope, cycle.id);
}
