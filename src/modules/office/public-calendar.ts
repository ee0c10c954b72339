import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { CalendarWeek } from './contract.ts';
import { weekOf } from './get-week.ts';
import { findUnitIdByCode } from './repo.ts';
import { todayInVietnam } from './rules.ts';

/**
 * A unit's published work calendar, for anyone (issue #17 item 6): a week
 * not yet published answers as empty, so drafts never show.
 */
export async function publicCalendar(db: Db, code: string, day?: string): Promise<CalendarWeek> {
  const unitId = await findUnitIdByCode(db, code);
  if (!unitId) throw notFound('đơn vị');
  const week = await weekOf(db, unitId, day ?? todayInVietnam());
  return week.publishedAt ? week : { ...week, entries: [] };
}
