/** The standard sets sogd ships, newest last (the department picks one per campaign). */
import { TT17_2018 } from './tt17-2018.ts';
import { TT18_2018 } from './tt18-2018.ts';
import { TT19_2018 } from './tt19-2018.ts';
import { TT57_2026 } from './tt57-2026.ts';
import type { SetCriterion, StandardSet } from './types.ts';

export const STANDARD_SETS: readonly StandardSet[] = [TT17_2018, TT18_2018, TT19_2018, TT57_2026];

export function findSet(id: string): StandardSet | undefined {
  return STANDARD_SETS.find((s) => s.id === id);
}

/** Every criterion of a set, in order. */
export function criteriaOf(set: StandardSet): SetCriterion[] {
  return set.standards.flatMap((s) => s.criteria);
}

export type * from './types.ts';
