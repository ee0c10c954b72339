import type { Scope } from '../../core/access/scope.ts';
import { notFound } from '../../core/errors.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import type { SurveySummary } from './contract.ts';
import { closeEndedRows, closeSurveyRow, countAnswers, surveyById } from './repo.ts';
import { surveyClosed, surveySummaryOf } from './survey-state.ts';

/**
 * Closes a survey: answers are refused from now on (the public form says it
 * has ended), codes are no longer issued, results stay. Only its owner may:
 * `surveys.manage` on the unit it was sent from or above (the department's
 * staff). The change is in the audit log (survey_form has a trigger).
 * Closing is final: the issue asks for no reopening, and a round reopened
 * after its results were read would mix two periods; a new round is a new
 * survey.
 */
export async function closeSurvey(db: Db, scope: Scope, id: string): Promise<SurveySummary> {
  const survey = isUuid(id) ? await surveyById(db, id) : undefined;
  if (!survey) throw notFound('phiếu khảo sát');
  await scope.requireUnit(db, survey.scope_unit_id, 'surveys.manage');
  const closedAt = await writeTransaction(db, scope.actor, (tx) => closeSurveyRow(tx, survey.id));
  if (!closedAt) throw surveyClosed(survey);
  return surveySummaryOf(
    { ...survey, status: 'closed', closed_at: closedAt },
    { id: survey.scope_unit_id, code: survey.scope_code, name: survey.scope_name },
    await countAnswers(db, survey.id),
  );
}

/** The nightly job's work: closes the open surveys whose last day is before `today`. */
export async function closeEndedSurveys(
  db: Db,
  today: string = todayInVietnam(),
): Promise<{ closed: number }> {
  const ids = await writeTransaction(db, systemActor('đóng khảo sát hết hạn'), (tx) =>
    closeEndedRows(tx, today),
  );
  return { closed: ids.length };
}
