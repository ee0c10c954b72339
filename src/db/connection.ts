import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import pg from 'pg';
import { trackPgliteTransactions, trackPoolClients } from './copy.ts';
import { migrations } from './migrations/index.ts';
import { registerRawSql } from './raw-sql.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DatabaseTarget {
  /** postgres://… — a PostgreSQL server. */
  databaseUrl?: string | undefined;
  /**
   * postgres://… — a read-only standby of that server (streaming replication),
   * for the heavy public reads (admissions' live counts); only with databaseUrl.
   */
  readUrl?: string | undefined;
  /** Folder of the embedded PGlite database (default ./data). */
  dataDir?: string | undefined;
  /** Embedded database kept in memory only (tests). */
  memory?: boolean;
  /** In memory only: start from this dump of a data folder (tests' migrated snapshot). */
  loadDataDir?: Blob | undefined;
}

export interface OpenDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Human description for logs: never includes a password. */
  describe: string;
  /** Embedded database only: a tarball of the whole data folder, gzipped unless told otherwise. */
  dump?: (compression?: 'gzip' | 'none') => Promise<Blob>;
  close: () => Promise<void>;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Cơ sở dữ liệu nhúng ở ${dataDir} đang được tiến trình ${pid} (máy chủ sogd?) sử dụng. ` +
        `Hãy dừng máy chủ trước, hoặc dùng DATABASE_URL với PostgreSQL để chạy song song.`,
    );
  }
}

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    readUrl: env.DATABASE_READ_URL || undefined,
    dataDir: env.DATA_DIR || './data',
  };
}

export class ReadReplicaConfigError extends Error {
  constructor() {
    super(
      'DATABASE_READ_URL chỉ dùng cùng DATABASE_URL: bản sao chỉ đọc là bản sao của máy chủ PostgreSQL chính. ' +
        'Hãy đặt DATABASE_URL, hoặc bỏ DATABASE_READ_URL.',
    );
  }
}

/** A pool of up to 10 connections to a PostgreSQL server, and Kysely over it. */
function postgresPool(
  connectionString: string,
  { label, options }: { label: string; options?: string },
): { pool: pg.Pool; db: Db } {
  const pool = new pg.Pool({ connectionString, max: 10, ...(options ? { options } : {}) });
  // An idle connection closed by the server (restart, failover) must not
  // crash the process: the pool opens a new one on the next query.
  pool.on('error', (error) => {
    console.error(`${label} đóng một kết nối rảnh: ${error.message}`);
  });
  // Dates stay 'yyyy-mm-dd' strings: a date of birth has no time zone.
  pg.types.setTypeParser(1082, (value: string) => value);
  return { pool, db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
}

/**
 * The connection for reads that may lag the primary by replication delay
 * (public counts): the standby at `target.readUrl`, or the main connection
 * when there is none. Its sessions are read-only even if the URL names a
 * primary by mistake, so a write through it fails instead of landing there.
 */
export function openReadDatabase(target: DatabaseTarget, main: OpenDatabase): OpenDatabase {
  if (!target.readUrl) return { ...main, close: async () => {} };
  if (!target.databaseUrl) throw new ReadReplicaConfigError();
  const { db } = postgresPool(target.readUrl, {
    label: 'PostgreSQL (bản sao chỉ đọc)',
    options: '-c default_transaction_read_only=on',
  });
  const url = new URL(target.readUrl);
  return {
    db,
    kind: 'postgres',
    describe: `PostgreSQL (chỉ đọc) ${url.hostname}:${url.port || 5432}${url.pathname}`,
    close: () => db.destroy(),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is single-process: two processes on one folder would corrupt it. A
 * lock file with our pid guards it; a lock left by a dead process is taken over.
 */
function acquireLock(dataDir: string): () => void {
  const lockFile = join(dataDir, 'sogd.lock');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseLockedError(dataDir, pid);
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/** Extensions the migrations use (trigram name search); a server has them as contrib. */
const PGLITE_EXTENSIONS = { pg_trgm };

/**
 * Replaces the embedded database in `dataDir` with a backup made by `dump`.
 * The current data moves aside to pgdata.before-restore-<time> first: nothing is lost.
 */
export async function restoreEmbedded(dataDir: string, backup: Blob): Promise<string | null> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = acquireLock(dir);
  try {
    const pgdata = join(dir, 'pgdata');
    let movedTo: string | null = null;
    if (existsSync(pgdata)) {
      movedTo = join(
        dir,
        `pgdata.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`,
      );
      renameSync(pgdata, movedTo);
    }
    try {
      const pglite = new PGlite(pgdata, { loadDataDir: backup, extensions: PGLITE_EXTENSIONS });
      await pglite.waitReady;
      await pglite.query('SELECT 1');
      await pglite.close();
    } catch (error) {
      rmSync(pgdata, { recursive: true, force: true });
      if (movedTo) renameSync(movedTo, pgdata);
      throw error;
    }
    return movedTo;
  } finally {
    release();
  }
}

/**
 * A json parameter given as UTF-8 bytes goes to PGlite as it is (binary
 * format, which json reads as its text), as node-postgres sends a Buffer:
 * a bulk import passes 2.5 MB of rows per statement, and PGlite's text path
 * measures and encodes such a string character by character in JavaScript
 * (0.75 s per 100,000 students, measured). Anything else as PGlite would.
 * PGlite's bind step takes bytes (0.5.16, pinned) though its types say string.
 */
const PGLITE_SERIALIZERS = {
  114: (value: unknown): string | Uint8Array =>
    value instanceof Uint8Array ? value : typeof value === 'string' ? value : JSON.stringify(value),
} as unknown as Record<number, (value: unknown) => string>;

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.databaseUrl) {
    const { pool, db } = postgresPool(target.databaseUrl, { label: 'PostgreSQL' });
    trackPoolClients(db, pool);
    registerRawSql(db, (text, values) => pool.query(text, values));
    const url = new URL(target.databaseUrl);
    return {
      db,
      kind: 'postgres',
      describe: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => db.destroy(),
    };
  }
  let release = () => {};
  let pglite: PGlite;
  let describe = 'PGlite (bộ nhớ)';
  if (target.memory) {
    pglite = new PGlite({
      parsers: { 1082: (value: string) => value },
      serializers: PGLITE_SERIALIZERS,
      extensions: PGLITE_EXTENSIONS,
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
  } else {
    const dataDir = resolve(target.dataDir ?? './data');
    mkdirSync(dataDir, { recursive: true });
    release = acquireLock(dataDir);
    describe = `PGlite ${dataDir}`;
    try {
      pglite = new PGlite(join(dataDir, 'pgdata'), {
        parsers: { 1082: (value: string) => value },
        serializers: PGLITE_SERIALIZERS,
        extensions: PGLITE_EXTENSIONS,
      });
      await pglite.waitReady;
    } catch (error) {
      release();
      throw error;
    }
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  trackPgliteTransactions(db, pglite);
  // Without values a text may hold several statements: exec runs them as one script.
  registerRawSql(db, async (text, values) =>
    values?.length
      ? pglite.query(text, values)
      : { rows: (await pglite.exec(text)).at(-1)?.rows ?? [] },
  );
  return {
    db,
    kind: 'pglite',
    describe,
    dump: (compression = 'gzip') => pglite.dumpDataDir(compression),
    close: async () => {
      await db.destroy();
      release();
    },
  };
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  if (await allMigrationsApplied(db)) return { results: [] };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'sogd_migration',
    migrationLockTableName: 'sogd_migration_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error)
    throw result.error instanceof Error
      ? result.error
      : new Error('Cập nhật cấu trúc cơ sở dữ liệu thất bại', { cause: result.error });
  return result;
}

/**
 * A restart's fast path: two queries say whether every migration is recorded
 * as applied, and nothing else is. Kysely's Migrator first introspects every
 * table of the schema to find its own (about 0.3 s of a 2 s restart on
 * PGlite, issue #13 item 20); anything other than an exact match goes to the
 * Migrator, which takes its lock, applies or reports what differs.
 */
async function allMigrationsApplied(db: Db): Promise<boolean> {
  // Two statements: a query naming a table that does not exist fails at parse time.
  const { rows: present } = await sql<{ present: boolean }>`
    select to_regclass('sogd_migration') is not null as present
  `.execute(db);
  if (!present[0]?.present) return false;
  const { rows } = await sql<{ name: string }>`select name from sogd_migration`.execute(db);
  const applied = rows.map((r) => r.name).sort();
  const expected = Object.keys(migrations).sort();
  return applied.length === expected.length && applied.every((name, i) => name === expected[i]);
}
