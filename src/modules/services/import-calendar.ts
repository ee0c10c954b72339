import type { Scope } from '../../core/access/scope.ts';
import { badRequest, forbidden } from '../../core/errors.ts';
import { writeTransaction, type Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { CalendarDay } from './calendar-data.ts';
import { departmentUnit, replaceCalendarYears } from './repo.ts';

const KINDS: Record<string, CalendarDay['kind']> = {
  holiday: 'holiday',
  nghỉ: 'holiday',
  nghi: 'holiday',
  workday: 'workday',
  'làm bù': 'workday',
  'lam bu': 'workday',
};

/**
 * Reads a calendar file: a header `date,kind,name` (or `ngày,loại,tên`), then
 * one day per line — `2027-02-08,nghỉ,Tết Nguyên đán` or
 * `2027-02-20,làm bù,Làm bù cho ngày 12/02`. Every problem is named by line
 * and column; one bad line refuses the whole file.
 */
export function parseCalendarCsv(text: string): CalendarDay[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: string[] = [];
  const days: CalendarDay[] = [];
  const seen = new Set<string>();
  const header = (lines[0] ?? '').toLowerCase().replaceAll(' ', '');
  if (!/^(date|ngày),(kind|loại),(name|tên)/.test(header))
    throw badRequest('Dòng 1: cần tiêu đề "date,kind,name" (hoặc "ngày,loại,tên").');
  lines.slice(1).forEach((line, i) => {
    const row = i + 2;
    if (!line.trim()) return;
    const [date = '', kind = '', ...rest] = line.split(',').map((c) => c.trim());
    const name = rest.join(',').trim().replace(/^"|"$/g, '');
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
      new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
    ) {
      errors.push(`Dòng ${row}, cột date: "${date}" không phải ngày dạng yyyy-mm-dd.`);
      return;
    }
    const k = KINDS[kind.toLowerCase()];
    if (!k) {
      errors.push(
        `Dòng ${row}, cột kind: "${kind}" cần là "nghỉ" (holiday) hoặc "làm bù" (workday).`,
      );
      return;
    }
    if (!name) {
      errors.push(`Dòng ${row}, cột name: cần tên ngày (ví dụ "Tết Nguyên đán").`);
      return;
    }
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (k === 'workday' && !weekend) {
      errors.push(`Dòng ${row}: ngày làm bù ${date} không phải thứ Bảy hay Chủ nhật.`);
      return;
    }
    if (k === 'holiday' && weekend) {
      errors.push(
        `Dòng ${row}: ${date} đã là ngày nghỉ cuối tuần; nếu được nghỉ bù, hãy ghi ngày nghỉ bù.`,
      );
      return;
    }
    if (seen.has(date)) {
      errors.push(`Dòng ${row}: ngày ${date} đã có ở dòng trước.`);
      return;
    }
    seen.add(date);
    days.push({ date, kind: k, name: name.slice(0, 200) });
  });
  if (errors.length) throw badRequest(errors.slice(0, 20).join(' '));
  if (!days.length) throw badRequest('Tệp không có ngày nào.');
  return days;
}

/**
 * Imports announced days: each year present in the file replaces that year
 * as a whole (database and built-in). The department's administrator or a
 * system task (`sogd services calendar import`).
 */
export async function importCalendar(
  db: Db,
  caller: Scope | { system: Actor },
  input: { csv: string; source?: string },
): Promise<{ years: number[]; days: number }> {
  let actor: Actor;
  if ('system' in caller) actor = caller.system;
  else {
    caller.require('services.calendar');
    const department = await departmentUnit(db);
    if (!department || caller.user.orgUnitId !== department.id) throw forbidden();
    actor = caller.actor;
  }
  const days = parseCalendarCsv(input.csv);
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort();
  await writeTransaction(db, actor, (tx) =>
    replaceCalendarYears(tx, years, days, input.source ?? 'nhập từ tệp'),
  );
  return { years, days: days.length };
}
