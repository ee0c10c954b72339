import type { Db } from '../../../db/connection.ts';
import type { LoadedSession } from './load-session.ts';
import { deleteSession, recordAuthEvent } from './repo.ts';

export async function logout(db: Db, session: LoadedSession, ip: string | null): Promise<void> {
  await deleteSession(db, session.sessionId);
  await recordAuthEvent(
    db,
    'logout',
    {
      id: session.user.id,
      username: session.user.username,
      full_name: session.user.fullName,
      org_unit_id: session.user.orgUnitId,
    },
    ip,
  );
}
