/**
 * Admissions allocation: candidates with ranked preferences, programs with
 * quotas (docs/formats/admissions-allocation.md). Scores are exact
 * hundredths held in integers; never binary floating point.
 */

export type TiePolicy = 'admit-all' | 'tiebreak';

/** A whole instance in flat typed arrays: no object per application. */
export interface AllocationInstance {
  programIds: string[];
  quotas: Int32Array;
  /** Candidate ids, sorted by byte order (index = candidate number). */
  candidateIds: string[];
  /** Candidate c's applications are appStart[c] .. appStart[c+1]-1, in rank order. */
  appStart: Int32Array;
  appProgram: Int32Array;
  /** Score in hundredths. */
  appScore: Int32Array;
  /** Tiebreak in hundredths, when the column was given. */
  appTiebreak: Int32Array | null;
}

export interface AllocationOptions {
  /** D: points (in hundredths) a candidate needs more at each lower rank. */
  rankPenalty: number;
  ties: TiePolicy;
  /** Seed of the lottery that breaks remaining ties (tiebreak policy). */
  seed: number;
}

export interface AllocationResult {
  /** Per candidate: the application index obtained, or -1. */
  assignedApp: Int32Array;
  /** Per program: admitted count and the lowest admitted priority (hundredths). */
  admitted: Int32Array;
  cutoff: Float64Array;
  /** Per program: whether anybody was admitted (cutoff is meaningless otherwise). */
  hasCutoff: Uint8Array;
  /** Candidate c's place in the lottery (0 = first), used with the tiebreak policy. */
  lottery: Int32Array;
  allocateMs: number;
}

export class AllocationInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
  }
}

/** Hundredths → "27.50", "-3.25". */
export function formatHundredths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
