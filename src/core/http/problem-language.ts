/**
 * Problem details in the caller's language (issue 13, item 17). The use
 * cases throw Vietnamese `AppError`s and know nothing of languages; the
 * error handler (src/app/app.ts) asks `problemLanguage(Accept-Language)` and,
 * for English, passes the title, detail and each field error through
 * `toEnglish`, which looks the text up in the catalogue (messages-en/):
 * Vietnamese template → English template, `{}` standing for an
 * interpolated part. An interpolated part is itself looked up (so the
 * 'học sinh' of `notFound('học sinh')` becomes 'student'); a part with no
 * entry (a name, a code, a column header of the user's file) stays as is.
 * A text with no entry at all stays Vietnamese: problem-english.test.ts
 * keeps every text written in src/ in the catalogue.
 */
import { z } from 'zod';
import { PROBLEMS_EN } from './messages-en/index.ts';

export type ProblemLanguage = 'vi' | 'en';

/**
 * The language of the answer from an Accept-Language header (RFC 9110
 * §12.5.4): the preferred of vi and en by q-value, Vietnamese when neither
 * is named (or the header is absent). Ties go to the first listed.
 */
export function problemLanguage(header: string | string[] | undefined): ProblemLanguage {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { lang: ProblemLanguage; q: number } | undefined;
  for (const part of value.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const lang = /^en(-|$)/.test(tag) ? 'en' : /^vi(-|$)/.test(tag) ? 'vi' : undefined;
    if (!lang) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (weight > 0 && (!best || weight > best.q)) best = { lang, q: weight };
  }
  return best?.lang ?? 'vi';
}

/**
 * Zod's built-in Vietnamese messages → its English ones, made by asking both
 * locales about the same issues with a marker where a value goes: for the
 * few use cases that validate again and answer the Zod messages as text.
 */
function zodMessages(): Record<string, string> {
  const vi = z.locales.vi().localeError;
  const en = z.locales.en().localeError;
  const said = (map: typeof vi, issue: object): string | undefined => {
    const r = map(issue as Parameters<typeof vi>[0]);
    return typeof r === 'string' ? r : r?.message;
  };
  const MARK = /"?ZZ\d"?(\|"ZZ\d"|, "ZZ\d")*/g;
  const issues: object[] = [{ code: 'invalid_union' }, { code: 'invalid_key' }];
  const origins = ['string', 'number', 'int', 'bigint', 'array', 'set', 'file', 'date'];
  for (const origin of origins)
    for (const inclusive of [true, false])
      for (const code of ['too_small', 'too_big'])
        issues.push({ code, origin, inclusive, minimum: 'ZZ1', maximum: 'ZZ1' });
  for (const format of ['email', 'url', 'uuid', 'datetime', 'date', 'time', 'ipv4', 'ipv6'])
    issues.push({ code: 'invalid_format', format });
  issues.push(
    { code: 'invalid_format', format: 'regex', pattern: 'ZZ1' },
    { code: 'invalid_format', format: 'starts_with', prefix: 'ZZ1' },
    { code: 'invalid_format', format: 'ends_with', suffix: 'ZZ1' },
    { code: 'invalid_format', format: 'includes', includes: 'ZZ1' },
    { code: 'not_multiple_of', divisor: 'ZZ1' },
    { code: 'unrecognized_keys', keys: ['ZZ1', 'ZZ2'] },
    { code: 'invalid_value', values: ['ZZ1'] },
    { code: 'invalid_value', values: ['ZZ1', 'ZZ2'] },
  );
  const types = ['string', 'number', 'int', 'boolean', 'bigint', 'date', 'array', 'object'];
  for (const expected of [...types, 'null', 'undefined', 'file', 'nan'])
    for (const input of INPUTS) issues.push({ code: 'invalid_type', expected, input });
  const table: Record<string, string> = {};
  for (const issue of issues) {
    const [v, e] = [said(vi, issue), said(en, issue)];
    if (v && e) table[v.replace(MARK, '{}')] = e.replace(MARK, '{}');
  }
  return table;
}

let zod: Record<string, string> | undefined;
const zodTable = () => (zod ??= zodMessages());

