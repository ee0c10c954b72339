import pg from 'pg';
import { migrateToLatest, openDatabase, type Db } from '../../src/db/connection.ts';

export interface TestDatabase {
  db: Db;
  close: () => Promise<void>;
}

/**
 * A fresh, migrated database for one test file: PGlite in memory, or, in the
 * PostgreSQL pass of the suite (SOGD_TEST_TARGET=postgres), a new database on
 * the TEST_DATABASE_URL server, dropped on close.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl && process.env.SOGD_TEST_TARGET === 'postgres') {
    const name = `sogd_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    await migrateToLatest(database.db);
    return {
      db: database.db,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        // Plain DROP first: FORCE would cut a connection still closing and make noise.
        await dropper
          .query(`DROP DATABASE IF EXISTS ${name}`)
          .catch(() => dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        await dropper.end();
      },
    };
  }
  const database = await openDatabase({ memory: true });
  await migrateToLatest(database.db);
  return { db: database.db, close: database.close };
}
