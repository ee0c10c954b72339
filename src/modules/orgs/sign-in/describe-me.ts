import type { Db } from '../../../db/connection.ts';
import { permissionsOf } from '../../../core/access/permissions.ts';
import type { Me } from '../contract.ts';
import { grantableRoles } from '../permissions.ts';
import type { LoadedSession } from './load-session.ts';
import { unitOfAccount } from './repo.ts';

/** The signed-in account as the pages need it: its unit, permissions and grantable roles. */
export async function describeMe(db: Db, session: LoadedSession): Promise<Me> {
  const unit = await unitOfAccount(db, session.user.orgUnitId);
  return {
    id: session.user.id,
    username: session.user.username,
    fullName: session.user.fullName,
    role: session.user.role,
    orgUnit: unit,
    mustChangePassword: session.mustChangePassword,
    permissions: [...permissionsOf(session.user.role)],
    grantableRoles: grantableRoles(session.user.role),
  };
}
