import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { searchKey } from '../../../lib/vietnamese.ts';
import type { UserList, UserListQuery } from '../contract.ts';
import { listAccounts } from './repo.ts';

/** Accounts of the caller's subtree, or of one unit's subtree in it, a page at a time. */
export async function listUsers(db: Db, scope: Scope, filter: UserListQuery): Promise<UserList> {
  scope.require('user.manage');
  const unit = filter.orgUnitId
    ? await scope.requireUnit(db, filter.orgUnitId, 'user.manage')
    : null;
  const key = filter.q ? searchKey(filter.q) : '';
  const { rows, total } = await listAccounts(db, {
    within: scope.pathCondition(),
    underPath: unit?.path,
    nameKey: key,
    fullNamePart: filter.q?.toLowerCase(),
    page: filter.page,
    pageSize: filter.pageSize,
  });
  return { items: rows, total, page: filter.page, pageSize: filter.pageSize };
}
