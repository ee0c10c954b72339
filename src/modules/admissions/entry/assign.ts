import { allocate } from '../allocate/index.ts';
import type { AllocationInstance } from '../allocate/types.ts';
import type { GeoPoint } from '../../../lib/geo.ts';
import type { EntryPriorityRules } from './rules.ts';

/**
 * Entry-grade assignment on the grade-10 engine (allocate/): each child's
 * list is the family's choices, then (with overflow) the other schools of
 * the commune nearest first; a school ranks its applicants by
 *   1. living in its catchment (tuyến) — an unzoned school counts everyone in;
 *   2. the commune's criteria in their order (permanent residence, sibling);
 *   3. distance, when the plan uses it and coordinates exist;
 *   4. the lottery drawn from the published seed (the engine's lotteryOrder,
 *      over children in byte order of their ids, so the input order of rows
 *      — the order families submitted in — can never decide a seat).
 * Deferred acceptance with no rank penalty: a child never loses a seat at a
 * school to a child the school ranks lower, and quotas are never exceeded.
 */

export interface EntrySchool {
  id: string;
  communeCode: string;
  seats: number;
  /** Outside zoning (high-quality or non-public): takes applications from anywhere. */
  unzoned: boolean;
  location?: GeoPoint | null;
}

export interface EntryChild {
  id: string;
  communeCode: string;
  /** The schools whose catchment includes the child's declared area. */
  catchmentSchools: readonly string[];
  /** The family's choices, first preferred; at least one. */
  choices: readonly string[];
  permanentResidence: boolean;
  /** Schools where a sibling studies. */
  siblingSchools: readonly string[];
  /** The centre of the declared area (thôn / tổ dân phố), when known. */
  home?: GeoPoint | null;
}

export interface EntryAssignment {
  child: string;
  school: string | null;
  /** 1-based place in the child's list; above choices.length = an overflow offer. */
  rank: number | null;
  overflow: boolean;
}

export interface EntryCutoff {
  school: string;
  seats: number;
  admitted: number;
  applicants: number;
  /** The place, in the school's order of its applicants, of the last child admitted; null when none. */
  lastAdmittedRank: number | null;
}

export interface EntryResult {
  assignments: EntryAssignment[];
  cutoffs: EntryCutoff[];
  allocateMs: number;
}

export class EntryInputError extends Error {}

/** Distances in tenths of a kilometre, capped at 2,000 km (and for an unknown point). */
const MAX_DISTANCE = 20_000;
/** Above any criteria value: 2 × 2 × 20,001 < 2^17 (three criteria at most, each once). */
const IN_CATCHMENT = 1 << 20;

export function assignEntry(
  schools: readonly EntrySchool[],
  children: readonly EntryChild[],
  rules: EntryPriorityRules,
): EntryResult {
  if (new Set(rules.order).size !== rules.order.length)
    throw new EntryInputError('Thứ tự ưu tiên liệt kê một tiêu chí hai lần.');
  const schoolIndex = new Map(schools.map((s, i) => [s.id, i]));
  if (schoolIndex.size !== schools.length) throw new EntryInputError('Trùng mã trường.');
  const byCommune = new Map<string, number[]>();
  schools.forEach((s, i) => {
    if (s.unzoned) return; // overflow goes to public zoned schools only
    const list = byCommune.get(s.communeCode) ?? [];
    list.push(i);
    byCommune.set(s.communeCode, list);
  });

  // Children in byte order of their ids: the engine's candidate order and the lottery's domain.
  const ordered = [...children].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let c = 1; c < ordered.length; c++)
    if (ordered[c]!.id === ordered[c - 1]!.id)
      throw new EntryInputError(`Trẻ ${ordered[c]!.id} có hai hồ sơ đăng ký.`);

  const appStart = new Int32Array(ordered.length + 1);
  const appProgram: number[] = [];
  const appScore: number[] = [];
  const choiceCount = new Int32Array(ordered.length);
  ordered.forEach((child, c) => {
    if (child.choices.length === 0)
      throw new EntryInputError(`Trẻ ${child.id} chưa chọn trường nào.`);
    const list: number[] = [];
    for (const id of child.choices) {
      const s = schoolIndex.get(id);
      if (s === undefined)
        throw new EntryInputError(
          `Trẻ ${child.id} chọn trường ${id} không có trong đợt tuyển sinh.`,
        );
      if (list.includes(s)) throw new EntryInputError(`Trẻ ${child.id} chọn trường ${id} hai lần.`);
      list.push(s);
    }
    choiceCount[c] = list.length;
    if (rules.overflowInCommune) {
      const extra = (byCommune.get(child.communeCode) ?? []).filter((s) => !list.includes(s));
      extra.sort(
        (x, y) =>
          distanceTenths(child.home, schools[x]!.location) -
            distanceTenths(child.home, schools[y]!.location) ||
          (schools[x]!.id < schools[y]!.id ? -1 : 1),
      );
      list.push(...extra);
    }
    for (const s of list) {
      appProgram.push(s);
      appScore.push(priorityAt(schools[s]!, child, rules));
    }
    appStart[c + 1] = appStart[c]! + list.length;
  });

  const instance: AllocationInstance = {
    programIds: schools.map((s) => s.id),
    quotas: Int32Array.from(schools.map((s) => s.seats)),
    candidateIds: ordered.map((c) => c.id),
    appStart,
    appProgram: Int32Array.from(appProgram),
    appScore: Int32Array.from(appScore),
    appTiebreak: null,
  };
  const result = allocate(instance, { rankPenalty: 0, ties: 'tiebreak', seed: rules.seed });

  const assignments: EntryAssignment[] = ordered.map((child, c) => {
    const a = result.assignedApp[c]!;
    if (a < 0) return { child: child.id, school: null, rank: null, overflow: false };
    const rank = a - appStart[c]! + 1;
    return {
      child: child.id,
      school: schools[appProgram[a]!]!.id,
      rank,
      overflow: rank > choiceCount[c]!,
    };
  });
  return {
    assignments,
    cutoffs: lastAdmittedRanks(instance, result.assignedApp, result.lottery),
    allocateMs: result.allocateMs,
  };
}

