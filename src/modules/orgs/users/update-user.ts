import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { forbidden } from '../../../core/errors.ts';
import { staleVersion } from '../../../core/versions.ts';
import { normalizeText } from '../../../lib/vietnamese.ts';
import type { UserPatch, UserRow } from '../contract.ts';
import { getUser } from './get-user.ts';
import { accountVersion, endSessions, updateAccount } from './repo.ts';
import { requireGrantable, requireRoleFitsUnit } from './rules.ts';

/** Edits an account: only one the caller could have created, into a role they could grant. */
export async function updateUser(
  db: Db,
  scope: Scope,
  input: UserPatch & { id: string },
): Promise<UserRow> {
  const { id: userId, ...patch } = input;
  const current = await getUser(db, scope, userId);
  if (patch.role !== undefined) requireGrantable(scope, patch.role);
  requireGrantable(scope, current.role);
  const unit =
    patch.orgUnitId !== undefined
      ? await scope.requireUnit(db, patch.orgUnitId, 'user.manage')
      : patch.role !== undefined
        ? await scope.requireUnit(db, current.orgUnit.id, 'user.manage')
        : null;
  if (unit) requireRoleFitsUnit(patch.role ?? current.role, unit);
  if (
    userId === scope.user.id &&
    (patch.active === false || (patch.role && patch.role !== current.role))
  )
    throw forbidden('Bạn không thể tự khoá hoặc tự đổi vai trò của chính mình.');
  await writeTransaction(db, scope.actor, async (tx) => {
    const written = await updateAccount(
      tx,
      userId,
      {
        ...(patch.fullName !== undefined ? { full_name: normalizeText(patch.fullName) } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.orgUnitId !== undefined ? { org_unit_id: patch.orgUnitId } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      },
      patch.version,
    );
    if (!written) {
      const now = await accountVersion(tx, userId);
      throw staleVersion(`Tài khoản ${current.username}`, {
        sent: patch.version ?? now,
        current: now,
      });
    }
    // A locked-out or moved account loses its open sessions at once.
    if (patch.active === false || patch.orgUnitId !== undefined || patch.role !== undefined)
      await endSessions(tx, userId);
  });
  return getUser(db, scope, userId);
}
