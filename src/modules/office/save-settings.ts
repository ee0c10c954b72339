import { badRequest, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { settingsBody, type OfficeSettings, type SettingsBody } from './contract.ts';
import { getSettings } from './get-settings.ts';
import { findUnit, saveOfficeUnit } from './repo.ts';

/**
 * Records the unit's abbreviation (the `UNIT` of every notation it issues,
 * Annex I §II.3) and its divisions' abbreviations (the drafting units).
 * Numbers already given keep the notation they were given with.
 */
export async function saveSettings(
  db: Db,
  caller: Caller,
  input: SettingsBody & { unitId?: string },
): Promise<OfficeSettings> {
  const unitId = requireOfficeUnit(caller, 'office.settings', input.unitId);
  const parsed = settingsBody.safeParse(input);
  if (!parsed.success)
    throw badRequest(
      parsed.error.issues.map((i) => i.message).join('; '),
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  if (!(await findUnit(db, unitId))) throw notFound('đơn vị');
  const divisions = [...new Set(parsed.data.divisions)];
  await writeTransaction(db, actorOf(caller), (tx) =>
    saveOfficeUnit(tx, unitId, parsed.data.abbreviation, divisions),
  );
  return getSettings(db, caller, unitId);
}
