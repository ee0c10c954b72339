import type { AllocationInstance, AllocationOptions, AllocationResult } from './types.ts';

/**
 * Student-proposing deferred acceptance over priorities
 * score − D × (rank − 1), many-to-one with quotas.
 *
 * Scores are discrete (hundredths, in practice 0.25 steps), so priorities are
 * too: each program's applicants are grouped into priority levels once (two
 * counting sorts), and a program keeps, per level, who it holds there. A
 * program only ever raises its lowest held level, so an application below it
 * is rejected on arrival in O(1), and a whole tie group leaves in one step.
 *
 * - admit-all: a level is a linked list; the lowest level leaves only while
 *   the others still fill the quota, so everyone tied with the last admitted
 *   stays.
 * - tiebreak: a level is a small binary heap ordered by tiebreak, then the
 *   lottery; over the quota, the worst of the lowest level leaves.
 *
 * Everything lives in typed arrays indexed by application: no object per
 * application, no comparator sort.
 */

/** xorshift32: the lottery's generator; one permutation for every program. */
export function lotteryOrder(count: number, seed: number): Int32Array {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  // Fisher–Yates over candidate numbers (ids in byte order), so that the
  // lottery does not depend on the order of input rows.
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = next() % (i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const place = new Int32Array(count);
  for (let i = 0; i < count; i++) place[order[i]!] = i;
  return place;
}

/** Applications ordered by (program, priority ascending), and each one's level. */
function groupLevels(
  appProgram: Int32Array,
  priority: Float64Array,
  programs: number,
): {
  order: Int32Array;
  appLevel: Int32Array;
  levelStart: Int32Array;
  levels: number;
  programFirstLevel: Int32Array;
} {
  const apps = appProgram.length;
  let min = Infinity;
  let max = -Infinity;
  for (let a = 0; a < apps; a++) {
    const v = priority[a]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Counting sort by priority, then a stable counting sort by program.
  let byPriority: Int32Array;
  const range = apps === 0 ? 0 : max - min + 1;
  if (range <= 1 << 24) {
    const count = new Int32Array(range + 1);
    for (let a = 0; a < apps; a++) count[priority[a]! - min + 1]!++;
    for (let i = 0; i < range; i++) count[i + 1] = count[i + 1]! + count[i]!;
    byPriority = new Int32Array(apps);
    for (let a = 0; a < apps; a++) byPriority[count[priority[a]! - min]!++] = a;
  } else {
    // Priorities spread wider than 16M hundredths (a huge D): a comparison sort.
    byPriority = Int32Array.from({ length: apps }, (_, a) => a).sort(
      (x, y) => priority[x]! - priority[y]!,
    );
  }
  const programCount = new Int32Array(programs + 1);
  for (let a = 0; a < apps; a++) programCount[appProgram[a]! + 1]!++;
  for (let p = 0; p < programs; p++) programCount[p + 1] = programCount[p + 1]! + programCount[p]!;
  const order = new Int32Array(apps);
  for (let i = 0; i < apps; i++) {
    const a = byPriority[i]!;
    order[programCount[appProgram[a]!]!++] = a;
  }
  const appLevel = new Int32Array(apps);
  const levelStartList = new Int32Array(apps + 1);
  const programFirstLevel = new Int32Array(programs + 1);
  let levels = 0;
  let previousProgram = -1;
  let previousPriority = NaN;
  for (let i = 0; i < apps; i++) {
    const a = order[i]!;
    const p = appProgram[a]!;
    if (p !== previousProgram || priority[a] !== previousPriority) {
      levelStartList[levels] = i;
      while (previousProgram < p) programFirstLevel[++previousProgram] = levels;
      levels++;
      previousPriority = priority[a]!;
    }
    appLevel[a] = levels - 1;
  }
  while (previousProgram < programs) programFirstLevel[++previousProgram] = levels;
  levelStartList[levels] = apps;
  return {
    order,
    appLevel,
    levelStart: levelStartList.subarray(0, levels + 1),
    levels,
    programFirstLevel,
  };
}

export function allocate(
  instance: AllocationInstance,
  options: AllocationOptions,
): AllocationResult {
  const started = performance.now();
  const { quotas, appStart, appProgram, appScore } = instance;
  const candidates = instance.candidateIds.length;
  const programs = quotas.length;
  const apps = appProgram.length;
  const strict = options.ties === 'tiebreak';
  const tiebreak = instance.appTiebreak;
  if (strict && candidates >= 1 << 22)
    throw new RangeError('tiebreak: at most 4,194,303 candidates per allocation');
  const penalty = options.rankPenalty;

  // Float64 holds every integer exactly up to 2^53: a large D times a deep rank cannot overflow.
  const priority = new Float64Array(apps);
  const owner = new Int32Array(apps);
  for (let c = 0; c < candidates; c++) {
    const start = appStart[c]!;
    const end = appStart[c + 1]!;
    for (let a = start; a < end; a++) {
      priority[a] = appScore[a]! - penalty * (a - start);
      owner[a] = c;
    }
  }
  const lottery = strict ? lotteryOrder(candidates, options.seed) : new Int32Array(0);
  const { appLevel, levelStart, levels, programFirstLevel } = groupLevels(
    appProgram,
    priority,
    programs,
  );

  const levelCount = new Int32Array(levels);
  // admit-all: a linked list per level. tiebreak: a heap per level in its own slice.
  const levelHead = new Int32Array(strict ? 0 : levels).fill(-1);
  const nextInLevel = new Int32Array(strict ? 0 : apps);
  const heap = new Int32Array(strict ? apps : 0);
  const size = new Int32Array(programs);
  const lowest = Int32Array.from(programFirstLevel.subarray(0, programs));

  // Within one level (equal priority) the order is tiebreak, then lottery:
  // folded into one exact float per application (higher is better), so a
  // heap comparison is a single array read. |tiebreak| < 2^31 hundredths and
  // fewer than 2^22 candidates keep it below 2^53.
  const tieKey = new Float64Array(strict ? apps : 0);
  if (strict) {
    for (let a = 0; a < apps; a++)
      tieKey[a] =
        (tiebreak ? tiebreak[a]! : 0) * candidates + (candidates - 1 - lottery[owner[a]!]!);
  }
  const worse = (x: number, y: number): boolean => tieKey[x]! < tieKey[y]!;
  const heapPush = (level: number, a: number) => {
    const base = levelStart[level]!;
    let i = levelCount[level]!++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pa = heap[base + parent]!;
      if (!worse(a, pa)) break;
      heap[base + i] = pa;
      i = parent;
    }
    heap[base + i] = a;
  };
  const heapPop = (level: number): number => {
    const base = levelStart[level]!;
    const top = heap[base]!;
    const n = --levelCount[level]!;
    if (n > 0) {
      const last = heap[base + n]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        let child = l;
        if (l + 1 < n && worse(heap[base + l + 1]!, heap[base + l]!)) child = l + 1;
        const ca = heap[base + child]!;
        if (!worse(ca, last)) break;
        heap[base + i] = ca;
        i = child;
      }
      heap[base + i] = last;
    }
    return top;
  };

  const next = new Int32Array(candidates);
  const free = new Int32Array(candidates);
  let freeCount = 0;
  for (let c = candidates - 1; c >= 0; c--) {
    next[c] = appStart[c]!;
    free[freeCount++] = c;
  }

  while (freeCount > 0) {
    const c = free[--freeCount]!;
    const a = next[c]!;
    if (a >= appStart[c + 1]!) continue; // list exhausted: unassigned
    next[c] = a + 1;
    const p = appProgram[a]!;
    const level = appLevel[a]!;
    if (level < lowest[p]!) {
      free[freeCount++] = c; // below a full program's lowest held level
      continue;
    }
    const quota = quotas[p]!;
    size[p]!++;
    if (strict) {
      heapPush(level, a);
      while (size[p]! > quota) {
        let m = lowest[p]!;
        while (levelCount[m] === 0) m++;
        lowest[p] = m;
        free[freeCount++] = owner[heapPop(m)]!;
        size[p]!--;
      }
    } else {
      nextInLevel[a] = levelHead[level]!;
      levelHead[level] = a;
      levelCount[level]!++;
      while (size[p]! > quota) {
        let m = lowest[p]!;
        while (levelCount[m] === 0) m++;
        lowest[p] = m;
        const group = levelCount[m]!;
        if (size[p]! - group < quota) break;
        for (let x = levelHead[m]!; x !== -1; x = nextInLevel[x]!) free[freeCount++] = owner[x]!;
        levelHead[m] = -1;
        levelCount[m] = 0;
        size[p] = size[p]! - group;
        lowest[p] = m + 1;
      }
    }
  }

  const assignedApp = new Int32Array(candidates).fill(-1);
  const admitted = new Int32Array(programs);
  const cutoff = new Float64Array(programs);
  const hasCutoff = new Uint8Array(programs);
  for (let p = 0; p < programs; p++) {
    admitted[p] = size[p]!;
    let found = false;
    for (let level = lowest[p]!; level < programFirstLevel[p + 1]!; level++) {
      const n = levelCount[level]!;
      if (n === 0) continue;
      if (!found) {
        found = true;
        hasCutoff[p] = 1;
      }
      if (strict) {
        const base = levelStart[level]!;
        for (let i = 0; i < n; i++) assignedApp[owner[heap[base + i]!]!] = heap[base + i]!;
      } else {
        for (let x = levelHead[level]!; x !== -1; x = nextInLevel[x]!) assignedApp[owner[x]!] = x;
      }
    }
    if (found) {
      let level = lowest[p]!;
      while (levelCount[level] === 0) level++;
      const base = levelStart[level]!;
      cutoff[p] = strict ? priority[heap[base]!]! : priority[levelHead[level]!]!;
    }
  }
  return {
    assignedApp,
    admitted,
    cutoff,
    hasCutoff,
    lottery,
    allocateMs: performance.now() - started,
  };
}
