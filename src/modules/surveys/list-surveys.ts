import type { Scope } from '../../core/access/scope.ts';
import { forbidden } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { SurveySummary } from './contract.ts';
import { surveysNear } from './repo.ts';

/** The surveys that reach the caller's unit (sent above it) or were sent inside its subtree. */
export async function listSurveys(db: Db, scope: Scope): Promise<{ items: SurveySummary[] }> {
  if (!scope.can('surveys.results') && !scope.can('surveys.codes') && !scope.can('surveys.manage'))
    throw forbidden();
  const rows = await surveysNear(db, scope.user.orgPath);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      schoolYear: r.school_year,
      scope: { id: r.scope_id, code: r.scope_code, name: r.scope_name },
      status: r.status,
      answers: Number(r.answers ?? 0),
    })),
  };
}
