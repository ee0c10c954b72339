/**
 * The HTTP boundary of orgs (sign-in, the org tree, accounts, the audit log,
 * the org import/export): request and answer schemas with their types. It
 * imports only zod and core/contract.ts, so the web imports its types (and
 * the label tables of ./labels.ts, re-exported here) without server code.
 * An answer is serialised by its schema: a field not listed here is not sent.
 */
import { z } from 'zod';
import {
  fileAnswer,
  id,
  ownership,
  paged,
  schoolLevel,
  timestamp,
  unitRef,
  versionField,
} from '../../core/contract.ts';
import { BOTH_OR_NEITHER } from '../../lib/geo.ts';

export { KIND_NAMES, LEVEL_NAMES, OWNERSHIP_NAMES, ROLE_NAMES } from './labels.ts';

// ---- Shared pieces of this module ----

export const ROLES = [
  'department_admin',
  'department_staff',
  'office_staff',
  'school_admin',
  'school_staff',
  'teacher',
  'auditor',
] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

export const KINDS = ['department', 'office', 'commune', 'school', 'centre', 'other'] as const;
export const kind = z.enum(KINDS);
export type Kind = z.infer<typeof kind>;

export type Level = z.infer<typeof schoolLevel>;

export type Ownership = z.infer<typeof ownership>;

const pageNumber = z.coerce.number().int().min(1).max(100_000).default(1);

// ---- Sign-in ----

export const loginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof loginBody>;

/** The signed-in account, as the pages need it (no e-mail, no password state beyond the flag). */
export const me = z.object({
  id,
  username: z.string(),
  fullName: z.string(),
  role,
  orgUnit: unitRef.extend({ kind }),
  mustChangePassword: z.boolean(),
  permissions: z.array(z.string()),
  /** Roles this account may hand out (none without user.manage): the users page offers these. */
  grantableRoles: z.array(role),
});
export type Me = z.infer<typeof me>;

/** Answer of sign-in and of /auth/me: the account and the token to echo on writes. */
export const session = z.object({ user: me, csrfToken: z.string() });
export type Session = z.infer<typeof session>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

// ---- Org tree ----

export const unitSummary = z.object({
  id,
  code: z.string(),
  name: z.string(),
  kind,
  levels: z.array(schoolLevel),
  ownership: ownership.nullable(),
  active: z.boolean(),
  childCount: z.number().int(),
});
export type UnitSummary = z.infer<typeof unitSummary>;
export const unitList = z.array(unitSummary);

export const unitCounts = z.object({
  children: z.number().int(),
  classes: z.number().int(),
  students: z.number().int(),
  staff: z.number().int(),
  users: z.number().int(),
});
export type UnitCounts = z.infer<typeof unitCounts>;

/**
 * A unit's location (a school's gate), WGS 84 decimal degrees: both or
 * neither. The entry-grade assignment measures distances from it.
 */
// One of the two missing says so; a value of the wrong type keeps Zod's own message.
const bothOrNeither = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? BOTH_OR_NEITHER : undefined),
};
export const geoPoint = z.object({ lat: z.number(bothOrNeither), lon: z.number(bothOrNeither) });
export type GeoPoint = z.infer<typeof geoPoint>;

export const unitDetail = unitSummary.extend({
  parentId: id.nullable(),
  address: z.string().nullable(),
  location: geoPoint.nullable(),
  mergedIntoId: id.nullable(),
  /** Ancestors the caller may see, root first, the unit last. */
  path: z.array(unitRef),
  counts: unitCounts,
  /** Send it back with an edit: a save from a stale form is refused (409). */
  version: z.number().int(),
});
export type UnitDetail = z.infer<typeof unitDetail>;

export const unitSearchQuery = z.object({ q: z.string().max(200).default('') });

export const newUnitBody = z.object({
  code: z.string().max(32),
  name: z.string().min(1).max(300),
  kind,
  parentId: z.string().max(64),
  levels: z.array(schoolLevel).max(4).optional(),
  ownership: ownership.nullable().optional(),
  address: z.string().max(500).nullable().optional(),
  location: geoPoint.nullable().optional(),
});
export type NewUnit = z.infer<typeof newUnitBody>;

