import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import { isUuid } from '../../../lib/ids.ts';
import type { UserRow } from '../contract.ts';
import { accountById } from './repo.ts';

export async function getUser(db: Db, scope: Scope, userId: string): Promise<UserRow> {
  scope.require('user.manage');
  if (!isUuid(userId)) throw notFound('tài khoản');
  const found = await accountById(db, userId);
  if (!found) throw notFound('tài khoản');
  if (!scope.containsPath(found.unitPath)) throw forbidden();
  return found.user;
}
