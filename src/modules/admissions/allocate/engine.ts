import type { AllocationInstance, AllocationOptions, AllocationResult } from './types.ts';

/**
 * Student-proposing deferred acceptance over priorities
 * score − D × (rank − 1), many-to-one with quotas.
 *
 * Each program holds its tentative admits in a binary min-heap (worst on top)
 * laid out in one shared Int32Array: program p owns a slice as long as the
 * number of applications it received, which bounds what it can ever hold. A
 * free candidate proposes to its next preference; the program keeps the best
 * and rejects the rest, and rejected candidates propose again. Comparisons
 * are integers only: priority, then (tiebreak policy) tiebreak, then lottery.
 *
 * Admit-all: a program rejects the whole lowest-priority group only while the
 * others still fill its quota, so everyone tied with the last admitted stays.
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
  const tiebreak = strict ? instance.appTiebreak : null;
  const penalty = options.rankPenalty;

  // Priority of each application, and the candidate it belongs to.
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

  // Heap slices: program p's heap lives at heap[offset[p] .. offset[p] + size[p]).
  const offset = new Int32Array(programs + 1);
  for (let a = 0; a < apps; a++) offset[appProgram[a]! + 1]!++;
  for (let p = 0; p < programs; p++) offset[p + 1] = offset[p + 1]! + offset[p]!;
  const heap = new Int32Array(apps);
  const size = new Int32Array(programs);

  /** True when application x ranks below y at their (common) program. */
  const worse = (x: number, y: number): boolean => {
    const px = priority[x]!;
    const py = priority[y]!;
    if (px !== py) return px < py;
    if (!strict) return false;
    if (tiebreak) {
      const tx = tiebreak[x]!;
      const ty = tiebreak[y]!;
      if (tx !== ty) return tx < ty;
    }
    return lottery[owner[x]!]! > lottery[owner[y]!]!;
  };
  const push = (p: number, a: number) => {
    const base = offset[p]!;
    let i = size[p]!++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pa = heap[base + parent]!;
      if (!worse(a, pa)) break;
      heap[base + i] = pa;
      i = parent;
    }
    heap[base + i] = a;
  };
  const pop = (p: number): number => {
    const base = offset[p]!;
    const top = heap[base]!;
    const n = --size[p]!;
    if (n > 0) {
      const last = heap[base + n]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let child = l;
        if (r < n && worse(heap[base + r]!, heap[base + l]!)) child = r;
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
  const groupPriority = new Float64Array(strict ? 0 : programs);
  const groupCount = new Int32Array(strict ? 0 : programs);
  // Walks the heap from the root over nodes tied with it: they form a subtree.
  const stack = new Int32Array(apps + 1);
  const lowestGroupSize = (p: number): number => {
    const base = offset[p]!;
    const n = size[p]!;
    const lowest = priority[heap[base]!]!;
    groupPriority[p] = lowest;
    let count = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const i = stack[--top]!;
      count++;
      const l = 2 * i + 1;
      if (l < n && priority[heap[base + l]!] === lowest) stack[top++] = l;
      if (l + 1 < n && priority[heap[base + l + 1]!] === lowest) stack[top++] = l + 1;
    }
    return count;
  };
  const reject = (a: number) => {
    free[freeCount++] = owner[a]!;
  };

  while (freeCount > 0) {
    const c = free[--freeCount]!;
    const a = next[c]!;
    if (a >= appStart[c + 1]!) continue; // list exhausted: unassigned
    next[c] = a + 1;
    const p = appProgram[a]!;
    const quota = quotas[p]!;
    push(p, a);
    if (!strict) {
      const pr = priority[a]!;
      if (size[p] === 1 || pr < groupPriority[p]!) {
        groupPriority[p] = pr;
        groupCount[p] = 1;
      } else if (pr === groupPriority[p]) groupCount[p]!++;
    }
    if (size[p]! <= quota) continue;
    if (strict) {
      reject(pop(p));
      continue;
    }
    // Admit-all: drop the lowest group while the rest still fill the quota.
    // The lowest group's size is kept up to date on every push and recounted
    // (over the tied subtree only) after a group leaves, so a large tie group
    // that stays costs O(1) per proposal.
    while (size[p]! > quota && size[p]! - groupCount[p]! >= quota) {
      for (let i = groupCount[p]!; i > 0; i--) reject(pop(p));
      groupCount[p] = size[p]! > 0 ? lowestGroupSize(p) : 0;
    }
  }

  const assignedApp = new Int32Array(candidates).fill(-1);
  const admitted = new Int32Array(programs);
  const cutoff = new Float64Array(programs);
  const hasCutoff = new Uint8Array(programs);
  for (let p = 0; p < programs; p++) {
    const n = size[p]!;
    admitted[p] = n;
    if (n > 0) {
      hasCutoff[p] = 1;
      cutoff[p] = priority[heap[offset[p]!]!]!;
    }
    for (let i = 0; i < n; i++) {
      const a = heap[offset[p]! + i]!;
      assignedApp[owner[a]!] = a;
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
