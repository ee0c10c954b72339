import { randomUUID } from 'node:crypto';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { codeHash } from './codes.ts';
import type { AnswerBody, SurveySection } from './contract.ts';
import { codeUsed } from './open-form.ts';
import {
  codeByHash,
  insertAnswer,
  insertTexts,
  spendCode,
  surveyIsOpen,
  surveyById,
} from './repo.ts';
import { isClosed, surveyClosed } from './survey-state.ts';

/**
 * One family's answer, anonymous by design: the code is spent (one answer
 * per code) and the answer stored with its survey and school only — no code,
 * no time, a random id (not time-ordered) — and each free text apart from
 * it, pending review. Checked whole first: a bad answer changes nothing.
 */
export async function submitAnswer(db: Db, body: AnswerBody): Promise<{ accepted: true }> {
  const hash = codeHash(body.code);
  const c = await codeByHash(db, hash);
  if (!c) throw notFound('mã khảo sát này (hãy kiểm tra lại mã in trên phiếu)');
  if (c.survey_id !== body.surveyId)
    throw badRequest('Mã này thuộc một phiếu khảo sát khác: hãy mở phiếu bằng chính mã này.', [
      { path: 'body.code', message: 'Mã của phiếu khác' },
    ]);
  const survey = await surveyById(db, c.survey_id);
  if (!survey) throw notFound('phiếu khảo sát');
  if (isClosed(survey)) throw surveyClosed(survey);
  if (c.used) throw codeUsed();
  if (survey.status !== 'open') throw notFound('phiếu khảo sát đang mở cho mã này');
  const sections = survey.sections as SurveySection[];
  const questions = new Map(sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const errors: { path: string; message: string }[] = [];
  const scores: Record<string, number | string> = {};
  const texts: string[][] = [];
  for (const [id, value] of Object.entries(body.answers)) {
    const q = questions.get(id);
    if (!q) {
      errors.push({ path: `body.answers.${id}`, message: `Không có câu hỏi "${id}" trong phiếu` });
      continue;
    }
    if (q.kind === 'scale5') {
      if (typeof value !== 'number' || value < 1 || value > 5)
        errors.push({
          path: `body.answers.${id}`,
          message: `"${q.text}": chọn một mức từ 1 đến 5`,
        });
      else scores[id] = value;
    } else if (q.kind === 'choice') {
      if (typeof value !== 'string' || !q.choices?.includes(value))
        errors.push({
          path: `body.answers.${id}`,
          message: `"${q.text}": chọn một trong các lựa chọn`,
        });
      else scores[id] = value;
    } else if (typeof value === 'string' && value.trim()) {
      texts.push([id, normalizeText(value).slice(0, 2000)]);
    }
  }
  if (errors.length) throw badRequest('Phiếu trả lời chưa đúng.', errors);
  if (!Object.keys(scores).length && !texts.length)
    throw badRequest('Phiếu chưa có câu trả lời nào.');
  await writeTransaction(db, systemActor('trả lời khảo sát'), async (tx) => {
    // Closed meanwhile (the owner, or the nightly job): the row lock orders
    // this answer before or after the closing, never both.
    const now = await surveyIsOpen(tx, c.survey_id);
    if (now?.status !== 'open') throw surveyClosed({ ...survey, status: 'closed' });
    // Edited meanwhile (possible only while no answer exists): checked against another form.
    if (JSON.stringify(now.sections) !== JSON.stringify(survey.sections))
      throw conflict('Phiếu khảo sát vừa được sửa: hãy mở lại phiếu bằng mã và trả lời lại.');
    if (!(await spendCode(tx, hash, c.survey_id))) throw codeUsed();
    await insertAnswer(tx, {
      id: randomUUID(),
      survey_id: c.survey_id,
      school_id: c.school_id,
      scores: JSON.stringify(scores),
    });
    await insertTexts(
      tx,
      texts.map(([questionId, text]) => ({
        id: randomUUID(),
        survey_id: c.survey_id,
        school_id: c.school_id,
        question_id: questionId!,
        body: text!,
      })),
    );
  });
  return { accepted: true };
}