interface Template {
  /** The fixed text between the parts: a text that lacks them (in order) is not tried. */
  fixed: string[];
  /** Parts within one sentence; `loose`: parts that may span sentences. */
  strict: RegExp;
  loose: RegExp;
  english: string;
}

let templates: Template[] | undefined;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A part that does not run on into the next sentence ('…. Dòng 4: …'). */
const WITHIN_SENTENCE = '((?:(?![.;]\\s+\\p{Lu}).)+?)';

/** The catalogue's templates as patterns, the most specific (most fixed text) first. */
function compiled(): Template[] {
  templates ??= Object.entries({ ...zodTable(), ...PROBLEMS_EN })
    .filter(([vi]) => vi.includes('{}'))
    .sort(([a], [b]) => b.replaceAll('{}', '').length - a.replaceAll('{}', '').length)
    .map(([vi, english]) => {
      const fixed = vi.split('{}');
      const escaped = fixed.map(escape);
      return {
        fixed,
        strict: new RegExp(`^${escaped.join(WITHIN_SENTENCE)}$`, 'su'),
        loose: new RegExp(`^${escaped.join('(.+?)')}$`, 'su'),
        english,
      };
    });
  return templates;
}

/**
 * Whether the text can match: it starts and ends with the template's fixed
 * ends and holds the fixed middles in order. Cheap, and it keeps the
 * patterns (whose parts backtrack) off the texts they cannot match.
 */
function candidate(fixed: string[], text: string): boolean {
  const first = fixed[0] ?? '';
  const last = fixed[fixed.length - 1] ?? '';
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  if (first.length + last.length > text.length) return false;
  let at = first.length;
  for (const middle of fixed.slice(1, -1)) {
    const found = text.indexOf(middle, at);
    if (found < 0 || found + middle.length > text.length - last.length) return false;
    at = found + middle.length;
  }
  return true;
}

