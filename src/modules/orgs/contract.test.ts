import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.ts';
import { buildApp, type App } from '../../app/app.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeSmallProvince } from '../../../test/helpers/factories/orgs.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { auditEntry, me, unitCounts, unitDetail, userRow } from './contract.ts';
import { installOrgTreeHooks } from '../../core/org-tree.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let admin: Client;

/** Every operation of orgs, as /docs/json names it. */
const OPERATIONS: [method: string, path: string][] = [
  ['post', '/api/auth/login'],
  ['post', '/api/auth/logout'],
  ['get', '/api/auth/me'],
  ['post', '/api/auth/password'],
  ['get', '/api/orgs/roots'],
  ['get', '/api/orgs/search'],
  ['get', '/api/orgs/{id}'],
  ['get', '/api/orgs/{id}/children'],
  ['get', '/api/orgs/{id}/history'],
  ['post', '/api/orgs'],
  ['patch', '/api/orgs/{id}'],
  ['post', '/api/orgs/{id}/move'],
  ['post', '/api/orgs/{id}/merge'],
  ['post', '/api/orgs/{id}/deactivate'],
  ['post', '/api/orgs/{id}/reactivate'],
  ['get', '/api/orgs/export.xlsx'],
  ['post', '/api/orgs/import'],
  ['get', '/api/users'],
  ['post', '/api/users'],
  ['patch', '/api/users/{id}'],
  ['post', '/api/users/{id}/reset-password'],
  ['get', '/api/audit'],
];

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeSmallProvince(db);
  // A counter that answers more than the contract lists (as a careless module might).
  installOrgTreeHooks({
    countUnit: () =>
      Promise.resolve({ users: 7, secretNote: 'không được gửi' } as unknown as Record<
        string,
        number
      >),
  });
  app = await buildApp({ db, webDir: null });
  admin = await signIn(app, 'admin', 'mat-khau-rat-dai-1');
});

afterAll(async () => {
  await app?.close();
  await close?.();
});

const keysOf = (schema: { shape: object }) => Object.keys(schema.shape).sort();

describe('the orgs contract', () => {
  it('documents a 2xx answer for every operation in /docs/json', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    }>();
    for (const [method, path] of OPERATIONS) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeTruthy();
      const answers = Object.keys(operation?.responses ?? {}).filter((s) => /^2\d\d$/.test(s));
      expect(answers.length, `${method} ${path}`).toBeGreaterThan(0);
    }
  });

  it('drops a field the answer schema does not list', async () => {
    const { status, body } = await admin.get(`/api/orgs/${ids.THA}`);
    expect(status).toBe(200);
    const unit = body as Record<string, unknown> & { counts: Record<string, unknown> };
    expect(Object.keys(unit).sort()).toEqual(keysOf(unitDetail));
    expect(Object.keys(unit.counts).sort()).toEqual(keysOf(unitCounts));
    expect(unit.counts.users).toBe(7);
    expect(JSON.stringify(body)).not.toContain('secretNote');
  });

  it('sends an account without its password hash, and only the listed fields', async () => {
    const list = await admin.get('/api/users?q=admin');
    expect(list.status).toBe(200);
    const { items, page, pageSize, total } = list.body as {
      items: Record<string, unknown>[];
      page: number;
      pageSize: number;
      total: number;
    };
    expect({ page, pageSize, total }).toEqual({ page: 1, pageSize: 20, total: 1 });
    expect(Object.keys(items[0]!).sort()).toEqual(keysOf(userRow));
    const signedIn = await admin.get('/api/auth/me');
    const { user } = signedIn.body as { user: Record<string, unknown> };
    expect(Object.keys(user).sort()).toEqual(keysOf(me));
    expect(user.grantableRoles).toContain('teacher');
    for (const text of [JSON.stringify(list.body), JSON.stringify(signedIn.body)])
      expect(text).not.toMatch(/password_?hash|\$argon2/i);
  });

  it('answers audit entries in the contract shape', async () => {
    const { status, body } = await admin.get('/api/audit?pageSize=5');
    expect(status).toBe(200);
    const { items } = body as { items: Record<string, unknown>[] };
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(keysOf(auditEntry));
  });
});
