import type { Db } from '../../../db/connection.ts';
import type { Session } from '../../../core/http/context.ts';
import { sessionRow } from './repo.ts';
import { sessionIdOf } from './tokens.ts';

/** The kernel's session shape (core/http/context.ts), loaded here. */
export type LoadedSession = Session;

/** The session a cookie's token opens: none if unknown, expired, or its account is locked. */
export async function loadSession(db: Db, token: string): Promise<LoadedSession | null> {
  if (!token || token.length > 100) return null;
  const row = await sessionRow(db, sessionIdOf(token));
  if (!row || !row.active || row.expires_at.getTime() <= Date.now()) return null;
  return {
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    user: {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      role: row.role,
      orgUnitId: row.unit_id,
      orgPath: row.path,
    },
  };
}
