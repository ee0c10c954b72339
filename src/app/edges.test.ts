import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/connection.ts';
import { parseTrustProxy } from './cli/serve.ts';
import { resetLoginThrottle } from '../modules/orgs/index.ts';
import { freshDatabase } from '../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../test/helpers/fixtures.ts';
import { buildApp, type App } from './app.ts';

// Issue #11, items 7 (trusted proxy hops) and 14 (security headers).

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
const webDir = mkdtempSync(join(tmpdir(), 'sogd-web-'));
const PROXY = '127.0.0.1';

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await makeUser(db, ids.SGD!, 'department_admin', 'admin');
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>sogd</title>');
  // TRUST_PROXY=1, read the way `sogd serve` reads it: one proxy in front.
  app = await buildApp({
    db,
    webDir,
    trustProxy: parseTrustProxy('1'),
    lookupsPerMinute: 3,
  });
});

afterAll(async () => {
  await app?.close();
  await close?.();
  rmSync(webDir, { recursive: true, force: true });
});

beforeEach(() => resetLoginThrottle());

/** A request that came through our one proxy, whose client claimed `forged` as its address. */
const viaProxy = (forged: string, client = '5.6.7.8') => ({
  remoteAddress: PROXY,
  headers: { 'x-forwarded-for': `${forged}, ${client}` },
});

describe('TRUST_PROXY', () => {
  it('parses hops or a list of proxy addresses, and refuses anything else with a clear message', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    for (const bad of ['true', 'yes', '10.0.0.0/33', '300.1.1.1', '10.0.0.1/8/2', '11'])
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
  });

  it('takes the address the proxy saw (the rightmost), not what the client wrote', async () => {
    const r = await app.inject({ method: 'GET', url: '/healthz', ...viaProxy('1.2.3.4') });
    expect(r.statusCode).toBe(200);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      ...viaProxy('9.9.9.9'),
      payload: { username: 'admin', password: 'mat-khau-rat-dai-1' },
    });
    expect(signedIn.statusCode).toBe(200);
    const login = await db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'login')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(login.ip).toBe('5.6.7.8');
  });

  it('a rotated X-Forwarded-For does not reset the diploma lookup limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({
        method: 'GET',
        url: '/api/public/diplomas/lookup?serial=A1&fullName=Nguyen%20An&birthDate=2008-01-01',
        ...viaProxy(`10.0.${i}.1`),
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // Another client behind the same proxy is not affected.
    const other = await app.inject({
      method: 'GET',
      url: '/api/public/diplomas/lookup?serial=A1&fullName=Nguyen%20An&birthDate=2008-01-01',
      ...viaProxy('10.0.0.1', '5.6.7.9'),
    });
    expect(other.statusCode).not.toBe(429);
  });

  it('a rotated X-Forwarded-For does not reset the sign-in throttle', async () => {
    const statuses: number[] = [];
    // Guesses at many names from one client: the per-address limit must see one address.
    for (let i = 0; i < 34; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        ...viaProxy(`10.1.${i}.1`),
        payload: { username: `ten.doan.${i}`, password: 'doan-mat-khau' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toContain(429);
  }, 60_000);
});

describe('security headers', () => {
  const expectHeaders = (
    headers: Record<string, string | string[] | number | undefined>,
    what: string,
  ) => {
    const csp = String(headers['content-security-policy'] ?? '');
    expect(csp, what).toContain("default-src 'self'");
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("script-src 'self'");
    expect(csp, what).toContain("object-src 'none'");
    expect(headers['x-frame-options'], what).toBe('DENY');
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  };

  it('are on an API answer, an error, a page and /docs', async () => {
    for (const url of ['/api/auth/me', '/api/khong-co', '/', '/don-vi/abc', '/docs', '/healthz']) {
      const r = await app.inject({ method: 'GET', url });
      expectHeaders(r.headers, url);
    }
    const docs = await app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
    expectHeaders(docs.headers, '/docs/');
    // A plain-HTTP install: no HSTS and no upgrade of its own requests to HTTPS.
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.headers['strict-transport-security']).toBeUndefined();
    expect(String(page.headers['content-security-policy'])).not.toContain('upgrade-insecure');
  });
});