/** `{}` takes the next value, `{2}` the third: English may reorder the parts. */
function fill(english: string, values: string[]): string {
  let next = 0;
  const text = english.replace(
    /\{(\d*)\}/g,
    (_, n: string) => values[n ? Number(n) : next++] ?? '',
  );
  return /^\{\d*\}/.test(english) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

const MAX_DEPTH = 4;

/** The entry of the whole text, or of a template matching it (parts within a sentence unless `loose`). */
function whole(text: string, depth: number, loose = false): string | undefined {
  const exact = PROBLEMS_EN[text] ?? zodTable()[text];
  if (exact !== undefined) return exact;
  if (depth > MAX_DEPTH) return undefined;
  for (const t of compiled()) {
    if (!candidate(t.fixed, text)) continue;
    const match = (loose ? t.loose : t.strict).exec(text);
    if (match)
      return fill(
        t.english,
        match.slice(1).map((v) => translated(v, depth + 1)),
      );
  }
  return undefined;
}

/**
 * Texts gathered and joined ('Dòng 2, cột date: …. Dòng 5: ….'): each
 * sentence looked up on its own, when one of them at least has an entry.
 */
function sentences(text: string, depth: number): string | undefined {
  const pieces = text.split(/(?<=[.;])\s+(?=\p{Lu})/u);
  if (pieces.length < 2) return undefined;
  let any = false;
  const english = pieces.map((p) => {
    // 'a; B': the ';' joins, it is no part of the text.
    const joined = p.endsWith(';');
    const e = whole(joined ? p.slice(0, -1) : p, depth);
    if (e !== undefined) any = true;
    return e === undefined ? p : joined ? `${e};` : e;
  });
  return any ? english.join(' ') : undefined;
}

/**
 * A text, or an interpolated part of one: its entry; a list ('a, b') whose
 * every item has one; its sentences; a template whose parts span sentences;
 * else undefined (a name, a number, a code: kept as is).
 */
function translate(text: string, depth: number): string | undefined {
  const found = whole(text, depth);
  if (found !== undefined) return found;
  const items = text.split(', ');
  if (items.length > 1) {
    const english = items.map((i) => whole(i, depth));
    if (english.every((e) => e !== undefined)) return english.join(', ');
  }
  return sentences(text, depth) ?? whole(text, depth, true);
}

const translated = (value: string, depth: number) => translate(value, depth) ?? value;

/** The English of a Vietnamese problem text; the text itself when the catalogue lacks it. */
export function toEnglish(text: string): string {
  // Problem texts are sentences; a text this long is left alone rather than searched.
  return text.length > MAX_TEXT ? text : translated(text, 0);
}
const MAX_TEXT = 20_000;

/** A field error's path: 'dòng 12, cột Ngày sinh' → 'row 12, column Ngày sinh'; field paths unchanged. */
export function pathToEnglish(path: string): string {
  return path
    .replace(/\bdòng\b/giu, (w) => (w[0] === 'D' ? 'Row' : 'row'))
    .replace(/\bcột\b/giu, (w) => (w[0] === 'C' ? 'Column' : 'column'));
}

export interface ProblemBody {
  type?: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

/** The problem in the caller's language. */
export function problemIn<T extends ProblemBody>(language: ProblemLanguage, problem: T): T {
  if (language === 'vi') return problem;
  const errors = problem.errors?.map((e) => ({
    path: pathToEnglish(e.path),
    message: toEnglish(e.message),
  }));
  const listed = (list: { path: string; message: string }[]) =>
    list.map((e) => `${e.path}: ${e.message}`).join('; ');
  return {
    ...problem,
    title: toEnglish(problem.title),
    // A detail that lists the field errors ('body.x: …; body.y: …') is listed again in English.
    detail:
      problem.errors && errors && problem.detail === listed(problem.errors)
        ? listed(errors)
        : toEnglish(problem.detail),
    ...(errors ? { errors } : {}),
  };
}

/** What fastify-type-provider-zod keeps of a Zod issue in a validation entry. */
export interface ValidationEntry {
  keyword?: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const vi = z.locales.vi().localeError;
const en = z.locales.en().localeError;
const said = (map: typeof vi, issue: Record<string, unknown>): string | undefined => {
  const r = map(issue as Parameters<typeof vi>[0]);
  return typeof r === 'string' ? r : r?.message;
};
/** Inputs tried to rebuild an issue's `input` (dropped from the entry; the wording names its type). */
const INPUTS: unknown[] = [
  undefined,
  null,
  '',
  0,
  true,
  [],
  {},
  0n,
  Number.NaN,
  new Date(),
  () => 0,
];

/**
 * A Zod validation message in English. A message of Zod's Vietnamese locale
 * (app.ts sets it for the process) is produced again by Zod's English one
 * from the same issue; a schema's own message ('Hãy nhập …') goes through
 * the catalogue like any problem text.
 */
export function validationToEnglish(entry: ValidationEntry): string {
  const message = entry.message ?? 'Không hợp lệ';
  if (entry.keyword) {
    const issue: Record<string, unknown> = { ...entry.params, code: entry.keyword, path: [] };
    for (const input of INPUTS) {
      const attempt = { ...issue, input };
      if (said(vi, attempt) === message) return said(en, attempt) ?? message;
      if (entry.keyword !== 'invalid_type') break;
    }
  }
  return toEnglish(message);
}

interface RowErrorLike {
  row: number;
  message: string;
}
const isRowErrors = (value: unknown): value is RowErrorLike[] =>
  Array.isArray(value) &&
  value.every(
    (e) =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as RowErrorLike).row === 'number' &&
      typeof (e as RowErrorLike).message === 'string',
  );

/**
 * An import's report (`errorList` or `errors`: `{ row, column, message }`,
 * answered 422 when the file has errors) with its row messages in the
 * caller's language. The column stays: it is the header of the caller's file.
 */
export function reportIn<T>(language: ProblemLanguage, report: T): T {
  if (language === 'vi' || typeof report !== 'object' || report === null) return report;
  const out: Record<string, unknown> = { ...(report as Record<string, unknown>) };
  let changed = false;
  for (const key of ['errorList', 'errors']) {
    const list = out[key];
    if (isRowErrors(list) && list.length) {
      out[key] = list.map((e) => ({ ...e, message: toEnglish(e.message) }));
      changed = true;
    }
  }
  return changed ? (out as T) : report;
}
