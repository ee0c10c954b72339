import type { Scope } from '../../core/access/scope.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { checkForm } from './check-form.ts';
import type { CreateSurveyBody } from './contract.ts';
import { insertSurvey } from './repo.ts';

/**
 * A survey form sent to the parents of every school under `scopeUnitId`:
 * open at once, or a draft the form builder edits and opens later.
 */
export async function createSurvey(
  db: Db,
  scope: Scope,
  body: CreateSurveyBody,
): Promise<{ id: string }> {
  const unit = await scope.requireUnit(db, body.scopeUnitId, 'surveys.manage');
  checkForm(body.sections, body.endsOn);
  const id = uuidv7();
  await writeTransaction(db, scope.actor, (tx) =>
    insertSurvey(tx, {
      id,
      title: body.title,
      school_year: body.schoolYear,
      scope_unit_id: unit.id,
      sections: JSON.stringify(body.sections),
      status: body.draft ? 'draft' : 'open',
      ends_on: body.endsOn ?? null,
      series: body.series ?? null,
      created_by: scope.actor.name,
    }),
  );
  return { id };
}
