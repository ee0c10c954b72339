/**
 * The audit log as a register a person reads: each module names its audited
 * tables (the noun of a row, the columns that name it, the labels of its
 * fields and the names of its values) in its descriptor's `audit`
 * (`src/core/module.ts`); `src/app/modules.ts` installs them here, and the
 * orgs module's audit pages describe each entry with them:
 * "Sửa hồ sơ học sinh Nguyễn Văn An (4400012345)", "Ngày sinh: 01/02/2011 →
 * 02/01/2011". Plain data and pure functions: no database, no module.
 */

/** A text in each language of the pages. */
export interface Text {
  vi: string;
  en: string;
}

/** What an audited table's rows are called and how their fields read. */
export interface AuditSubject {
  /** The noun of one row, lower case: "hồ sơ học sinh" / "student record". */
  noun: Text;
  /** Columns whose values, joined by a space, name a row ("full_name"). */
  name?: readonly string[];
  /** A column shown in brackets after the name ("student_code"). */
  code?: string;
  /** The labels of the fields a reader sees; other columns are technical (ids, bookkeeping). */
  fields: Readonly<Record<string, Text>>;
  /** The names of enumerated values, per field ("status": { studying: "Đang học" }). */
  values?: Readonly<Record<string, { vi: Record<string, string>; en?: Record<string, string> }>>;
}

/** A module's declaration: its tables, and the verbs of the actions it writes itself. */
export interface AuditLabels {
  subjects: Readonly<Record<string, AuditSubject>>;
  /** Verbs of actions other than insert/update/delete ("office_sign": "Ký số"). */
  actions?: Readonly<Record<string, Text>>;
}

/** The verbs every trigger writes, and the sign-in's own. */
const ACTIONS: Record<string, Text> = {
  insert: { vi: 'Thêm', en: 'Added' },
  update: { vi: 'Sửa', en: 'Edited' },
  delete: { vi: 'Xoá', en: 'Deleted' },
  insert_many: { vi: 'Nhập danh sách', en: 'Imported' },
};

const subjects = new Map<string, AuditSubject>();
const actions = new Map<string, Text>(Object.entries(ACTIONS));

/** Called by src/app/modules.ts for each module's `audit`. A table is declared once. */
export function declareAuditLabels(labels: AuditLabels): void {
  for (const [table, subject] of Object.entries(labels.subjects)) {
    if (subjects.has(table) && subjects.get(table) !== subject)
      throw new Error(`audit labels of table ${table} declared twice`);
    subjects.set(table, subject);
  }
  for (const [action, verb] of Object.entries(labels.actions ?? {})) actions.set(action, verb);
}

/** The audited tables a reader may filter by, with their nouns. */
export function auditSubjects(): { table: string; noun: Text }[] {
  return [...subjects].map(([table, s]) => ({ table, noun: s.noun }));
}

/** One changed field as the register shows it. */
export interface AuditChange {
  field: string;
  label: Text;
  before: Text | null;
  after: Text | null;
}

export interface AuditDescription {
  summary: Text;
  changes: AuditChange[];
}

type RowImage = Record<string, unknown> | null;

const same = (text: string): Text => ({ vi: text, en: text });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const instantFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** dd/mm/yyyy HH:mm in Vietnam's time, whatever the server's zone. */
export function formatInstant(at: Date): string {
  const part = Object.fromEntries(instantFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour === '24' ? '00' : part.hour}:${part.minute}`;
}

/** One value as a person reads it; null for an empty one. */
function formatValue(
  field: string,
  value: unknown,
  subject: AuditSubject | undefined,
): Text | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const parts = value.map((v) => formatValue(field, v, subject)).filter((t) => t !== null);
    if (parts.length === 0) return null;
    return { vi: parts.map((p) => p.vi).join(', '), en: parts.map((p) => p.en).join(', ') };
  }
  if (typeof value === 'boolean')
    return value ? { vi: 'Có', en: 'Yes' } : { vi: 'Không', en: 'No' };
  if (typeof value === 'number')
    return { vi: value.toLocaleString('vi-VN'), en: value.toLocaleString('en-GB') };
  if (typeof value === 'string') {
    const names = subject?.values?.[field];
    const vi = names?.vi[value];
    if (vi !== undefined) return { vi, en: names?.en?.[value] ?? vi };
    // Secret columns are masked by the trigger as "ẩn#" and a short hash.
    if (value.startsWith('ẩn#')) return { vi: '(đã đổi, ẩn)', en: '(changed, hidden)' };
    const day = DAY.exec(value);
    if (day) return same(`${day[3]}/${day[2]}/${day[1]}`);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
      return same(formatInstant(new Date(value)));
    return same(value);
  }
  return same(JSON.stringify(value));
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function nameOf(subject: AuditSubject, row: RowImage, lang: keyof Text): string {
  if (!row) return '';
  // A column of enumerated values (an indicator's id) is named by its value's name.
  const named = (c: string, v: unknown) =>
    typeof v === 'string'
      ? ((lang === 'en' ? subject.values?.[c]?.en?.[v] : undefined) ??
        subject.values?.[c]?.vi[v] ??
        v)
      : v;
  const name = (subject.name ?? [])
    .map((c) => named(c, row[c]))
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .join(' ');
  const code = subject.code ? named(subject.code, row[subject.code]) : undefined;
  const withCode = typeof code === 'string' || typeof code === 'number' ? ` (${code})` : '';
  return `${name}${withCode}`.trim();
}

/** A table nobody declared: its name stays, as the technical word it is. */
const fallback = (table: string): AuditSubject => ({
  noun: { vi: `bản ghi ${table}`, en: `${table} record` },
  fields: {},
});

/**
 * What an entry says, in both languages: the action and its object, and the
 * labelled fields it changed (all labelled fields of an added or deleted row).
 * Ids and columns a module does not label are left to the expanded view.
 */
export function describeAuditEntry(entry: {
  action: string;
  entityType: string;
  rows: number;
  before: RowImage;
  after: RowImage;
}): AuditDescription {
  const subject = subjects.get(entry.entityType);
  const s = subject ?? fallback(entry.entityType);
  const verb = actions.get(entry.action) ?? same(entry.action);
  let summary: Text;
  if (entry.action === 'insert_many') {
    const n = entry.rows;
    summary = {
      vi: `${verb.vi} ${n.toLocaleString('vi-VN')} ${s.noun.vi}`,
      en: `${verb.en} ${n.toLocaleString('en-GB')} × ${s.noun.en}`,
    };
  } else if (!entry.before && !entry.after && !(entry.action in ACTIONS)) {
    // A sign-in or sign-out: the actor column says whose.
    summary = verb;
  } else {
    const row = entry.after ?? entry.before;
    summary = {
      vi: [verb.vi, s.noun.vi, nameOf(s, row, 'vi')].filter(Boolean).join(' '),
      en: [verb.en, s.noun.en, nameOf(s, row, 'en')].filter(Boolean).join(' '),
    };
  }
  const changes: AuditChange[] = [];
  for (const [field, label] of Object.entries(s.fields)) {
    const before = entry.before?.[field];
    const after = entry.after?.[field];
    if (equal(before, after)) continue;
    // An id among labelled fields still says nothing to a reader.
    if (typeof (after ?? before) === 'string' && UUID.test(String(after ?? before))) continue;
    const b = entry.before ? formatValue(field, before, subject) : null;
    const a = entry.after ? formatValue(field, after, subject) : null;
    if (b === null && a === null) continue;
    changes.push({ field, label, before: b, after: a });
  }
  return { summary, changes };
}
