import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import type { CalendarWeek } from './contract.ts';
import { calendarEntryOf, iso } from './present.ts';
import { findUnit, findWeek, weekEntries } from './repo.ts';
import { todayInVietnam, weekStart } from './rules.ts';

/** A unit's week as stored (its entries, published or not). */
export async function weekOf(db: Db, unitId: string, day: string): Promise<CalendarWeek> {
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound('đơn vị');
  const start = weekStart(day);
  const week = await findWeek(db, unitId, start);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    weekStart: start,
    publishedAt: week ? iso(week.published_at) : null,
    entries: week ? (await weekEntries(db, week.id)).map(calendarEntryOf) : [],
  };
}

/** The work calendar of the caller's unit for the week holding `day` (this week by default). */
export async function getWeek(db: Db, caller: Caller, day?: string): Promise<CalendarWeek> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  return weekOf(db, unitId, day ?? todayInVietnam());
}
