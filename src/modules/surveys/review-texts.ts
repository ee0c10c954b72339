import type { Scope } from '../../core/access/scope.ts';
import { notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { setReview, surveyById, textSurvey, textsToReview } from './repo.ts';

/** Free texts awaiting review, for the survey's owner (the unit it was sent from, or above). */
export async function listPendingTexts(db: Db, scope: Scope, surveyId: string) {
  const survey = isUuid(surveyId) ? await surveyById(db, surveyId) : undefined;
  if (!survey) throw notFound('phiếu khảo sát');
  await scope.requireUnit(db, survey.scope_unit_id, 'surveys.review');
  const rows = await textsToReview(db, survey.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      school: r.school,
      questionId: r.question_id,
      body: r.body,
    })),
  };
}

/** Approve (the school sees it) or reject (it stays hidden) one free text. */
export async function reviewText(
  db: Db,
  scope: Scope,
  input: { id: string; decision: 'approved' | 'rejected' },
): Promise<null> {
  const t = isUuid(input.id) ? await textSurvey(db, input.id) : undefined;
  if (!t) throw notFound('ý kiến');
  const survey = await surveyById(db, t.survey_id);
  if (!survey) throw notFound('phiếu khảo sát');
  await scope.requireUnit(db, survey.scope_unit_id, 'surveys.review');
  await writeTransaction(db, scope.actor, (tx) => setReview(tx, input.id, input.decision));
  return null;
}
