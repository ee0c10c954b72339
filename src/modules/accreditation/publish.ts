/**
 * Publication of the self-assessment's result (issue #18 item 1: "write the
 * report, publish it"): the step "công bố báo cáo tự đánh giá" of the
 * self-assessment process (TT 17/2018, TT 18/2018 Chương III Mục 1; CV
 * 5932/BGDĐT-QLCL) and the school's duty to make its quality-assurance
 * results public (công khai: TT 09/2024/TT-BGDĐT, which replaced TT 36/2017 —
 * the article is not checked against the official text). The principal
 * publishes what the ratings give now: the school's level with its reasons and
 * every criterion's level, frozen at that moment; anyone may read the
 * published result by the school's code, with the recognition decision once
 * there is one. Publishing again replaces it; withdrawing hides it.
 */
import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { requireCycle } from './access.ts';
import type { CycleDetail, PublicResult, PublishBody, PublishedSummary } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { compareCodes } from './present.ts';
import {
  insertPublication,
  lockCycle,
  publishedResults,
  ratings,
  withdrawPublications,
} from './repo.ts';
import { criteriaOf } from './sets/index.ts';

export async function publishResult(
  db: Db,
  scope: Scope,
  input: { cycleId: string; body: PublishBody },
): Promise<CycleDetail> {
  const { cycle, set } = await requireCycle(db, scope, input.cycleId, 'accreditation.submit');
  // As for submission: a result is published once every criterion has been rated.
  const rated = new Set(
    (await ratings(db, cycle.id)).map((r) => r.requirement_code.split('.M')[0]),
  );
  const unrated = criteriaOf(set)
    .map((c) => c.code)
    .filter((c) => !rated.has(c))
    .sort(compareCodes);
  if (unrated.length)
    throw badRequest(
      `Chưa công bố được: còn ${unrated.length} tiêu chí chưa đánh giá (${unrated.slice(0, 10).join(', ')}${unrated.length > 10 ? ', …' : ''}).`,
    );
  const detail = await getCycle(db, scope, cycle.id);
  const summary: PublishedSummary = {
    campaign: detail.campaign.name,
    set: detail.campaign.set.name,
    schoolYear: detail.campaign.schoolYear,
    level: detail.evaluation.level,
    reasons: detail.evaluation.reasons,
    criteria: detail.standards.flatMap((s) =>
      s.criteria.map((c) => ({ code: c.code, name: c.name, level: c.level })),
    ),
  };
  await writeTransaction(db, scope.actor, async (tx) => {
    const locked = await lockCycle(tx, cycle.id);
    await withdrawPublications(tx, cycle.id, scope.actor.name);
    await insertPublication(tx, {
      id: uuidv7(),
      cycle_id: cycle.id,
      school_id: cycle.school_id,
      cycle_version: locked!.version,
      note: input.body.note.trim(),
      summary: JSON.stringify(summary),
      published_by: scope.actor.name,
    });
  });
  return getCycle(db, scope, cycle.id);
}

export async function withdrawResult(db: Db, scope: Scope, cycleId: string): Promise<CycleDetail> {
  const { cycle } = await requireCycle(db, scope, cycleId, 'accreditation.submit');
  await writeTransaction(db, scope.actor, async (tx) => {
    await lockCycle(tx, cycle.id);
    if (!(await withdrawPublications(tx, cycle.id, scope.actor.name)))
      throw conflict('Kết quả tự đánh giá chưa được công bố: không có gì để rút.');
  });
  return getCycle(db, scope, cycle.id);
}

/** Public: a school's published results by its code (no account, no personal data). */
export async function listPublicResults(
  db: Db,
  input: { schoolCode: string },
): Promise<PublicResult[]> {
  const code = input.schoolCode.trim();
  if (!code)
    throw badRequest('Hãy nhập mã trường.', [{ path: 'schoolCode', message: 'Cần mã trường.' }]);
  const rows = await publishedResults(db, code);
  return rows.map((r) => ({
    school: { code: r.code, name: r.name },
    summary: r.summary as PublishedSummary,
    note: r.note,
    publishedAt: r.published_at.toISOString(),
    recognition:
      r.decision !== null
        ? {
            accreditationLevel: r.accreditation_level!,
            nationalStandardLevel: r.national_standard_level!,
            decision: r.decision,
            decidedOn: r.decided_on!,
            validUntil: r.valid_until!,
          }
        : null,
  }));
}
