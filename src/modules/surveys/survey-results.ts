import type { Scope } from '../../core/access/scope.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import type { GroupResult, ResultsAnswer, SurveySection } from './contract.ts';
import { MIN_GROUP_SIZE } from './labels.ts';
import { answerCounts, approvedTexts, surveyById } from './repo.ts';
import { surveySummaryOf } from './survey-state.ts';

const round2 = (n: number) => Math.round(n * 100) / 100;

type Counts = Awaited<ReturnType<typeof answerCounts>>;
type Texts = Awaited<ReturnType<typeof approvedTexts>>;

/**
 * The subtree of the caller (or of one school in it) whose results a survey
 * shows: a survey sent above the caller is seen for its own subtree, one
 * sent elsewhere not at all (403).
 */
export async function resultsPath(
  db: Db,
  scope: Scope,
  surveyScopePath: string,
  schoolId: string | undefined,
): Promise<string> {
  scope.require('surveys.results');
  let path = scope.user.orgPath;
  if (schoolId) path = (await scope.requireUnit(db, schoolId, 'surveys.results')).path;
  if (!path.startsWith(surveyScopePath) && !surveyScopePath.startsWith(path)) throw forbidden();
  return path;
}

/**
 * Per school: counts, distributions and means per question and per section.
 * A school with fewer than MIN_GROUP_SIZE answers shows nothing, not even
 * its count: the one place this rule is applied (results, export, trends).
 */
export function groupResults(
  sections: SurveySection[],
  { rows, totals }: Counts,
  texts: Texts,
): GroupResult[] {
  return totals.map((t) => {
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
            choices: q.kind === 'choice' ? (q.choices ?? []) : [],
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
}

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
  const path = await resultsPath(db, scope, survey.scope_path, input.schoolId);
  const sections = survey.sections as SurveySection[];
  const groups = groupResults(
    sections,
    await answerCounts(db, survey.id, path),
    await approvedTexts(db, survey.id, path),
  );
  return {
    // The total counts only the groups shown: a hidden school's count is not
    // to be read off the difference.
    survey: surveySummaryOf(
      survey,
      { id: survey.scope_unit_id, code: survey.scope_code, name: survey.scope_name },
      groups.reduce((a, g) => a + (g.answers ?? 0), 0),
    ),
    minGroupSize: MIN_GROUP_SIZE,
    groups,
  };
}
