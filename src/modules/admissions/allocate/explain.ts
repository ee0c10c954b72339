import type { AllocationInstance, AllocationOptions, AllocationResult } from './types.ts';

/**
 * Why each candidate got what they got. For a program: its cutoff and the
 * score a candidate needed at each rank (cutoff + D × (rank − 1)). For a
 * candidate: every preference above the one obtained, with that program's
 * cutoff against their priority there.
 */

export interface ProgramExplanation {
  program: number;
  /** Lowest admitted priority (hundredths), or null when nobody was admitted. */
  cutoff: number | null;
  /** True when the program filled its quota; otherwise any applicant got in. */
  full: boolean;
  /** neededByRank[k-1]: the score needed when listing it at rank k (hundredths). */
  neededByRank: number[];
}

export type MissReason = 'below_cutoff' | 'lost_tiebreak';

export interface CandidateMiss {
  candidate: number;
  rank: number;
  program: number;
  score: number;
  priority: number;
  cutoff: number;
  /** cutoff + D × (rank − 1): the score that rank needed. */
  needed: number;
  reason: MissReason;
}

export function explainPrograms(
  instance: AllocationInstance,
  result: AllocationResult,
  options: AllocationOptions,
  maxRank = maxListLength(instance),
): ProgramExplanation[] {
  return instance.programIds.map((_, p) => {
    const has = result.hasCutoff[p] === 1;
    const cutoff = has ? result.cutoff[p]! : null;
    return {
      program: p,
      cutoff,
      full: result.admitted[p]! >= instance.quotas[p]!,
      neededByRank:
        cutoff === null
          ? []
          : Array.from({ length: maxRank }, (_, k) => cutoff + options.rankPenalty * k),
    };
  });
}

export function maxListLength(instance: AllocationInstance): number {
  let max = 0;
  for (let c = 0; c < instance.candidateIds.length; c++)
    max = Math.max(max, instance.appStart[c + 1]! - instance.appStart[c]!);
  return max;
}

/** Calls `each` for every preference a candidate ranked above their result. */
export function forEachMiss(
  instance: AllocationInstance,
  result: AllocationResult,
  options: AllocationOptions,
  each: (miss: CandidateMiss) => void,
): void {
  const { appStart, appProgram, appScore } = instance;
  for (let c = 0; c < instance.candidateIds.length; c++) {
    const start = appStart[c]!;
    const got = result.assignedApp[c]!;
    const end = got === -1 ? appStart[c + 1]! : got;
    for (let a = start; a < end; a++) {
      const p = appProgram[a]!;
      const rank = a - start + 1;
      const priority = appScore[a]! - options.rankPenalty * (rank - 1);
      // A program a candidate proposed to and was refused by is full, so it has a cutoff.
      const cutoff = result.cutoff[p]!;
      each({
        candidate: c,
        rank,
        program: p,
        score: appScore[a]!,
        priority,
        cutoff,
        needed: cutoff + options.rankPenalty * (rank - 1),
        reason: priority < cutoff ? 'below_cutoff' : 'lost_tiebreak',
      });
    }
  }
}
