import fc from 'fast-check';
import type { AllocationInstance } from './types.ts';

/** Small instances for tests: lists of (program, score in hundredths, tiebreak). */
export interface TinyInstance {
  quotas: number[];
  lists: { program: number; score: number; tiebreak: number }[][];
}

export function toInstance(tiny: TinyInstance): AllocationInstance {
  const candidateIds = tiny.lists.map((_, i) => `C${String(i).padStart(3, '0')}`);
  const appStart = new Int32Array(tiny.lists.length + 1);
  tiny.lists.forEach((l, i) => (appStart[i + 1] = appStart[i]! + l.length));
  const flat = tiny.lists.flat();
  return {
    programIds: tiny.quotas.map((_, p) => `P${p}`),
    quotas: Int32Array.from(tiny.quotas),
    candidateIds,
    appStart,
    appProgram: Int32Array.from(flat.map((a) => a.program)),
    appScore: Int32Array.from(flat.map((a) => a.score)),
    appTiebreak: Int32Array.from(flat.map((a) => a.tiebreak)),
  };
}

/** CSV texts for the same instance, rows in the given order. */
export function toCsv(
  tiny: TinyInstance,
  rowOrder?: number[],
): { programs: string; applications: string } {
  const rows: string[] = [];
  tiny.lists.forEach((list, c) =>
    list.forEach((a, k) =>
      rows.push(
        `C${String(c).padStart(3, '0')},${k + 1},P${a.program},${(a.score / 100).toFixed(2)},${(a.tiebreak / 100).toFixed(2)}`,
      ),
    ),
  );
  const ordered = rowOrder ? rowOrder.map((i) => rows[i]!) : rows;
  return {
    programs: ['program,quota', ...tiny.quotas.map((q, p) => `P${p},${q}`)].join('\n') + '\n',
    applications: ['candidate,rank,program,score,tiebreak', ...ordered].join('\n') + '\n',
  };
}

/**
 * Random instances with heavy ties: scores in 0.25 steps over a narrow range,
 * a few programs with small quotas, lists of distinct programs.
 */
export function tinyInstance(
  opts: { maxPrograms?: number; maxCandidates?: number; scoreSteps?: number } = {},
) {
  const maxPrograms = opts.maxPrograms ?? 4;
  const maxCandidates = opts.maxCandidates ?? 9;
  const steps = opts.scoreSteps ?? 8;
  return fc.integer({ min: 1, max: maxPrograms }).chain((programs) =>
    fc.record({
      quotas: fc.array(fc.integer({ min: 0, max: 3 }), {
        minLength: programs,
        maxLength: programs,
      }),
      lists: fc.array(
        fc
          .uniqueArray(fc.integer({ min: 0, max: programs - 1 }), {
            minLength: 1,
            maxLength: programs,
          })
          .chain((progs) =>
            fc.tuple(
              ...progs.map((program) =>
                fc.record({
                  program: fc.constant(program),
                  score: fc.integer({ min: 0, max: steps }).map((s) => 700 + s * 25),
                  tiebreak: fc.integer({ min: 0, max: 3 }).map((t) => t * 50),
                }),
              ),
            ),
          ),
        { minLength: 1, maxLength: maxCandidates },
      ),
    }),
  );
}
