/**
 * The due date of an application (docs/formats/services.md, to the letter),
 * as pure functions over a working calendar. Times are judged in Việt Nam
 * (UTC+7, no daylight saving).
 */
import { ANNOUNCED_YEARS, FIXED_HOLIDAY_TABLES, type CalendarDay } from './calendar-data.ts';
import { DEADLINE_RULE_TABLES, type DeadlineRule } from './rules.ts';

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The working calendar: announced days, keyed by date (`yyyy-mm-dd`). */
export interface WorkCalendar {
  /** Announced days per year; a year without an entry uses ANNOUNCED_YEARS. */
  years: ReadonlyMap<number, readonly CalendarDay[]>;
}

/** The calendar from the years the database holds, the built-in announced years otherwise. */
export function workCalendar(imported: readonly CalendarDay[] = []): WorkCalendar {
  const years = new Map<number, CalendarDay[]>();
  for (const day of imported) {
    const year = Number(day.date.slice(0, 4));
    const list = years.get(year) ?? [];
    list.push(day);
    years.set(year, list);
  }
  return { years };
}

function announced(calendar: WorkCalendar, date: string): CalendarDay | undefined {
  const year = Number(date.slice(0, 4));
  const days = calendar.years.get(year) ?? ANNOUNCED_YEARS[year]?.days ?? [];
  return days.find((d) => d.date === date);
}

function fixedHoliday(date: string): boolean {
  const table = FIXED_HOLIDAY_TABLES.filter((t) => t.since <= date).at(-1);
  return table?.days.some((d) => d.monthDay === date.slice(5)) ?? false;
}

/** Monday to Friday, except holidays; a make-up Saturday is a working day. */
export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  const day = announced(calendar, date);
  if (day) return day.kind === 'workday';
  if (fixedHoliday(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: WorkCalendar, date: string): string {
  let d = addCalendarDays(date, 1);
  // A year has at most a few weeks off in a row; 400 days means a broken calendar.
  for (let i = 0; !isWorkingDay(calendar, d); i++) {
    if (i > 400) throw new Error(`Lịch làm việc không có ngày làm việc nào sau ${date}.`);
    d = addCalendarDays(d, 1);
  }
  return d;
}

/** `n` working days after the working day `date` (0: that day). */
export function addWorkingDays(calendar: WorkCalendar, date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(calendar, d);
  return d;
}

/** Working days `d` with `from` < d ≤ `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = from; d < to;) {
    d = nextWorkingDay(calendar, d);
    if (d <= to) n++;
  }
  return n;
}

/** The date and time of day (`HH:MM:SS.mmm`) of an instant, in Việt Nam. */
export function inVietnam(at: Date): { date: string; time: string } {
  const iso = new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 23) };
}

/** The rule of `procedure` in force on `date`, or undefined for an unknown procedure. */
export function deadlineRule(procedure: string, date: string): DeadlineRule | undefined {
  return DEADLINE_RULE_TABLES.filter((t) => t.since <= date)
    .at(-1)
    ?.rules.find((r) => r.procedure === procedure);
}

/**
 * The working day an application is taken as received: the day itself when
 * it is a working day; otherwise the next working day (received at its
 * start, so no cut-off applies).
 */
export function receivingDay(
  calendar: WorkCalendar,
  at: Date,
): { date: string; time: string; moved: boolean } {
  const local = inVietnam(at);
  if (isWorkingDay(calendar, local.date)) return { ...local, moved: false };
  return { date: nextWorkingDay(calendar, local.date), time: '00:00:00.000', moved: true };
}

/**
 * The due date (`yyyy-mm-dd`) of an application received at `at` under
 * `rule`: the number of working days after the receiving day; a same-day
 * rule with a cut-off moves to the next working day when received after it.
 */
export function dueDate(calendar: WorkCalendar, rule: DeadlineRule, at: Date): string {
  const day = receivingDay(calendar, at);
  let start = day.date;
  if (rule.cutoff && !day.moved && day.time > `${rule.cutoff}:00.000`)
    start = nextWorkingDay(calendar, start);
  return addWorkingDays(calendar, start, rule.workingDays);
}

/**
 * The clock stopped for additions (Decree 61/2018/NĐ-CP Art. 17(2): the time
 * already spent counts; the time the applicant takes does not): the working
 * days left on the due date when the clock stopped on `stoppedAt`, counted
 * after the day it stopped. An application already overdue keeps 0.
 */
export function daysLeftWhenStopped(calendar: WorkCalendar, due: string, stoppedAt: Date): number {
  return workingDaysBetween(calendar, receivingDay(calendar, stoppedAt).date, due);
}

/**
 * The new due date when the additions arrive at `restartedAt`: the days left
 * counted again from the day they are received (as an application is).
 */
export function dueAfterRestart(
  calendar: WorkCalendar,
  rule: DeadlineRule,
  daysLeft: number,
  restartedAt: Date,
): string {
  return dueDate(calendar, { ...rule, workingDays: daysLeft }, restartedAt);
}

/**
 * An instant as the contract reads it: ISO 8601 with a date, a time and an
 * offset (`Z` or `±hh:mm`); undefined when unreadable.
 */
export function parseReceived(text: string): Date | undefined {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.exec(
      text.trim(),
    );
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)
    return undefined;
  const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  if (Number(d) < 1 || Number(d) > days) return undefined;
  const at = new Date(text.trim());
  return Number.isNaN(at.getTime()) ? undefined : at;
}
