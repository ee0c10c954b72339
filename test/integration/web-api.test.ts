import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app/app.ts';
import { freshDatabase } from '../helpers/db.ts';

// Issue #12: the web names every route once, in its module's api.ts
// (web/src/modules/<name>/api.ts), typed with the contract's answer; pages
// call those functions. Here: every route named there exists in the OpenAPI
// document with that method, and no page writes an /api URL of its own.
const WEB = join(import.meta.dirname, '../../web/src');

function sources(dir = WEB): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => relative(WEB, join(e.parentPath, e.name)));
}

/**
 * Routes named in the api.ts files: `route.get<T>('/api/…'`, file links
 * `url('/api/…'` (GET) and upload targets `uploadUrl('/api/…'` (POST).
 */
function namedRoutes(): { method: string; path: string; file: string }[] {
  const found = [];
  for (const file of sources().filter((f) => f.endsWith('/api.ts'))) {
    const text = readFileSync(join(WEB, file), 'utf8');
    for (const m of text.matchAll(/\broute\.(get|post|put|patch)\s*<[^(]*>\(\s*'([^']+)'/g))
      found.push({ method: m[1]!, path: m[2]!, file });
    for (const m of text.matchAll(/\b(url|uploadUrl)\(\s*'([^']+)'/g))
      found.push({ method: m[1] === 'url' ? 'get' : 'post', path: m[2]!, file });
  }
  return found;
}

let app: App;
let close: () => Promise<void>;
beforeAll(async () => {
  const database = await freshDatabase();
  close = database.close;
  app = await buildApp({ db: database.db, webDir: null });
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

describe("the web's routes", () => {
  it('each exists in the OpenAPI document with its method', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = namedRoutes();
    expect(routes.length).toBeGreaterThan(50);
    const missing = routes.filter(({ method, path }) => {
      // `:id` in the web's path: `{id}` in the document, or a fixed value there (imports/students).
      const pattern = new RegExp(
        `^${path.replace(/:[A-Za-z]+/g, '(\\{[A-Za-z]+\\}|[a-z-]+)').replace(/\./g, '\\.')}$`,
      );
      return !Object.entries(doc.paths).some(
        ([docPath, methods]) => pattern.test(docPath) && method in methods,
      );
    });
    expect(missing).toEqual([]);
  });

  it('are written only in the api.ts files, never in a page', () => {
    const pages = sources().filter((f) => !f.endsWith('/api.ts'));
    const offenders = pages.filter((file) =>
      /['`]\/api\//.test(readFileSync(join(WEB, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
