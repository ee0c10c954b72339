import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db.ts';
import { buildApp, type App } from './app.ts';

// Issue #12: every answer of the API is documented, and serialised through
// its schema, so a field the schema does not list never leaves the server.
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

interface Operation {
  summary?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('the OpenAPI document', () => {
  it('gives every /api operation a summary and a 2xx answer with its schema', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const missing: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(methods)) {
        operations++;
        const op = `${method.toUpperCase()} ${path}`;
        const success = Object.entries(operation.responses ?? {}).filter(([status]) =>
          /^2\d\d$/.test(status),
        );
        if (!success.length) missing.push(`${op}: no 2xx answer`);
        // 204 has no body; every other success answer names its content's schema.
        for (const [status, answer] of success)
          if (status !== '204' && !Object.values(answer.content ?? {}).some((c) => c.schema))
            missing.push(`${op}: ${status} without a schema`);
        if (!operation.summary) missing.push(`${op}: no summary`);
      }
    }
    expect(operations).toBeGreaterThan(70);
    expect(missing).toEqual([]);
  });
});
