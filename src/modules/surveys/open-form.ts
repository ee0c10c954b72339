import { AppError, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { codeHash } from './codes.ts';
import type { PublicForm, SurveySection } from './contract.ts';
import { codeByHash, surveyById } from './repo.ts';
import { isClosed, surveyClosed } from './survey-state.ts';

export const codeUsed = () =>
  new AppError(
    409,
    'Mã đã được dùng',
    'Mã khảo sát này đã được dùng để trả lời: mỗi mã chỉ trả lời một lần. Nếu gia đình chưa trả lời, hãy xin nhà trường mã khác.',
  );

/**
 * The form a parent opens with a code (no account); a used code is refused,
 * and so is a code of a closed survey (409 saying since when it has ended).
 */
export async function openForm(db: Db, code: string): Promise<PublicForm> {
  const c = await codeByHash(db, codeHash(code));
  if (!c) throw notFound('mã khảo sát này (hãy kiểm tra lại mã in trên phiếu)');
  const survey = await surveyById(db, c.survey_id);
  if (survey && isClosed(survey)) throw surveyClosed(survey);
  if (c.used) throw codeUsed();
  if (!survey || survey.status !== 'open') throw notFound('phiếu khảo sát đang mở cho mã này');
  return {
    surveyId: survey.id,
    title: survey.title,
    schoolName: c.school_name,
    sections: survey.sections as SurveySection[],
  };
}
