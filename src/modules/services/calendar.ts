import type { Db } from '../../db/connection.ts';
import { workCalendar, type WorkCalendar } from './deadline.ts';
import { calendarDays } from './repo.ts';

/** The working calendar as the database holds it (imported years over the built-in ones). */
export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  return workCalendar(await calendarDays(db));
}
