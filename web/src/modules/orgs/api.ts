/**
 * The orgs module's routes as the pages call them (sign-in, the org tree,
 * accounts, the audit log): each function names the route as the server
 * declares it and answers the type its contract gives that route's schema.
 */
import type { z } from 'zod';
import type {
  AuditEntry,
  AuditList,
  AuditSubjectList,
  auditQuery,
  ChangePasswordBody,
  CreatedUser,
  LoginBody,
  mergeUnitBody,
  moveUnitBody,
  NewUnit,
  NewUser,
  Session,
  TemporaryPassword,
  UnitDetail,
  UnitPatch,
  UnitSummary,
  UserList,
  userListQuery,
  UserPatch,
  UserRow,
} from '../../../../src/modules/orgs/contract.ts';
import { route, type QueryOf } from '../../shared/api.ts';

const byId = (id: string) => ({ params: { id } });

export const authApi = {
  /** The signed-in account (401 when none). */
  me: () => route.get<Session>('/api/auth/me'),
  login: (body: LoginBody) => route.post<Session>('/api/auth/login', body),
  logout: () => route.post<void>('/api/auth/logout'),
  changePassword: (body: ChangePasswordBody) => route.post<void>('/api/auth/password', body),
};

export const orgsApi = {
  roots: () => route.get<UnitSummary[]>('/api/orgs/roots'),
  /** Units in the caller's scope whose name or code matches (diacritics optional). */
  search: (q: string) => route.get<UnitSummary[]>('/api/orgs/search', { query: { q } }),
  unit: (id: string) => route.get<UnitDetail>('/api/orgs/:id', byId(id)),
  children: (id: string) => route.get<UnitSummary[]>('/api/orgs/:id/children', byId(id)),
  history: (id: string) => route.get<AuditEntry[]>('/api/orgs/:id/history', byId(id)),
  create: (body: NewUnit) => route.post<UnitDetail>('/api/orgs', body),
  update: (id: string, body: UnitPatch) => route.patch<UnitDetail>('/api/orgs/:id', body, byId(id)),
  move: (id: string, body: z.input<typeof moveUnitBody>) =>
    route.post<UnitDetail>('/api/orgs/:id/move', body, byId(id)),
  merge: (id: string, body: z.input<typeof mergeUnitBody>) =>
    route.post<UnitDetail>('/api/orgs/:id/merge', body, byId(id)),
  deactivate: (id: string) => route.post<UnitDetail>('/api/orgs/:id/deactivate', {}, byId(id)),
  reactivate: (id: string) => route.post<UnitDetail>('/api/orgs/:id/reactivate', {}, byId(id)),
};

export const usersApi = {
  list: (query: QueryOf<z.input<typeof userListQuery>>) =>
    route.get<UserList>('/api/users', { query }),
  create: (body: NewUser) => route.post<CreatedUser>('/api/users', body),
  update: (id: string, body: UserPatch) => route.patch<UserRow>('/api/users/:id', body, byId(id)),
  resetPassword: (id: string) =>
    route.post<TemporaryPassword>('/api/users/:id/reset-password', {}, byId(id)),
};

export const auditApi = {
  list: (query: QueryOf<z.input<typeof auditQuery>>) =>
    route.get<AuditList>('/api/audit', { query }),
  subjects: () => route.get<AuditSubjectList>('/api/audit/subjects'),
};
