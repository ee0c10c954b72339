import type { App } from '../../src/app/app.ts';

export interface Client {
  get(url: string): Promise<{ status: number; body: unknown }>;
  send(
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: unknown }>;
  csrfToken: string;
  cookie: string;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Signs in through the real route and keeps the session cookie and CSRF token. */
export async function signIn(app: App, username: string, password: string): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'sogd_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  const headerCookie = `sogd_session=${cookie.value}`;
  return {
    csrfToken,
    cookie: headerCookie,
    async get(url) {
      const r = await app.inject({ method: 'GET', url, headers: { cookie: headerCookie } });
      return { status: r.statusCode, body: parse(r.body) };
    },
    async send(method, url, payload) {
      const r = await app.inject({
        method,
        url,
        headers: { cookie: headerCookie, 'x-csrf-token': csrfToken },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      return { status: r.statusCode, body: parse(r.body) };
    },
  };
}
