import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Sign-in no longer locks accounts (issue #11, item 8): five guesses from
// anywhere locked any account, the admin's included. Failed attempts are now
// spaced out in memory; what must survive a restart is where each account
// signed in from successfully, so that its usual address is never held back
// by guesses made from elsewhere. No audit trigger: the sign-ins themselves
// are already in the audit log, with their address.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sign_in_address (
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      address text NOT NULL,
      last_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, address)
    )`.execute(db);
  await sql`ALTER TABLE app_user DROP COLUMN failed_attempts, DROP COLUMN locked_until`.execute(db);
}
