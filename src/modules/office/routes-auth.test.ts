import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import { createFileStore } from '../../core/files/store.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';

// Every route of the office that changes something answers an anonymous
// caller 401 before its body is read or validated (the routes' `signedIn`
// onRequest check): a bad body from nobody is not told what is wrong with it.
let app: App;
let close: () => Promise<void>;
const dir = mkdtempSync(join(tmpdir(), 'sogd-office-auth-'));

beforeAll(async () => {
  const fresh = await freshDatabase();
  close = fresh.close;
  app = await buildApp({ db: fresh.db, webDir: null, files: createFileStore(dir) });
});
afterAll(async () => {
  await app?.close();
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('office routes and anonymous callers', () => {
  it('answers 401, not 400, to an anonymous caller with a bad body on every changing route', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/office/'))
      .flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => m !== 'get' && m !== 'head')
          .map((m) => [m.toUpperCase() as 'POST' | 'PUT' | 'DELETE', path] as const),
      );
    // The routes of this module that take a body or an upload, at least.
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const answers: string[] = [];
    for (const [method, path] of routes) {
      const url = path
        .replace('{kind}', 'incoming')
        .replace(/\{[^}]+\}/g, '01900000-0000-7000-8000-000000000001');
      const r = await app.inject({
        method,
        url,
        payload: { subject: 42, prepareId: 'not-an-id', items: 'x' },
      });
      answers.push(`${method} ${path} ${r.statusCode}`);
    }
    expect(answers.filter((a) => !a.endsWith(' 401'))).toEqual([]);
  });
});
