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
 * - tiebreak: applications are pre-ordered by tiebreak, then lottery, so
 *   each one has a fixed slot inside its level (best first); a level is a
 *   bitset over its slots. Over the quota, the highest held slot of the
 *   lowest level leaves; a full program rejects on arrival anything below it.
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

/**
 * Applications ordered by (program, priority ascending), ties kept in
 * `preOrder` (when given), and each one's level.
 */
function groupLevels(
  appProgram: Int32Array,
  priority: Float64Array,
  programs: number,
  preOrder: Int32Array | null,
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
    for (let i = 0; i < apps; i++) {
      const a = preOrder ? preOrder[i]! : i;
      byPriority[count[priority[a]! - min]!++] = a;
    }
  } else {
    // Priorities spread wider than 16M hundredths (a huge D): a (stable) comparison sort.
    byPriority = (
      preOrder ? Int32Array.from(preOrder) : Int32Array.from({ length: apps }, (_, a) => a)
    ).sort((x, y) => priority[x]! - priority[y]!);
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

/**
 * Applications best first for the tiebreak policy: higher tiebreak first,
 * then the candidate's lottery place. Two linear passes when the tiebreak
 * values span at most 16M hundredths.
 */
function tieOrder(
  appStart: Int32Array,
  tiebreak: Int32Array | null,
  lottery: Int32Array,
): Int32Array {
  const candidates = lottery.length;
  const apps = appStart[candidates] ?? 0;
  const byPlace = new Int32Array(candidates);
  for (let c = 0; c < candidates; c++) byPlace[lottery[c]!] = c;
  const byLottery = new Int32Array(apps);
  let k = 0;
  for (let i = 0; i < candidates; i++) {
    const c = byPlace[i]!;
    for (let a = appStart[c]!; a < appStart[c + 1]!; a++) byLottery[k++] = a;
  }
  if (!tiebreak || apps === 0) return byLottery;
  let min = Infinity;
  let max = -Infinity;
  for (let a = 0; a < apps; a++) {
    const v = tiebreak[a]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min + 1;
  if (range > 1 << 24) return byLottery.sort((x, y) => tiebreak[y]! - tiebreak[x]!); // stable: lottery kept
  // Stable counting sort, descending tiebreak.
  const count = new Int32Array(range + 1);
  for (let a = 0; a < apps; a++) count[max - tiebreak[a]! + 1]!++;
  for (let i = 0; i < range; i++) count[i + 1] = count[i + 1]! + count[i]!;
  const order = new Int32Array(apps);
  for (let i = 0; i < apps; i++) {
    const a = byLottery[i]!;
    order[count[max - tiebreak[a]!]!++] = a;
  }
  return order;
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
  const { order, appLevel, levelStart, levels, programFirstLevel } = groupLevels(
    appProgram,
    priority,
    programs,
    strict ? tieOrder(appStart, instance.appTiebreak, lottery) : null,
  );

  const levelCount = new Int32Array(levels);
  const size = new Int32Array(programs);
  const lowest = Int32Array.from(programFirstLevel.subarray(0, programs));
  // admit-all: a linked list per level.
  const levelHead = new Int32Array(strict ? 0 : levels).fill(-1);
  const nextInLevel = new Int32Array(strict ? 0 : apps);
  // tiebreak: slot[a] is a's index in `order` (its level's slots are
  // levelStart[l] …, best first); held is a bitset over slots, and
  // levelWorst[l] the highest held slot of level l (levelStart[l] − 1: none).
  const slot = new Int32Array(strict ? apps : 0);
  const held = new Int32Array(strict ? (apps >>> 5) + 1 : 0);
  const levelWorst = new Int32Array(strict ? levels : 0);
  if (strict) {
    for (let i = 0; i < apps; i++) slot[order[i]!] = i;
    for (let l = 0; l < levels; l++) levelWorst[l] = levelStart[l]! - 1;
  }
  /** The highest held slot in [low, from], or low − 1. */
  const previousHeld = (from: number, low: number): number => {
    let w = from >>> 5;
    const b = from & 31;
    let bits = held[w]! & (b === 31 ? -1 : (1 << (b + 1)) - 1);
    for (;;) {
      if (bits !== 0) {
        const found = (w << 5) + 31 - Math.clz32(bits);
        return found >= low ? found : low - 1;
      }
      if (--w < 0 || (w << 5) + 31 < low) return low - 1;
      bits = held[w]!;
    }
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
    if (strict) {
      const s = slot[a]!;
      // A full program keeps its lowest level's worst unless the newcomer beats it.
      if (size[p]! >= quota && level === lowest[p] && s > levelWorst[level]!) {
        free[freeCount++] = c;
        continue;
      }
      held[s >>> 5]! |= 1 << (s & 31);
      levelCount[level]!++;
      if (s > levelWorst[level]!) levelWorst[level] = s;
      size[p]!++;
      while (size[p]! > quota) {
        let m = lowest[p]!;
        while (levelCount[m] === 0) m++;
        lowest[p] = m;
        const worst = levelWorst[m]!;
        held[worst >>> 5]! &= ~(1 << (worst & 31));
        levelCount[m]!--;
        levelWorst[m] =
          levelCount[m] === 0 ? levelStart[m]! - 1 : previousHeld(worst - 1, levelStart[m]!);
        free[freeCount++] = owner[order[worst]!]!;
        size[p]!--;
      }
    } else {
      size[p]!++;
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
    let level = lowest[p]!;
    const end = programFirstLevel[p + 1]!;
    while (level < end && levelCount[level] === 0) level++;
    if (level === end) continue;
    hasCutoff[p] = 1;
    cutoff[p] = priority[order[levelStart[level]!]!]!; // every application of a level has its priority
    if (strict) continue;
    for (; level < end; level++)
      for (let x = levelHead[level]!; x !== -1; x = nextInLevel[x]!) assignedApp[owner[x]!] = x;
  }
  if (strict)
    for (let a = 0; a < apps; a++) {
      const s = slot[a]!;
      if ((held[s >>> 5]! >>> (s & 31)) & 1) assignedApp[owner[a]!] = a;
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
