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

/**
 * An action that changes no audited row (a sign-in, opening or signing a
 * file, a key rotation) has no trigger to record it: it is written to the
 * audit log here, the one place outside the triggers that does, in the
 * triggers' shape (who, from where, what, on which entity, under which unit).
 */
export async function recordAuditEvent(
  db: Db | Tx,
  actor: Actor,
  event: {
    action: string;
    entityType: string;
    entityId: string;
    unitId: string | null;
    /** What the action produced or concerned; null: nothing to keep. */
    after?: unknown;
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor.id,
      actor_name: actor.name,
      ip: actor.ip ?? null,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      org_unit_id: event.unitId,
      before: null,
      after: event.after === undefined || event.after === null ? null : JSON.stringify(event.after),
    })
    .execute();
}
