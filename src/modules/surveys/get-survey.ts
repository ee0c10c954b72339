import type { Scope } from '../../core/access/scope.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import type { SurveyDetail, SurveySection } from './contract.ts';
import { countAnswers, surveyById } from './repo.ts';
import { answersFor, surveySummaryOf } from './survey-state.ts';

/** A survey's form, for the units it reaches and the one that sent it. */
export async function getSurvey(db: Db, scope: Scope, id: string): Promise<SurveyDetail> {
  const s = isUuid(id) ? await surveyById(db, id) : undefined;
  if (!s || (s.status === 'draft' && !scope.can('surveys.manage')))
    throw notFound('phiếu khảo sát');
  const path = scope.user.orgPath;
  if (!path.startsWith(s.scope_path) && !s.scope_path.startsWith(path)) throw forbidden();
  return {
    ...surveySummaryOf(
      s,
      { id: s.scope_unit_id, code: s.scope_code, name: s.scope_name },
      answersFor(scope, s.scope_path, await countAnswers(db, s.id)),
    ),
    sections: s.sections as SurveySection[],
    version: s.version,
  };
}
