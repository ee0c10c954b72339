import type { Scope } from '../../core/access/scope.ts';
import { conflict, notFound } from '../../core/errors.ts';
import { checkVersion } from '../../core/versions.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { formatVietnameseNumber } from '../../lib/numbers.ts';
import { checkForm } from './check-form.ts';
import type { EditSurveyBody, SurveyDetail } from './contract.ts';
import { getSurvey } from './get-survey.ts';
import { countAnswers, lockSurvey, surveyById, updateSurvey } from './repo.ts';
import { isClosed, surveyClosed } from './survey-state.ts';

async function ownSurvey(db: Db, scope: Scope, id: string) {
  const survey = isUuid(id) ? await surveyById(db, id) : undefined;
  if (!survey) throw notFound('phiếu khảo sát');
  await scope.requireUnit(db, survey.scope_unit_id, 'surveys.manage');
  if (isClosed(survey)) throw surveyClosed(survey);
  return survey;
}

/**
 * The form builder's save (the owner: `surveys.manage` on the unit it was
 * sent from or above). The questions are **frozen once an answer exists**:
 * the answers hold scores by question id, and a changed question would
 * count them for another one. The row is locked and the answers counted in
 * the same transaction, so an answer and an edit never cross (an answer
 * checked against the old form is refused, submit-answer.ts).
 */
export async function editSurvey(
  db: Db,
  scope: Scope,
  input: { id: string } & EditSurveyBody,
): Promise<SurveyDetail> {
  const survey = await ownSurvey(db, scope, input.id);
  checkForm(input.sections, input.endsOn);
  await writeTransaction(db, scope.actor, async (tx) => {
    const row = await lockSurvey(tx, survey.id);
    if (!row || row.status === 'closed') throw surveyClosed(survey);
    // Two editors of one draft: the second save is refused, not written over the first.
    checkVersion(`Phiếu khảo sát "${survey.title}"`, input.version, row.version);
    const answers = await countAnswers(tx, survey.id);
    if (answers > 0)
      throw conflict(
        `Phiếu đã có ${formatVietnameseNumber(answers)} phiếu trả lời: không sửa được nữa (các câu trả lời đã tính theo câu hỏi hiện có). Hãy đóng phiếu và tạo đợt mới nếu cần hỏi khác.`,
      );
    await updateSurvey(tx, survey.id, {
      title: input.title,
      school_year: input.schoolYear,
      sections: JSON.stringify(input.sections),
      ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
      ...(input.series !== undefined ? { series: input.series } : {}),
    });
  });
  return getSurvey(db, scope, survey.id);
}

/** Opens a draft: parents may answer from now on, schools may issue codes. */
export async function openSurvey(db: Db, scope: Scope, id: string): Promise<SurveyDetail> {
  const survey = await ownSurvey(db, scope, id);
  if (survey.status !== 'draft') throw conflict('Phiếu khảo sát đã mở.');
  await writeTransaction(db, scope.actor, (tx) => updateSurvey(tx, survey.id, { status: 'open' }));
  return getSurvey(db, scope, survey.id);
}
