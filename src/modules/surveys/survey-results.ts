import type { Scope } from '../../core/access/scope.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import type { GroupResult, ResultsAnswer, SurveySection } from './contract.ts';
import { MIN_GROUP_SIZE } from './labels.ts';
import { answerCounts, approvedTexts, surveyById } from './repo.ts';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Results per school in the caller's scope (or one school): counts,
 * distributions and means per question and per section (teaching, school
 * environment, facilities…). A school with fewer than MIN_GROUP_SIZE answers
 * shows nothing, not even its count. Free texts appear only once approved.
 */
export async function surveyResults(
  db: Db,
  scope: Scope,
  input: { surveyId: string; schoolId?: string | undefined },
): Promise<ResultsAnswer> {
  scope.require('surveys.results');
  const survey = isUuid(input.surveyId) ? await surveyById(db, input.surveyId) : undefined;
  if (!survey) throw notFound('phiếu khảo sát');
  let path = scope.user.orgPath;
  if (input.schoolId) path = (await scope.requireUnit(db, input.schoolId, 'surveys.results')).path;
  // A survey sent above the caller is seen for its own subtree; one sent elsewhere not at all.
  if (!path.startsWith(survey.scope_path) && !survey.scope_path.startsWith(path)) throw forbidden();
  const sections = survey.sections as SurveySection[];
  const { rows, totals } = await answerCounts(db, survey.id, path);
  const texts = await approvedTexts(db, survey.id, path);
  const groups: GroupResult[] = totals.map((t) => {
    const n = Number(t.n);
    const school = { id: t.school_id, code: t.code, name: t.name };
    if (n < MIN_GROUP_SIZE) return { school, answers: null, suppressed: true, sections: [] };
    const mine = rows.filter((r) => r.school_id === t.school_id);
    return {
      school,
      answers: n,
      suppressed: false,
      sections: sections.map((s) => {
        const questions = s.questions.map((q) => {
          const counts = mine.filter((r) => r.question === q.id);
          const of = (v: string) => Number(counts.find((c) => c.value === v)?.n ?? 0);
          const distribution =
            q.kind === 'scale5'
              ? [1, 2, 3, 4, 5].map((v) => of(String(v)))
              : q.kind === 'choice'
                ? (q.choices ?? []).map(of)
                : [];
          const answered = distribution.reduce((a, b) => a + b, 0);
          const mean =
            q.kind === 'scale5' && answered
              ? round2(distribution.reduce((a, c, i) => a + c * (i + 1), 0) / answered)
              : null;
          return {
            id: q.id,
            kind: q.kind,
            text: q.text,
            answered: q.kind === 'text' ? 0 : answered,
            distribution,
            mean,
            texts: texts
              .filter((x) => x.school_id === t.school_id && x.question_id === q.id)
              .map((x) => x.body),
          };
        });
        const means = questions.filter((q) => q.mean !== null).map((q) => q.mean!);
        return {
          id: s.id,
          title: s.title,
          mean: means.length ? round2(means.reduce((a, b) => a + b, 0) / means.length) : null,
          questions,
        };
      }),
    };
  });
  return {
    survey: {
      id: survey.id,
      title: survey.title,
      schoolYear: survey.school_year,
      scope: { id: survey.scope_unit_id, code: survey.scope_code, name: survey.scope_name },
      status: survey.status,
      answers: totals.reduce((a, t) => a + Number(t.n), 0),
    },
    minGroupSize: MIN_GROUP_SIZE,
    groups,
  };
}
