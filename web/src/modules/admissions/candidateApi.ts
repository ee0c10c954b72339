/**
 * A candidate's requests: the candidate's own session cookie (path
 * /api/public/admissions) and the CSRF token its sign-in answered, kept
 * apart from a staff session's. In a browser also signed in as staff (a
 * school's officer submitting for a family), writes echo the staff token in
 * x-csrf-token, as the kernel requires of a staff session, and the
 * candidate's in x-candidate-csrf; the server records those versions as made
 * on the family's behalf.
 */
import {
  ApiError,
  languageHeader,
  serverSaid,
  url,
  type Problem,
  type Query,
} from '../../shared/api.ts';

let csrf = '';
export function setCandidateCsrf(token: string): void {
  csrf = token;
  sessionStorage.setItem('sogd.candidateCsrf', token);
}
let staffCsrf = '';
/** The staff session's token when this browser is signed in as staff too ('' when not). */
export function setStaffCsrf(token: string): void {
  staffCsrf = token;
}
export function candidateCsrf(): string {
  return csrf || sessionStorage.getItem('sogd.candidateCsrf') || '';
}

async function candidateRequest<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = languageHeader();
  if (body !== undefined && !(body instanceof FormData))
    headers['content-type'] = 'application/json';
  if (method !== 'GET' && staffCsrf) {
    headers['x-csrf-token'] = staffCsrf;
    headers['x-candidate-csrf'] = candidateCsrf();
  } else if (method !== 'GET') headers['x-csrf-token'] = candidateCsrf();
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
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
  return data as T;
}

interface Target {
  params?: Record<string, string>;
  query?: Query;
}

/** The candidate's routes, as `route` in shared/api.ts is for staff: only api.ts calls these. */
export const candidateRoute = {
  get: <T>(path: string, target: Target = {}) =>
    candidateRequest<T>('GET', url(path, target.params, target.query)),
  post: <T, B = unknown>(path: string, body: B, target: Target = {}) =>
    candidateRequest<T>('POST', url(path, target.params, target.query), body),
  put: <T, B = unknown>(path: string, body: B, target: Target = {}) =>
    candidateRequest<T>('PUT', url(path, target.params, target.query), body),
  delete: <T, B = unknown>(path: string, body: B, target: Target = {}) =>
    candidateRequest<T>('DELETE', url(path, target.params, target.query), body),
};
