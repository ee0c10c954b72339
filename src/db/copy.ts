import { randomUUID } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './connection.ts';
import type { Tx } from './actor.ts';

/**
 * Bulk loads through COPY FROM STDIN on a PostgreSQL server. A COPY must run
 * on the transaction's own connection, which Kysely keeps to itself; the
 * pool's clients are therefore kept here by their server process id, and a
 * transaction finds its client by asking the server for that id. Behind a
 * pooler that reports other ids (PgBouncer), none is found and callers fall
 * back to INSERT.
 */

/** pg sets it from BackendKeyData; its types leave it out. */
type ClientWithPid = pg.PoolClient & { processID: number | null };

const clientsOf = new WeakMap<Db, Map<number, pg.PoolClient>>();

/** Called once by openDatabase for a server database: its pool's clients become reachable for COPY. */
export function trackPoolClients(db: Db, pool: pg.Pool): void {
  const byPid = new Map<number, pg.PoolClient>();
  pool.on('connect', (client) => {
    const pid = (client as ClientWithPid).processID;
    if (pid !== null) byPid.set(pid, client);
  });
  pool.on('remove', (client) => {
    const pid = (client as ClientWithPid).processID;
    if (pid !== null && byPid.get(pid) === client) byPid.delete(pid);
  });
  clientsOf.set(db, byPid);
}

/** Loads rows already in COPY's text format into a table, inside one transaction. */
export type CopyRows = (
  table: string,
  columns: readonly string[],
  rows: Uint8Array,
) => Promise<number>;

/**
 * COPY for transaction `tx` of database `db`, or null where there is none:
 * PGlite (it takes COPY only from a file or a blob) or a database not opened
 * by openDatabase.
 */
export async function copyRowsFor(db: Db, tx: Tx): Promise<CopyRows | null> {
  const byPid = clientsOf.get(db);
  if (!byPid) return null;
  const token = randomUUID();
  const { rows } = await sql<{ pid: number }>`
    SELECT pg_backend_pid() AS pid, set_config('sogd.copy_session', ${token}, true)`.execute(tx);
  const client = byPid.get(rows[0]!.pid);
  if (!client) return null;
  // Rows written on any other connection would escape the transaction's
  // rollback: the client must see this transaction's own setting.
  const seen = await client.query<{ token: string }>(
    "SELECT current_setting('sogd.copy_session', true) AS token",
  );
  if (seen.rows[0]?.token !== token) return null;
  return async (table, columns, data) => {
    // Identifiers come from the caller's code, never from input; quoted anyway.
    const list = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
    const stream = client.query(copyFrom(`COPY "${table}" (${list}) FROM STDIN`));
    stream.end(data);
    await finished(stream);
    return stream.rowCount;
  };
}
