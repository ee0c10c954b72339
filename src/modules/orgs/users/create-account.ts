import { writeTransaction, type Actor } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Role } from '../../../db/schema.ts';
import { conflict } from '../../../core/errors.ts';
import { insertAccount, usernameTaken } from './repo.ts';
import { TAKEN_USERNAME } from './rules.ts';

/**
 * Inserts an account, with no access check: the callers check (createUser
 * through the Scope) or are the system (the department's admin at first start).
 */
export async function createAccount(
  db: Db,
  actor: Actor,
  account: {
    id: string;
    username: string;
    fullName: string;
    email: string | null;
    role: Role;
    orgUnitId: string;
    passwordHash: string;
    mustChangePassword: boolean;
  },
): Promise<void> {
  await writeTransaction(db, actor, async (tx) => {
    // The same words whoever holds the name: no hint whether the account is
    // in the caller's unit or elsewhere in the province, nor which unit.
    if (await usernameTaken(tx, account.username))
      throw conflict(TAKEN_USERNAME, [{ path: 'username', message: TAKEN_USERNAME }]);
    await insertAccount(tx, {
      id: account.id,
      username: account.username,
      full_name: account.fullName,
      email: account.email,
      role: account.role,
      org_unit_id: account.orgUnitId,
      password_hash: account.passwordHash,
      must_change_password: account.mustChangePassword,
    });
  });
}
