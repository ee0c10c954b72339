import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireCycle } from './access.ts';
import type { CycleDetail } from './contract.ts';
import { presentCycle, type CycleContent } from './present.ts';
import * as repo from './repo.ts';

/** Everything a cycle's page shows, with the levels computed from the ratings. */
export async function getCycle(db: Db, scope: Scope, cycleId: string): Promise<CycleDetail> {
  const { cycle, campaign, set } = await requireCycle(db, scope, cycleId, 'accreditation.read');
  return presentCycle(scope, cycle, campaign, set, await loadContent(db, cycleId));
}

export async function loadContent(db: Db, cycleId: string): Promise<CycleContent> {
  const [ratings, citations, members, evidence, texts, events, external] = await Promise.all([
    repo.ratings(db, cycleId),
    repo.citations(db, cycleId),
    repo.members(db, cycleId),
    repo.evidence(db, cycleId),
    repo.criterionTexts(db, cycleId),
    repo.events(db, cycleId),
    repo.externalRatings(db, cycleId),
  ]);
  return { ratings, citations, members, evidence, texts, events, external };
}
