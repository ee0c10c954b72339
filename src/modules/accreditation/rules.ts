/**
 * The level rules, read from a standard set's data (sets/): a criterion's
 * level from its requirements, the school's level from its criteria's levels
 * with the reason it is not one level higher, and evidence codes.
 */
import { criteriaOf } from './sets/index.ts';
import type {
  LevelCondition,
  LevelFourList,
  SchoolLevelRule,
  SetCriterion,
  StandardSet,
} from './sets/types.ts';

/**
 * A criterion reaches Mức n when every requirement of Mức 1…n is met (the
 * circulars assess a level only once the ones below it are reached).
 */
export function criterionLevel(criterion: SetCriterion, met: (code: string) => boolean): number {
  let level = 0;
  for (const requirements of criterion.levels) {
    if (!requirements.every((r) => met(r.code))) break;
    level += 1;
  }
  return level;
}

export interface SchoolEvaluation {
  /** The highest level whose rule holds (0: none). */
  level: number;
  /** Why the school is not one level higher (empty at the top level). */
  reasons: string[];
  /** The rule's article, for the level computed and the next. */
  articles: string[];
  /** False when a rule used was not checked against the official text. */
  confirmed: boolean;
}

/** The school's level by the set's rules, explained ("chưa đạt Mức 2 vì tiêu chí 3.2 mới đạt Mức 1"). */
export function evaluateSchool(
  set: StandardSet,
  levels: ReadonlyMap<string, number>,
): SchoolEvaluation {
  const all = criteriaOf(set).map((c) => c.code);
  const levelOf = (code: string) => levels.get(code) ?? 0;
  let reached = 0;
  let reasons: string[] = [];
  const articles: string[] = [];
  let confirmed = true;
  for (const rule of set.rules) {
    const failures = ruleFailures(rule, all, levelOf, reached);
    articles.push(rule.article);
    if (!rule.confirmed) confirmed = false;
    if (failures.length > 0) {
      reasons = failures.map((f) => `Chưa đạt Mức ${rule.level} vì ${f}.`);
      break;
    }
    reached = rule.level;
  }
  return { level: reached, reasons, articles, confirmed };
}

/**
 * Mức 4 on top of the set's level rules (TT 17/18/19-2018: Mức 4 is its own
 * list of criteria; the rule "the school is at Mức 3 and meets every Mức 4
 * criterion" is background knowledge, not checked — the list's `confirmed`
 * is false). `list` is the department's list where entered, else the set's
 * placeholders (text null): then Mức 4 cannot be reached and the reason says
 * so. Below Mức 3 the evaluation is the base one.
 */
export function evaluateWithLevelFour(
  base: SchoolEvaluation,
  levelFour: LevelFourList | undefined,
  list: readonly { code: string; text: string | null }[],
  met: (code: string) => boolean,
): SchoolEvaluation {
  if (!levelFour || base.level < levelFour.level - 1) return base;
  const result: SchoolEvaluation = {
    level: base.level,
    reasons: [],
    articles: [...base.articles, levelFour.article],
    confirmed: base.confirmed && levelFour.confirmed,
  };
  const header = `Chưa đạt Mức ${levelFour.level} vì`;
  if (list.length === 0 || list.some((c) => c.text === null)) {
    result.reasons = [
      `${header} Sở chưa nhập nội dung các tiêu chí Mức ${levelFour.level} từ văn bản gốc.`,
    ];
    return result;
  }
  const unmet = list.filter((c) => !met(c.code)).map((c) => c.code);
  if (unmet.length) {
    const shown = unmet.slice(0, 5).join(', ');
    const more = unmet.length > 5 ? ` và ${unmet.length - 5} tiêu chí khác` : '';
    result.reasons = [`${header} tiêu chí Mức ${levelFour.level} ${shown}${more} chưa đạt.`];
    return result;
  }
  result.level = levelFour.level;
  return result;
}

