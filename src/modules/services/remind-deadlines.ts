import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { loadCalendar } from './calendar.ts';
import { addWorkingDays, inVietnam, isWorkingDay, nextWorkingDay } from './deadline.ts';
import { DUE_SOON_WORKING_DAYS } from './labels.ts';
import { insertReminders, openDueBy } from './repo.ts';

/** The reminders of `today` (Việt Nam): due soon and overdue, each written once a day. */
export async function remindDeadlines(
  db: Db,
  today: string = inVietnam(new Date()).date,
): Promise<{ dueSoon: number; overdue: number; written: number }> {
  const calendar = await loadCalendar(db);
  const start = isWorkingDay(calendar, today) ? today : nextWorkingDay(calendar, today);
  const horizon = addWorkingDays(calendar, start, DUE_SOON_WORKING_DAYS);
  const rows = await openDueBy(db, horizon);
  const reminders = rows.map((r) => ({
    application_id: r.id,
    kind: String(r.due_date) < today ? ('overdue' as const) : ('due_soon' as const),
    day: today,
  }));
  const written = await writeTransaction(db, systemActor('nhắc hạn hồ sơ'), (tx) =>
    insertReminders(tx, reminders),
  );
  return {
    dueSoon: reminders.filter((r) => r.kind === 'due_soon').length,
    overdue: reminders.filter((r) => r.kind === 'overdue').length,
    written,
  };
}
