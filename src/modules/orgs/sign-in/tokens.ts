import { createHash } from 'node:crypto';

export const SESSION_HOURS = 12;

/** The database keeps a session's hash, never its token: a copy of the table opens no session. */
export const sessionIdOf = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
