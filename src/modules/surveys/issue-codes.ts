import type { Scope } from '../../core/access/scope.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { codeHash, newCode } from './codes.ts';
import type { IssueCodesBody } from './contract.ts';
import { insertCodes, schoolUnit, surveyById } from './repo.ts';
import { isClosed } from './survey-state.ts';

/**
 * Codes for one class (or a school's families): shown once, stored only as
 * hashes with the school and class. Which family gets which slip is the
 * school's paper matter; nothing here records it.
 */
export async function issueCodes(
  db: Db,
  scope: Scope,
  input: { surveyId: string } & IssueCodesBody,
) {
  const school = await scope.requireUnit(db, input.schoolId, 'surveys.codes');
  const survey = isUuid(input.surveyId) ? await surveyById(db, input.surveyId) : undefined;
  if (!survey) throw notFound('phiếu khảo sát');
  const unit = await schoolUnit(db, school.id);
  if (!unit || unit.kind !== 'school') throw badRequest('Mã khảo sát chỉ cấp cho trường học.');
  if (!unit.path.startsWith(survey.scope_path))
    throw badRequest(`Trường ${unit.name} không thuộc phạm vi của phiếu khảo sát này.`);
  if (isClosed(survey)) throw badRequest('Phiếu khảo sát đã kết thúc: không cấp thêm mã trả lời.');
  if (survey.status !== 'open') throw badRequest('Phiếu khảo sát chưa mở.');
  const codes = new Set<string>();
  while (codes.size < input.count) codes.add(newCode());
  await writeTransaction(db, scope.actor, (tx) =>
    insertCodes(
      tx,
      [...codes].map((c) => ({
        code_hash: codeHash(c),
        survey_id: survey.id,
        school_id: unit.id,
        class_name: input.className ?? null,
      })),
    ),
  );
  return {
    surveyId: survey.id,
    school: { id: unit.id, code: unit.code, name: unit.name },
    className: input.className ?? null,
    codes: [...codes],
  };
}
