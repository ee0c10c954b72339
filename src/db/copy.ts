import { randomUUID } from 'node:crypto';
import { finished } from 'node:stream/promises';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './connection.ts';
import type { Tx } from './actor.ts';

/**
 * Bulk loads through COPY. A COPY must run on the transaction's own session,
 * which Kysely keeps to itself. On a PostgreSQL server (COPY FROM STDIN) the
 * pool's clients are therefore kept here by their server process id, and a
 * transaction finds its client by asking the server for that id; behind a
 * pooler that reports other ids (PgBouncer), none is found and callers fall
 * back to INSERT. PGlite takes COPY from a blob ('/dev/blob') passed to a
 * query of its transaction object; its transactions are exclusive, so the
 * one open is the caller's.
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

const pgliteTransactionOf = new WeakMap<Db, () => PGliteTransaction | null>();

/** Called once by openDatabase for an embedded database: its open transaction becomes reachable for COPY. */
export function trackPgliteTransactions(db: Db, pglite: PGlite): void {
  let open: PGliteTransaction | null = null;
  const transaction = pglite.transaction.bind(pglite);
  // Kysely's PGlite dialect runs each transaction through this method.
  pglite.transaction = <T>(callback: (tx: PGliteTransaction) => Promise<T>): Promise<T> =>
    transaction(async (tx) => {
      open = tx;
      try {
        return await callback(tx);
      } finally {
        open = null;
      }
    });
  pgliteTransactionOf.set(db, () => open);
}

/** Loads rows already in COPY's text format into a table, inside one transaction. */
export type CopyRows = (
  table: string,
  columns: readonly string[],
  rows: Uint8Array,
) => Promise<number>;

/**
 * COPY for transaction `tx` of database `db`, or null where it cannot reach
 * that transaction's session: a database not opened by openDatabase, or a
 * server behind a pooler that hides its process ids.
 */
export async function copyRowsFor(db: Db, tx: Tx): Promise<CopyRows | null> {
  const token = randomUUID();
  const { rows } = await sql<{ pid: number }>`
    SELECT pg_backend_pid() AS pid, set_config('sogd.copy_session', ${token}, true)`.execute(tx);
  // Rows written in any other session would escape the transaction's
  // rollback: the session found must see this transaction's own setting.
  const sees = async (query: (text: string) => Promise<{ rows: unknown[] }>) =>
    (
      (await query("SELECT current_setting('sogd.copy_session', true) AS token")).rows[0] as
        { token: string } | undefined
    )?.token === token;
  const list = (columns: readonly string[]) =>
    // Identifiers come from the caller's code, never from input; quoted anyway.
    columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');

  const pgliteTx = pgliteTransactionOf.get(db)?.();
  if (pgliteTx) {
    if (!(await sees((text) => pgliteTx.query(text)))) return null;
    return async (table, columns, data) => {
      const result = await pgliteTx.query(
        `COPY "${table}" (${list(columns)}) FROM '/dev/blob'`,
        [],
        // Bytes from a worker are never a SharedArrayBuffer.
        { blob: new Blob([data as Uint8Array<ArrayBuffer>]) },
      );
      return result.affectedRows ?? 0;
    };
  }
  const client = clientsOf.get(db)?.get(rows[0]!.pid);
  if (!client || !(await sees((text) => client.query(text)))) return null;
  return async (table, columns, data) => {
    const stream = client.query(copyFrom(`COPY "${table}" (${list(columns)}) FROM STDIN`));
    stream.end(data);
    await finished(stream);
    return stream.rowCount;
  };
}