export const unitPatchBody = z.object({
  code: z.string().max(32).optional(),
  name: z.string().min(1).max(300).optional(),
  levels: z.array(schoolLevel).max(4).optional(),
  ownership: ownership.nullable().optional(),
  address: z.string().max(500).nullable().optional(),
  location: geoPoint.nullable().optional(),
  version: versionField,
});
export type UnitPatch = z.infer<typeof unitPatchBody>;

export const moveUnitBody = z.object({ parentId: z.string().max(64) });
export const mergeUnitBody = z.object({ intoId: z.string().max(64) });

// ---- Org import ----

export const orgImportQuery = z.object({ dryRun: z.enum(['0', '1']).default('0') });

export const importRowError = z.object({
  row: z.number().int(),
  /** The column's Vietnamese header, or null for the whole row. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const orgImportResult = z.object({
  summary: z.object({
    rows: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
    ms: z.number(),
  }),
  errorList: z.array(importRowError),
  unknownColumns: z.array(z.string()),
  applied: z.boolean(),
});
export type OrgImportResult = z.infer<typeof orgImportResult>;

export const orgExportFile = fileAnswer(
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'Tệp xlsx cây đơn vị, đúng định dạng nhập',
);

// ---- Accounts ----

export const userListQuery = z.object({
  orgUnitId: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  page: pageNumber,
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const userRow = z.object({
  id,
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  role,
  orgUnit: unitRef,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Send it back with an edit: a save from a stale form is refused (409). */
  version: z.number().int(),
});
export type UserRow = z.infer<typeof userRow>;

export const userList = paged(userRow);
export type UserList = z.infer<typeof userList>;

export const newUserBody = z.object({
  username: z.string().max(64),
  fullName: z.string().min(1).max(200),
  email: z.string().email().max(200).nullable().optional(),
  role,
  orgUnitId: z.string().max(64),
});
export type NewUser = z.infer<typeof newUserBody>;

export const userPatchBody = z.object({
  fullName: z.string().min(1).max(200).optional(),
  email: z.string().email().max(200).nullable().optional(),
  role: role.optional(),
  orgUnitId: z.string().max(64).optional(),
  active: z.boolean().optional(),
  version: versionField,
});
export type UserPatch = z.infer<typeof userPatchBody>;

/** Shown once to the admin who made or reset the account; never stored in clear. */
export const temporaryPassword = z.object({ temporaryPassword: z.string() });
export type TemporaryPassword = z.infer<typeof temporaryPassword>;

export const createdUser = temporaryPassword.extend({ user: userRow });
export type CreatedUser = z.infer<typeof createdUser>;

// ---- Audit log ----

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();

export const auditQuery = z.object({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actor: z.string().max(200).optional(),
  orgUnitId: z.string().max(64).optional(),
  from: day,
  to: day,
  page: pageNumber,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** A text in both languages of the pages. */
const text = z.object({ vi: z.string(), en: z.string() });

/** The tables the log may be filtered by, with their nouns. */
export const auditSubjectList = z.array(z.object({ table: z.string(), noun: text }));
export type AuditSubjectList = z.infer<typeof auditSubjectList>;

/** A row's image in the log (secret columns already masked by the trigger). */
const rowImage = z.record(z.string(), z.unknown()).nullable();

export const auditEntry = z.object({
  id,
  at: timestamp,
  actorName: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** Rows created by an 'insert_many' entry (a list import), else 1. */
  rows: z.number().int(),
  orgUnitId: id.nullable(),
  before: rowImage,
  after: rowImage,
  /** What happened, as a register line: "Sửa hồ sơ học sinh Nguyễn Văn An (4400012345)". */
  summary: text,
  /** The labelled fields it changed, values as a person reads them (dd/mm/yyyy, Có/Không). */
  changes: z.array(
    z.object({ field: z.string(), label: text, before: text.nullable(), after: text.nullable() }),
  ),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditList = paged(auditEntry);
export type AuditList = z.infer<typeof auditList>;
export const unitHistoryList = z.array(auditEntry);
