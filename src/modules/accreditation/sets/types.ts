/**
 * A standard set (bộ tiêu chuẩn) as data: legal basis, effective dates, the
 * school levels it applies to, standards → criteria → levels → requirements,
 * and the school's level rule. Nothing outside a set's own file knows how many
 * standards, criteria or levels it has (issue #18: "nothing about 5/28/4 or
 * 4/15/2 is hard-coded").
 */
import type { SchoolLevel } from '../../../db/schema.ts';

/** One requirement (chỉ báo / yêu cầu) of a criterion at one level. */
export interface SetRequirement {
  /** Stable code inside the set, e.g. `1.1.M1.a`. */
  code: string;
  /** Letter as the circular numbers it (a, b, c…). */
  letter: string;
  text: string;
}

export interface SetCriterion {
  /** `1.1`, `3.2`… */
  code: string;
  name: string;
  /** Requirements by level (index 0 = Mức 1). */
  levels: readonly (readonly SetRequirement[])[];
  /** Quantitative data sogd can offer for the criterion (the annex's "dữ liệu định lượng"). */
  data?: readonly OfferedDataKind[];
}

export interface SetStandard {
  /** `1`, `2`… */
  code: string;
  name: string;
  criteria: readonly SetCriterion[];
}

/** Figures sogd holds and can freeze into a cycle (from the registry's views). */
export type OfferedDataKind = 'profile' | 'classes' | 'staff' | 'facilities';

/**
 * A condition of the school's level rule, over the criteria's levels:
 * - every: every criterion of the set at `minLevel` or above;
 * - each: each named criterion at `minLevel` or above (mandatory criteria);
 * - count: at least `atLeast` criteria at `minLevel` or above, among all of
 *   them or all but the listed ones ("at least 5 of the other 7").
 */
export type LevelCondition =
  | { kind: 'every'; minLevel: number }
  | { kind: 'each'; criteria: readonly string[]; minLevel: number }
  | {
      kind: 'count';
      among: 'all' | { except: readonly string[] };
      minLevel: number;
      atLeast: number;
    };

export interface SchoolLevelRule {
  level: number;
  /** The school must have reached the level below first. */
  requiresLevelBelow: boolean;
  conditions: readonly LevelCondition[];
  /** Where the rule lives in the circular. */
  article: string;
  /** False where the numbers were not checked against the official text. */
  confirmed: boolean;
}

/**
 * Mức 4 of TT 17/18/19-2018: not a further requirement per criterion but a
 * separate list of criteria a school already at Mức 3 must meet
 * (../shared/reference/vn-regulations.md §2, "Mức 4 has its own criteria
 * list", background knowledge). Where the wording could not be sourced the
 * list here is placeholders (`text: null`) and the department enters the
 * circular's text (an import that replaces the list, versioned; migration
 * 2026120931), which then takes the placeholders' place.
 */
export interface LevelFourList {
  /** The school level these criteria lead to. */
  level: number;
  /** Where the list lives in the circular. */
  article: string;
  /** False while the count, the wording and the rule were not checked against the official text. */
  confirmed: boolean;
  /** What is and is not known, shown with the list. */
  note: string;
  /** In order; `text: null` is a placeholder whose wording the department enters. */
  criteria: readonly { code: string; text: string | null }[];
}

export interface StandardSet {
  /** Stable id stored in cycles, e.g. `tt18-2018`. */
  id: string;
  name: string;
  /** Circulars (and amendments) the set comes from. */
  legalBasis: readonly string[];
  effectiveFrom: string;
  /** Last day it applies (the day before its replacement), when known. */
  effectiveTo: string | null;
  schoolLevels: readonly SchoolLevel[];
  /** Where the content was read, and how far it can be trusted: shown to administrators. */
  source: string;
  confidence: 'confirmed' | 'partly_confirmed' | 'unconfirmed';
  confidenceNote: string;
  /** Highest level a criterion can reach. */
  criterionLevels: number;
  standards: readonly SetStandard[];
  /** The school's level rules, lowest first. */
  rules: readonly SchoolLevelRule[];
  /** Mức 4's own criteria list, where the set has one. */
  levelFour?: LevelFourList;
  /** What a school level means for recognition: accreditation level and national-standard level. */
  recognition: readonly {
    level: number;
    accreditationLevel: number;
    nationalStandardLevel: number;
  }[];
}
