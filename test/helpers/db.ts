import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../src/db/connection.ts';
import { databaseUrl, dropDatabase, postgresServer } from './db-setup.ts';

export interface TestDatabase {
  db: Db;
  close: () => Promise<void>;
}

/** The migrated snapshot of this run (db-setup.ts), read once per file. */
let snapshot: Blob | undefined;

/**
 * A fresh, migrated database for one test file: PGlite in memory, or, in the
 * PostgreSQL pass of the suite (SOGD_TEST_TARGET=postgres), a new database on
 * the TEST_DATABASE_URL server, dropped on close. Both start from what the
 * run's globalSetup (db-setup.ts) migrated once; without it (another config),
 * they migrate here.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  const serverUrl = postgresServer();
  if (serverUrl) {
    const name = `sogd_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const template = inject('postgresTemplate');
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name) });
    if (!template) await migrateToLatest(database.db);
    return {
      db: database.db,
      close: async () => {
        await database.close();
        await dropDatabase(serverUrl, name);
      },
    };
  }
  const path = inject('pgliteSnapshot');
  if (path) snapshot ??= new Blob([readFileSync(path)]);
  const database = await openDatabase({ memory: true, loadDataDir: snapshot });
  if (!snapshot) await migrateToLatest(database.db);
  return { db: database.db, close: database.close };
}
