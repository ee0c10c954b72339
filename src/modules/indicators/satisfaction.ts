/**
 * Parents' satisfaction on the dashboard (issue #19 point 6: "a link into
 * the indicators dashboard"; seed 004: collect parents' feedback about
 * schools). Read from the view the surveys module publishes, so that the
 * minimum group of 10 answers (survey_school_result_v) holds here too: a
 * school with fewer answers is absent, and the unit's mean is over the
 * schools shown only, weighted by their answers — a total over all schools
 * would let a hidden school's answers be worked out.
 */
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { SatisfactionAnswer } from './contract.ts';
import { brief, drillUnit } from './drill.ts';
import { surveyResultsUnder } from './repo.ts';

export async function parentSatisfaction(
  db: Db,
  scope: Scope,
  input: { year: string; unitId?: string | undefined },
): Promise<SatisfactionAnswer> {
  const { unit } = await drillUnit(db, scope, input.unitId);
  const rows = await surveyResultsUnder(db, unit.path, input.year);
  const surveys = new Map<string, SatisfactionAnswer['surveys'][number]>();
  for (const r of rows) {
    let survey = surveys.get(r.survey_id);
    if (!survey) {
      survey = {
        surveyId: r.survey_id,
        title: r.title,
        status: r.status,
        meanScore: null,
        answers: 0,
        schools: [],
      };
      surveys.set(r.survey_id, survey);
    }
    survey.answers += r.answers;
    survey.schools.push({
      school: { id: r.school_id, code: r.school_code, name: r.school_name, kind: r.school_kind },
      answers: r.answers,
      meanScore: r.mean_score,
    });
  }
  for (const survey of surveys.values()) {
    const scored = survey.schools.filter((school) => school.meanScore !== null);
    const answers = scored.reduce((sum, school) => sum + school.answers, 0);
    const weighted = scored.reduce((sum, school) => sum + school.meanScore! * school.answers, 0);
    // Rounded only here, for display, never in the sums (issue #16, "Correctness").
    survey.meanScore = answers ? Math.round((weighted / answers) * 100) / 100 : null;
  }
  return { year: input.year, unit: brief(unit), surveys: [...surveys.values()] };
}
