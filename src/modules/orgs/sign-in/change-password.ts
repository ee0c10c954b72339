import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { Scope } from '../../../core/access/scope.ts';
import { badRequest } from '../../../core/errors.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../../../lib/passwords.ts';
import type { LoadedSession } from './load-session.ts';
import { deleteOtherSessions, passwordOf, setOwnPassword } from './repo.ts';

/**
 * The signed-in account replaces its own password (also a temporary one,
 * which is why it takes the session and not a Scope: requireScope refuses a
 * session that must change its password first).
 */
export async function changePassword(
  db: Db,
  session: LoadedSession,
  input: { currentPassword: string; newPassword: string; ip: string | null },
): Promise<void> {
  const userId = session.user.id;
  const user = await passwordOf(db, userId);
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw badRequest('Mật khẩu hiện tại không đúng.', [
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  const problems = await passwordProblems(input.newPassword, {
    username: user.username,
    fullName: user.full_name,
  });
  if (input.newPassword === input.currentPassword)
    problems.push('Mật khẩu mới phải khác mật khẩu hiện tại.');
  if (problems.length)
    throw badRequest(
      problems.join(' '),
      problems.map((message) => ({ path: 'newPassword', message })),
    );
  const passwordHash = await hashPassword(input.newPassword);
  const actor = new Scope(session.user, input.ip).actor;
  await writeTransaction(db, actor, async (tx) => {
    await setOwnPassword(tx, userId, passwordHash);
    // Other sessions of this account end: only the one that changed the password stays.
    await deleteOtherSessions(tx, userId, session.sessionId);
  });
}
