import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireCycle } from './access.ts';
import type { CycleDetail } from './contract.ts';
import { levelFourOf } from './level-four-list.ts';
import { presentCycle, type CycleContent } from './present.ts';
import * as repo from './repo.ts';
import { lastThreeYears } from './years.ts';

/** Everything a cycle's page shows, with the levels computed from the ratings. */
export async function getCycle(db: Db, scope: Scope, cycleId: string): Promise<CycleDetail> {
  const { cycle, campaign, set } = await requireCycle(db, scope, cycleId, 'accreditation.read');
  const content = await loadContent(db, cycleId);
  if (!cycle.frozen_data) {
    const years = lastThreeYears(campaign.school_year);
    content.liveFigures = { years, ...(await repo.schoolFigures(db, cycle.school_id, years)) };
  }
  content.levelFour = await levelFourOf(db, set);
  return presentCycle(scope, cycle, campaign, set, content);
}

export async function loadContent(db: Db, cycleId: string): Promise<CycleContent> {
  const [
    ratings,
    citations,
    members,
    evidence,
    texts,
    events,
    external,
    plan,
    comments,
    analyses,
    analysisEvidence,
    publication,
    externalFour,
  ] = await Promise.all([
    repo.ratings(db, cycleId),
    repo.citations(db, cycleId),
    repo.members(db, cycleId),
    repo.evidence(db, cycleId),
    repo.criterionTexts(db, cycleId),
    repo.events(db, cycleId),
    repo.externalRatings(db, cycleId),
    repo.planTasks(db, cycleId),
    repo.comments(db, cycleId),
    repo.analyses(db, cycleId),
    repo.analysisEvidence(db, cycleId),
    repo.activePublication(db, cycleId),
    repo.externalLevelFour(db, cycleId),
  ]);
  return {
    ratings,
    citations,
    members,
    evidence,
    texts,
    events,
    external,
    externalFour,
    plan,
    comments,
    analyses,
    analysisEvidence,
    publication: publication ?? null,
    liveFigures: null,
    levelFour: null,
  };
}
