import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import type { CreateSurveyBody } from './contract.ts';
import { insertSurvey } from './repo.ts';

/** A survey form sent to the parents of every school under `scopeUnitId`, open at once. */
export async function createSurvey(
  db: Db,
  scope: Scope,
  body: CreateSurveyBody,
): Promise<{ id: string }> {
  const unit = await scope.requireUnit(db, body.scopeUnitId, 'surveys.manage');
  const ids = body.sections.flatMap((s) => s.questions.map((q) => q.id));
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw badRequest(`Mã câu hỏi "${twice}" dùng hai lần: mỗi câu hỏi cần một mã riêng.`);
  const id = uuidv7();
  await writeTransaction(db, scope.actor, (tx) =>
    insertSurvey(tx, {
      id,
      title: body.title,
      school_year: body.schoolYear,
      scope_unit_id: unit.id,
      sections: JSON.stringify(body.sections),
      status: 'open',
      created_by: scope.actor.name,
    }),
  );
  return { id };
}
