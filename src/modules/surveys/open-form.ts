import { AppError, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { codeHash } from './codes.ts';
import type { PublicForm, SurveySection } from './contract.ts';
import { codeByHash, surveyById } from './repo.ts';

export const codeUsed = () =>
  new AppError(
    409,
    'Mã đã được dùng',
    'Mã khảo sát này đã được dùng để trả lời: mỗi mã chỉ trả lời một lần. Nếu gia đình chưa trả lời, hãy xin nhà trường mã khác.',
  );

/** The form a parent opens with a code (no account); a used code is refused. */
export async function openForm(db: Db, code: string): Promise<PublicForm> {
  const c = await codeByHash(db, codeHash(code));
  if (!c) throw notFound('mã khảo sát này (hãy kiểm tra lại mã in trên phiếu)');
  if (c.used) throw codeUsed();
  const survey = await surveyById(db, c.survey_id);
  if (!survey || survey.status !== 'open') throw notFound('phiếu khảo sát đang mở cho mã này');
  return {
    surveyId: survey.id,
    title: survey.title,
    schoolName: c.school_name,
    sections: survey.sections as SurveySection[],
  };
}
