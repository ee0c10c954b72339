import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../test/helpers/fixtures.ts';
import { signIn } from '../../test/helpers/client.ts';
import { MAX_WORKBOOK_BYTES } from '../lib/xlsx.ts';
import type { Db } from '../db/connection.ts';
import { buildApp, type App } from './app.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  const ids = await makeTree(db, SMALL_PROVINCE);
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
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

  it('refuses an upload over the workbook size limit with the limit in the message', async () => {
    const clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
    const boundary = '----sogd';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.alloc(MAX_WORKBOOK_BYTES + 1024),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const r = await app.inject({
      method: 'POST',
      url: '/api/registry/imports/students?dryRun=1',
      headers: {
        cookie: clerk.cookie,
        'x-csrf-token': clerk.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    expect(r.statusCode).toBe(413);
    expect(r.json<{ detail: string }>().detail).toContain(`${MAX_WORKBOOK_BYTES / 1e6} MB`);
    const students = await db.selectFrom('student').select('id').execute();
    expect(students).toHaveLength(0);
  });
});
