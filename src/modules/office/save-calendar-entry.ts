import { badRequest, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { calendarEntryBody, type CalendarEntryBody, type CalendarWeek } from './contract.ts';
import { weekOf } from './get-week.ts';
import { ensureWeek, findEntry, insertEntry, updateEntry } from './repo.ts';
import { weekStart } from './rules.ts';

/**
 * Adds an entry to the unit's work calendar, or changes one (`id`). A change
 * to a week already published is marked, so readers of the public page see
 * what moved since they last looked.
 */
export async function saveCalendarEntry(
  db: Db,
  caller: Caller,
  input: CalendarEntryBody,
  id?: string,
): Promise<CalendarWeek> {
  const unitId = requireOfficeUnit(caller, 'office.calendar');
  const existing = id === undefined ? undefined : isUuid(id) ? await findEntry(db, id) : undefined;
  if (id !== undefined && (!existing || existing.unit_id !== unitId))
    throw notFound('mục lịch công tác');
  const parsed = calendarEntryBody.safeParse(input);
  if (!parsed.success)
    throw badRequest(
      parsed.error.issues.map((i) => i.message).join('; '),
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  const e = parsed.data;
  const values = {
    day: e.day,
    start_time: e.startTime,
    content: e.content,
    chair: e.chair,
    place: e.place,
    participants: e.participants,
    preparing_unit: e.preparingUnit,
    notes: e.notes,
  };
  await writeTransaction(db, actorOf(caller), async (tx) => {
    const week = await ensureWeek(tx, uuidv7(), unitId, weekStart(e.day));
    const published = week.published_at !== null;
    if (existing)
      await updateEntry(tx, existing.id, {
        ...values,
        week_id: week.id,
        changed_after_publication: published || existing.changed_after_publication,
      });
    else
      await insertEntry(tx, {
        id: uuidv7(),
        unit_id: unitId,
        week_id: week.id,
        ...values,
        changed_after_publication: published,
      });
  });
  return weekOf(db, unitId, e.day);
}
