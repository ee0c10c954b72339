import { notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import type { CalendarWeek } from './contract.ts';
import { weekOf } from './get-week.ts';
import { deleteEntry, findEntry } from './repo.ts';

/** Removes an entry of the unit's calendar (the audit log keeps what it said). */
export async function deleteCalendarEntry(
  db: Db,
  caller: Caller,
  id: string,
): Promise<CalendarWeek> {
  const unitId = requireOfficeUnit(caller, 'office.calendar');
  const entry = isUuid(id) ? await findEntry(db, id) : undefined;
  if (!entry || entry.unit_id !== unitId) throw notFound('mục lịch công tác');
  await writeTransaction(db, actorOf(caller), (tx) => deleteEntry(tx, id));
  return weekOf(db, unitId, entry.day);
}
