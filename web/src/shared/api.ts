/** The sogd API from the browser: JSON, the session cookie, and the CSRF token echoed on writes. */

export interface Problem {
  /** A URI naming the kind of problem; 'about:blank' for most. */
  type?: string;
  title: string;
  detail: string;
  status: number;
  errors?: { path: string; message: string }[];
}

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

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** For the few requests made with fetch directly (file downloads after an upload). */
export function csrfHeader(): Record<string, string> {
  return { 'x-csrf-token': csrfToken };
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
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
        : { title: 'Lỗi', detail: `Máy chủ trả lời ${response.status}.`, status: response.status };
    throw new ApiError({ ...problem, status: response.status }, data);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
};

// The orgs module's answers, from its contract (types only: no zod in the bundle).
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

/** The registry's class list and class roster (contract of src/modules/registry). */
export type { ClassStudent, ClassSummary } from '../../../src/modules/registry/contract.ts';