function ruleFailures(
  rule: SchoolLevelRule,
  all: readonly string[],
  levelOf: (code: string) => number,
  reached: number,
): string[] {
  const failures: string[] = [];
  if (rule.requiresLevelBelow && reached < rule.level - 1)
    failures.push(`trường chưa đạt Mức ${rule.level - 1}`);
  for (const condition of rule.conditions)
    failures.push(...conditionFailures(condition, all, levelOf));
  return failures;
}

function describe(code: string, level: number): string {
  return level === 0 ? `tiêu chí ${code} chưa đạt Mức 1` : `tiêu chí ${code} mới đạt Mức ${level}`;
}

function conditionFailures(
  condition: LevelCondition,
  all: readonly string[],
  levelOf: (code: string) => number,
): string[] {
  switch (condition.kind) {
    case 'every':
    case 'each': {
      const codes = condition.kind === 'every' ? all : condition.criteria;
      const below = codes.filter((c) => levelOf(c) < condition.minLevel);
      if (below.length === 0) return [];
      const shown = below.slice(0, 5).map((c) => describe(c, levelOf(c)));
      const more = below.length > 5 ? ` và ${below.length - 5} tiêu chí khác` : '';
      const what = condition.kind === 'each' ? ' (tiêu chí bắt buộc)' : '';
      return [`${shown.join(', ')}${more}${what}`];
    }
    case 'count': {
      const among =
        condition.among === 'all'
          ? all
          : all.filter(
              (c) => !(condition.among as { except: readonly string[] }).except.includes(c),
            );
      const count = among.filter((c) => levelOf(c) >= condition.minLevel).length;
      if (count >= condition.atLeast) return [];
      const group = condition.among === 'all' ? 'tiêu chí' : 'tiêu chí còn lại';
      return [
        `chỉ ${count}/${among.length} ${group} đạt Mức ${condition.minLevel} trở lên (cần ít nhất ${condition.atLeast})`,
      ];
    }
  }
}

/**
 * Evidence codes (mã minh chứng) in a configurable format. The default
 * `[Hn.a.bc.de]` (CV 5932/BGDĐT-QLCL practice; the exact format is not
 * confirmed: vn-regulations.md §2): n the box (hộp), a the standard, bc the
 * criterion's number in two digits, de the evidence's number in two digits.
 * Any other characters of the format are kept as they are.
 */
export const DEFAULT_EVIDENCE_FORMAT = '[Hn.a.bc.de]';
const TOKENS = /de|bc|n|a/g;

export interface EvidenceCodeParts {
  box: number;
  standard: number;
  criterion: number;
  number: number;
}

export function checkEvidenceFormat(format: string): string | null {
  const tokens = format.match(TOKENS) ?? [];
  for (const t of ['n', 'a', 'bc', 'de'])
    if (tokens.filter((x) => x === t).length !== 1)
      return `Mẫu mã minh chứng "${format}" phải có đúng một lần mỗi phần n (hộp), a (tiêu chuẩn), bc (tiêu chí), de (số thứ tự), ví dụ [Hn.a.bc.de].`;
  return null;
}

export function formatEvidenceCode(format: string, parts: EvidenceCodeParts): string {
  return format.replace(TOKENS, (t) => {
    if (t === 'n') return String(parts.box);
    if (t === 'a') return String(parts.standard);
    if (t === 'bc') return String(parts.criterion).padStart(2, '0');
    return String(parts.number).padStart(2, '0');
  });
}

/** A pattern finding the format's codes in a text (the justification of a rating). */
export function evidenceCodePattern(format: string): RegExp {
  let source = '';
  let last = 0;
  for (const m of format.matchAll(TOKENS)) {
    source += escape(format.slice(last, m.index)) + (m[0].length === 2 ? '\\d{2,3}' : '\\d{1,2}');
    last = m.index + m[0].length;
  }
  source += escape(format.slice(last));
  return new RegExp(source, 'g');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** The distinct evidence codes a text cites, in order of first mention. */
export function citedCodes(format: string, text: string): string[] {
  return [...new Set(text.match(evidenceCodePattern(format)) ?? [])];
}
