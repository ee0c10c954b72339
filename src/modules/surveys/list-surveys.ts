import type { Scope } from '../../core/access/scope.ts';
import { forbidden } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { SurveySummary } from './contract.ts';
import { surveysNear } from './repo.ts';
import { answersFor, surveySummaryOf } from './survey-state.ts';

/** The surveys that reach the caller's unit (sent above it) or were sent inside its subtree. */
export async function listSurveys(db: Db, scope: Scope): Promise<{ items: SurveySummary[] }> {
  if (!scope.can('surveys.results') && !scope.can('surveys.codes') && !scope.can('surveys.manage'))
    throw forbidden();
  // A draft is the department's work in progress: shown to those who build forms only.
  const rows = (await surveysNear(db, scope.user.orgPath)).filter(
    (r) => r.status !== 'draft' || scope.can('surveys.manage'),
  );
  return {
    items: rows.map((r) =>
      surveySummaryOf(
        r,
        { id: r.scope_id, code: r.scope_code, name: r.scope_name },
        answersFor(scope, r.scope_path, Number(r.answers ?? 0)),
      ),
    ),
  };
}
