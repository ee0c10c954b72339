import { badRequest } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import type { CalendarWeek } from './contract.ts';
import { weekOf } from './get-week.ts';
import { ensureWeek, publishWeek as publish, weekEntries } from './repo.ts';
import { weekStart } from './rules.ts';

/** Publishes the unit's week on its public page; later changes are marked. */
export async function publishWeek(db: Db, caller: Caller, day: string): Promise<CalendarWeek> {
  const unitId = requireOfficeUnit(caller, 'office.calendar');
  await writeTransaction(db, actorOf(caller), async (tx) => {
    const week = await ensureWeek(tx, uuidv7(), unitId, weekStart(day));
    if (!(await weekEntries(tx, week.id)).length)
      throw badRequest('Tuần này chưa có lịch công tác nào để công bố.');
    await publish(tx, week.id);
  });
  return weekOf(db, unitId, day);
}
