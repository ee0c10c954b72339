import type { Scope } from '../../core/access/scope.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import type { GroupResult, SurveySection, TrendAnswer, TrendGroup } from './contract.ts';
import { MIN_GROUP_SIZE } from './labels.ts';
import { answerCounts, seriesRounds, surveyById } from './repo.ts';
import { isClosed } from './survey-state.ts';
import { groupResults, resultsPath } from './survey-results.ts';

/**
 * Trends across rounds (issue #19, "trends across years"): the surveys of
 * this one's series (same `series` key, by school year), for each school in
 * the caller's scope the answers and the means of this survey's sections
 * and 5-point questions in each round, a question matched by its id. Each
 * round is computed by groupResults, so a school under MIN_GROUP_SIZE
 * answers in a round shows null for that round (its other rounds still
 * show). A round whose scope the caller does not reach is left out. Without
 * a series, the survey alone.
 */
export async function surveyTrend(
  db: Db,
  scope: Scope,
  input: { surveyId: string; schoolId?: string | undefined },
): Promise<TrendAnswer> {
  scope.require('surveys.results');
  const survey = isUuid(input.surveyId) ? await surveyById(db, input.surveyId) : undefined;
  if (!survey) throw notFound('phiếu khảo sát');
  const path = await resultsPath(db, scope, survey.scope_path, input.schoolId);
  const rounds = survey.series
    ? (await seriesRounds(db, survey.series)).filter(
        (r) => path.startsWith(r.scope_path) || r.scope_path.startsWith(path),
      )
    : [{ ...survey }];
  const perRound: Map<string, GroupResult>[] = [];
  for (const r of rounds) {
    const groups = groupResults(
      r.sections as SurveySection[],
      await answerCounts(db, r.id, path),
      [],
    );
    perRound.push(new Map(groups.map((g) => [g.school.id, g])));
  }
  const schools = new Map<string, GroupResult['school']>();
  for (const m of perRound) for (const g of m.values()) schools.set(g.school.id, g.school);
  const sections = survey.sections as SurveySection[];
  const groups: TrendGroup[] = [...schools.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((school) => {
      const inRound = perRound.map((m) => {
        const g = m.get(school.id);
        return g && !g.suppressed ? g : null;
      });
      return {
        school,
        answers: inRound.map((g) => g?.answers ?? null),
        sections: sections.map((s) => ({
          id: s.id,
          title: s.title,
          means: inRound.map((g) => g?.sections.find((x) => x.id === s.id)?.mean ?? null),
          questions: s.questions
            .filter((q) => q.kind === 'scale5')
            .map((q) => ({
              id: q.id,
              text: q.text,
              means: inRound.map(
                (g) =>
                  g?.sections
                    .flatMap((x) => x.questions)
                    .find((x) => x.id === q.id && x.kind === 'scale5')?.mean ?? null,
              ),
            })),
        })),
      };
    });
  return {
    series: survey.series,
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      schoolYear: r.school_year,
      status: isClosed(r) ? 'closed' : r.status,
    })),
    minGroupSize: MIN_GROUP_SIZE,
    groups,
  };
}