/**
 * Per school, its applicants in its own order (score, then nearer, then the
 * lottery) and the place of the last one admitted: the entry-grade "cutoff",
 * which tells a family how far down the list the school went.
 */
function lastAdmittedRanks(
  instance: AllocationInstance,
  assignedApp: Int32Array,
  lottery: Int32Array,
): EntryCutoff[] {
  const { appStart, appProgram, appScore, quotas, programIds } = instance;
  const perSchool: number[][] = programIds.map(() => []);
  const owner = new Int32Array(appProgram.length);
  for (let c = 0; c + 1 < appStart.length; c++)
    for (let a = appStart[c]!; a < appStart[c + 1]!; a++) {
      owner[a] = c;
      perSchool[appProgram[a]!]!.push(a);
    }
  return programIds.map((id, s) => {
    const apps = perSchool[s]!;
    apps.sort((x, y) => appScore[y]! - appScore[x]! || lottery[owner[x]!]! - lottery[owner[y]!]!);
    let admitted = 0;
    let last: number | null = null;
    apps.forEach((a, place) => {
      if (assignedApp[owner[a]!] === a) {
        admitted++;
        last = place + 1;
      }
    });
    return {
      school: id,
      seats: quotas[s]!,
      admitted,
      applicants: apps.length,
      lastAdmittedRank: last,
    };
  });
}

/**
 * A school's priority for a child, one integer compared as a whole: living in
 * the catchment above everything, then the commune's criteria in their order
 * (each a digit of a mixed-radix number: yes/no, or the distance, nearer
 * higher), so an earlier criterion outweighs every later one together.
 */
function priorityAt(school: EntrySchool, child: EntryChild, rules: EntryPriorityRules): number {
  let value = 0;
  for (const criterion of rules.order) {
    if (criterion === 'distance')
      value =
        value * (MAX_DISTANCE + 1) + (MAX_DISTANCE - distanceTenths(child.home, school.location));
    else
      value =
        value * 2 +
        (criterion === 'permanent-residence'
          ? Number(child.permanentResidence)
          : Number(child.siblingSchools.includes(school.id)));
  }
  const inCatchment = school.unzoned || child.catchmentSchools.includes(school.id);
  return (inCatchment ? IN_CATCHMENT : 0) + value;
}

/** Great-circle distance in tenths of a kilometre; MAX_DISTANCE when a point is unknown. */
export function distanceTenths(
  a: GeoPoint | null | undefined,
  b: GeoPoint | null | undefined,
): number {
  if (!a || !b) return MAX_DISTANCE;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  const km = 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
  return Math.min(MAX_DISTANCE, Math.round(km * 10));
}
