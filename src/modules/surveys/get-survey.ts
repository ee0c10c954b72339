import type { Scope } from '../../core/access/scope.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import type { SurveyDetail, SurveySection } from './contract.ts';
import { countAnswers, surveyById } from './repo.ts';

/** A survey's form, for the units it reaches and the one that sent it. */
export async function getSurvey(db: Db, scope: Scope, id: string): Promise<SurveyDetail> {
  const s = isUuid(id) ? await surveyById(db, id) : undefined;
  if (!s) throw notFound('phiếu khảo sát');
  const path = scope.user.orgPath;
  if (!path.startsWith(s.scope_path) && !s.scope_path.startsWith(path)) throw forbidden();
  return {
    id: s.id,
    title: s.title,
    schoolYear: s.school_year,
    scope: { id: s.scope_unit_id, code: s.scope_code, name: s.scope_name },
    status: s.status,
    answers: await countAnswers(db, s.id),
    sections: s.sections as SurveySection[],
  };
}
