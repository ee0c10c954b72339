import type { Db } from '../../../db/connection.ts';
import { fieldChanges } from './repo.ts';

/** One change of a record's field, as the audit log recorded it. */
export interface FieldChange {
  at: Date;
  actorName: string;
  /** The row before and after the update (column → value). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The audit log's updates of one record that changed `field`, oldest first.
 * No access check here: the caller (a module's use case) has checked the
 * caller's Scope over the record before asking for its history.
 */
export async function listFieldChanges(
  db: Db,
  input: { entityType: string; entityId: string; field: string },
): Promise<FieldChange[]> {
  const rows = await fieldChanges(db, input);
  return rows.map((r) => ({
    at: r.at,
    actorName: r.actor_name,
    before: (r.before as Record<string, unknown> | null) ?? null,
    after: (r.after as Record<string, unknown> | null) ?? null,
  }));
}
