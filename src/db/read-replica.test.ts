import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, postgresServer } from '../../test/helpers/db-setup.ts';
import { freshDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { makeSmallProvince } from '../../test/helpers/factories/orgs.ts';
import { openReadDatabase, ReadReplicaConfigError, type OpenDatabase } from './connection.ts';

/**
 * DATABASE_READ_URL against a real streaming standby of the test server.
 * `.ci/run` starts one (pg_basebackup -R, port 5433) and sets
 * TEST_READ_DATABASE_URL; elsewhere (the PGlite pass, a machine without a
 * standby) there is nothing to replicate to, hence the skip.
 */
const primary = postgresServer();
const standby = process.env.TEST_READ_DATABASE_URL;

describe.skipIf(!primary || !standby)('the read-only standby (DATABASE_READ_URL)', () => {
  let test: TestDatabase;
  let read: OpenDatabase;
  let name: string;

  beforeAll(async () => {
    test = await freshDatabase();
    name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(test.db))
      .rows[0]!.name;
    const main = { db: test.db, kind: 'postgres' as const, describe: name, close: test.close };
    read = openReadDatabase(
      { databaseUrl: databaseUrl(primary!, name), readUrl: databaseUrl(standby!, name) },
      main,
    );
  });
  afterAll(async () => {
    await read?.close();
    await test?.close();
  });

  it('sees what the primary wrote, after replication, and refuses writes', async () => {
    const units = await makeSmallProvince(test.db);
    const someUnit = Object.values(units)[0]!;
    await expect
      .poll(
        async () =>
          (await read.db.selectFrom('org_unit').select('id').where('id', '=', someUnit).execute())
            .length,
        { timeout: 30_000, interval: 200 },
      )
      .toBe(1);
    expect(
      (await sql<{ standby: boolean }>`SELECT pg_is_in_recovery() AS standby`.execute(read.db))
        .rows[0]!.standby,
    ).toBe(true);
    await expect(
      read.db
        .updateTable('org_unit')
        .set({ name: 'Ghi vào bản sao' })
        .where('id', '=', someUnit)
        .execute(),
    ).rejects.toThrow(/read-only/);
  });
});

describe('openReadDatabase without a standby', () => {
  it('reads through the main connection, and refuses a standby without DATABASE_URL', () => {
    const main = {
      db: {} as OpenDatabase['db'],
      kind: 'pglite' as const,
      describe: 'x',
      close: () => Promise.resolve(),
    };
    expect(openReadDatabase({}, main).db).toBe(main.db);
    expect(() => openReadDatabase({ readUrl: 'postgres://127.0.0.1:5433/x' }, main)).toThrow(
      ReadReplicaConfigError,
    );
  });
});
