import { CompiledQuery } from 'kysely';
import type { Db } from './connection.ts';

/**
 * A plain SQL runner on the database's own connection (PGlite) or pool
 * (PostgreSQL), for a library that brings its SQL as text: the job queue
 * (pg-boss) sends both parameterised statements and scripts of several
 * statements (its schema, `BEGIN; …; COMMIT`), which Kysely's PGlite driver
 * cannot run (the extended protocol takes one statement).
 */
export type RawSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

const rawSqlOf = new WeakMap<Db, RawSql>();

export function registerRawSql(db: Db, run: RawSql): void {
  rawSqlOf.set(db, run);
}

/**
 * The runner of a database opened by openDatabase; for any other Kysely
 * instance, its own driver (enough on node-postgres, whose query without
 * values goes through the simple protocol and takes several statements).
 */
export function rawSql(db: Db): RawSql {
  return (
    rawSqlOf.get(db) ??
    (async (text, values) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows };
    })
  );
}
