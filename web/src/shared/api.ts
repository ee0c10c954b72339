/**
 * The sogd API from the browser: JSON, the session cookie, and the CSRF token
 * echoed on writes. Pages call their module's typed functions
 * (web/src/modules/<name>/api.ts), which name each route as the server
 * declares it and take their answer types from the module's contract.ts: the
 * one place an answer's type is stated (test/integration/web-api.test.ts checks every
 * route named there exists).
 */
import type { Problem as ProblemDetails } from '../../../src/core/contract.ts';
import { activeLang } from './i18n.ts';

/** RFC 9457 problem details, as every error answers; `type` absent when the server sent none. */
export type Problem = Omit<ProblemDetails, 'type'> & { type?: string };

export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    /** The response body as sent (an import's report on 422, for one). */
    readonly body: unknown = null,
  ) {
    super(problem.detail || problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

/** A request's answer, or null when the caller is not signed in (401): a page that shows a sign-in form then. */
export async function signedOutAsNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** What to show when an error answer carries no problem details (a proxy's 502, say). */
export function serverSaid(status: number): { title: string; detail: string } {
  return activeLang() === 'en'
    ? { title: 'Error', detail: `The server answered ${status}.` }
    : { title: 'Lỗi', detail: `Máy chủ trả lời ${status}.` };
}

/** The message of an upload cut off before the server answered. */
export function connectionLost(): string {
  return activeLang() === 'en'
    ? 'The connection to the server was lost while sending the file.'
    : 'Mất kết nối tới máy chủ khi gửi tệp.';
}

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/**
 * The page's language for the server (issue 13 item 17): problem details and
 * an import's row errors come back in English with `Accept-Language: en`.
 */
export function languageHeader(): Record<string, string> {
  return { 'accept-language': activeLang() };
}

/** For the few requests made with fetch directly (file downloads after an upload): CSRF token and language. */
export function requestHeaders(): Record<string, string> {
  return { 'x-csrf-token': csrfToken, ...languageHeader() };
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = languageHeader();
  if (body !== undefined && !(body instanceof FormData))
    headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const problem =
      data && typeof data === 'object' && 'title' in data
        ? (data as Problem)
        : { ...serverSaid(response.status), status: response.status };
    throw new ApiError({ ...problem, status: response.status }, data);
  }
  // The server serialises every answer through the route's schema, whose
  // type the module's api.ts names: this is the one cast of an answer.
  return data as T;
}

/** A query string's values; undefined and null are left out. */
export type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * A route's URL from its path as the server declares it (`/api/orgs/:id`),
 * its path parameters and its query.
 */
export function url(
  path: string,
  params: Record<string, string> = {},
  query: Query | URLSearchParams = {},
): string {
  const filled = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new Error(
        activeLang() === 'en'
          ? `Parameter ${name} of ${path} is missing`
          : `Thiếu tham số ${name} của ${path}`,
      );
    return encodeURIComponent(value);
  });
  const search =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(
          Object.entries(query)
            .filter(([, v]) => v !== undefined && v !== null)
            .map(([k, v]) => [k, String(v)]),
        );
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

/**
 * A query schema's input as a page sends it: a coerced number (page,
 * pageSize), typed `unknown` by zod, is sent as a number or its text.
 */
export type QueryOf<T> = {
  [K in keyof T]: unknown extends T[K] ? number | string | undefined : T[K];
};

/**
 * The URL of a route a file is POSTed to with XMLHttpRequest or fetch
 * (uploads with progress, a file sent back): `url`, named for what it is.
 */
export const uploadUrl: typeof url = url;

interface Target {
  params?: Record<string, string>;
  query?: Query | URLSearchParams;
}

/**
 * One route, typed: `route.get<UnitDetail>('/api/orgs/:id', { params: { id } })`.
 * Only the modules' api.ts files call these; pages call those files.
 */
export const route = {
  get: <T>(path: string, target: Target = {}) =>
    request<T>('GET', url(path, target.params, target.query)),
  post: <T, B = unknown>(path: string, body?: B, target: Target = {}) =>
    request<T>('POST', url(path, target.params, target.query), body ?? {}),
  patch: <T, B = unknown>(path: string, body: B, target: Target = {}) =>
    request<T>('PATCH', url(path, target.params, target.query), body),
  put: <T, B = unknown>(path: string, body: B, target: Target = {}) =>
    request<T>('PUT', url(path, target.params, target.query), body),
};

/** What to show of a failed request: the problem's detail, or the error's text. */
export function problemText(error: unknown): string {
  return error instanceof ApiError ? error.problem.detail : String(error);
}

// Types pages of several modules use, from their contracts (types only: no zod in the bundle).
export type {
  AuditEntry,
  Kind,
  Level,
  Me,
  Role,
  UnitDetail,
  UnitSummary,
  UserRow,
} from '../../../src/modules/orgs/contract.ts';
export type { ClassStudent, ClassSummary } from '../../../src/modules/registry/contract.ts';
