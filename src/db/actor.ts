import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { Db } from './connection.ts';

/** Who makes a change: a signed-in user, or a named system task (seed, import). */
export interface Actor {
  id: string | null;
  name: string;
  ip?: string | null | undefined;
}

export type Tx = Transaction<Database>;

export const systemActor = (task: string): Actor => ({ id: null, name: `hệ thống: ${task}` });

/**
 * Runs `work` in one transaction whose changes the audit triggers attribute to
 * `actor`. Audited tables refuse changes made outside such a transaction.
 */
export async function writeTransaction<T>(
  db: Db,
  actor: Actor,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('sogd.actor_id', ${actor.id ?? ''}, true),
                     set_config('sogd.actor_name', ${actor.name}, true),
                     set_config('sogd.ip', ${actor.ip ?? ''}, true)`.execute(tx);
    return work(tx);
  });
}

/**
 * For the rest of the transaction, rows added by one statement are audited as
 * one 'insert_many' entry per org unit (the new ids, no copy of the rows)
 * instead of one entry each: for list imports of up to 600,000 rows. See
 * migration 2026112504_audit_fast_path.
 */
export async function auditInsertsGrouped(tx: Tx): Promise<void> {
  await sql`SELECT set_config('sogd.audit_grouped', 'on', true)`.execute(tx);
}
