import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { buildApp, type App } from './app.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  app = await buildApp({ db, webDir: null });
  // A real unique violation raised by the database, as a concurrent save would meet it.
  app.get('/test/duplicate', async () =>
    db.transaction().execute(async (tx) => {
      await sql`CREATE TEMP TABLE dup (id int PRIMARY KEY) ON COMMIT DROP`.execute(tx);
      await sql`INSERT INTO dup VALUES (1)`.execute(tx);
      await sql`INSERT INTO dup VALUES (1)`.execute(tx);
      return { written: true };
    }),
  );
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('errors the services did not foresee', () => {
  it('answers a unique violation lost to a concurrent save with 409 in Vietnamese, not 500', async () => {
    const r = await app.inject({ method: 'GET', url: '/test/duplicate' });
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json<{ detail: string }>().detail).toContain('chưa được lưu');
  });
});
