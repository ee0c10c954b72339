import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { hashPassword, temporaryPassword } from '../../../lib/passwords.ts';
import type { TemporaryPassword } from '../contract.ts';
import { getUser } from './get-user.ts';
import { endSessions, setTemporaryPassword } from './repo.ts';
import { requireGrantable } from './rules.ts';

/** A new temporary password; the account's open sessions end. */
export async function resetPassword(
  db: Db,
  scope: Scope,
  userId: string,
): Promise<TemporaryPassword> {
  const current = await getUser(db, scope, userId);
  requireGrantable(scope, current.role);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await writeTransaction(db, scope.actor, async (tx) => {
    await setTemporaryPassword(tx, userId, passwordHash);
    await endSessions(tx, userId);
  });
  return { temporaryPassword: password };
}
