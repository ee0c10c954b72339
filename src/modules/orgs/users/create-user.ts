import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { badRequest } from '../../../core/errors.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { hashPassword, temporaryPassword } from '../../../lib/passwords.ts';
import { normalizeText } from '../../../lib/vietnamese.ts';
import type { CreatedUser, NewUser } from '../contract.ts';
import { createAccount } from './create-account.ts';
import { getUser } from './get-user.ts';
import { requireGrantable, requireRoleFitsUnit, USERNAME_RE } from './rules.ts';

/** A new account with a temporary password, which its holder must replace at first sign-in. */
export async function createUser(db: Db, scope: Scope, input: NewUser): Promise<CreatedUser> {
  const unit = await scope.requireUnit(db, input.orgUnitId, 'user.manage');
  requireGrantable(scope, input.role);
  requireRoleFitsUnit(input.role, unit);
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_RE.test(username))
    throw badRequest('Tên đăng nhập chưa hợp lệ.', [
      {
        path: 'username',
        message: 'Tên đăng nhập gồm 3–32 ký tự: chữ thường không dấu, chữ số, ".", "_" hoặc "-".',
      },
    ]);
  const fullName = normalizeText(input.fullName);
  if (!fullName)
    throw badRequest('Họ và tên không được để trống.', [
      { path: 'fullName', message: 'Họ và tên không được để trống.' },
    ]);
  const password = temporaryPassword();
  const id = uuidv7();
  await createAccount(db, scope.actor, {
    id,
    username,
    fullName,
    email: input.email ?? null,
    role: input.role,
    orgUnitId: input.orgUnitId,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  });
  return { user: await getUser(db, scope, id), temporaryPassword: password };
}
