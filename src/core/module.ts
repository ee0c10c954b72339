import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { PermissionGrants } from './access/permissions.ts';
import type { AuditLabels } from './audit.ts';
import type { FileStore } from './files/store.ts';
import type { JobKind, JobQueue } from './jobs/index.ts';
import type { Mailer } from './mail/mailer.ts';
import type { OrgTreeHooks } from './org-tree.ts';

/** What the app hands every module's routes. */
export interface ModuleServices {
  db: Db;
  /**
   * For public reads that may lag by replication delay (live counts): a
   * read-only standby (DATABASE_READ_URL), else the same as `db`.
   */
  readDb: Db;
  /** Public base URL (SOGD_PUBLIC_URL): links in signed documents use it, never the Host header. */
  publicUrl: string;
  /** Cookies carry the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  /** Public lookups a client may make per minute, where a module rate-limits one. */
  lookupsPerMinute?: number | undefined;
  /** The job queue, when this process runs one (`sogd serve`). */
  jobs?: JobQueue | undefined;
  /** Uploaded files kept outside the database (src/core/files/store.ts). */
  files: FileStore;
  /** Outgoing e-mail: SMTP_URL, or the local outbox (src/core/mail). */
  mail: Mailer;
}

/** What `onStart` is told: the tree's root and, when there is one, the issuing keys' passphrase. */
export interface StartContext {
  rootId: string;
  keyPassphrase?: string | undefined;
}

/** A recurring job: its kind, a cron expression (server time) and the payload. */
export interface JobSchedule {
  kind: JobKind<unknown>;
  cron: string;
  payload: unknown;
}

/**
 * A module as the app sees it (docs/ARCHITECTURE.md). `src/app/modules.ts`
 * lists every descriptor; the Fastify app, the `sogd` command, the permission
 * table, the org-tree hooks and the job queue are all built by looping over
 * that list, so a module is added in one place.
 */
export interface SogdModule {
  /** Folder name under src/modules/. */
  name: string;
  /** The module's permissions and the roles holding each (its permissions.ts). */
  permissions?: PermissionGrants;
  /** How the audit log names its tables' rows and fields (src/core/audit.ts). */
  audit?: AuditLabels;
  /**
   * Routes under /api (the app adds the prefix). May be async, so that a
   * module loads its routes (and what they need) only when the app is built,
   * not when the `sogd` command starts.
   */
  routes?: (api: FastifyInstance, services: ModuleServices) => void | Promise<void>;
  /** Routes outside /api (for example /.well-known/did.json); may be async too. */
  publicRoutes?: (app: FastifyInstance, services: ModuleServices) => void | Promise<void>;
  /** Sub-commands of `sogd`. */
  commands?: (program: Command) => void;
  /** What the module does when units are counted or merged. */
  orgTree?: OrgTreeHooks;
  /** Job kinds the module's handlers run, and the schedules `sogd serve` declares. */
  jobs?: readonly JobKind<unknown>[];
  schedules?: readonly JobSchedule[];
  /**
   * Run by `sogd serve` at every start once the tree exists (src/app/bootstrap.ts):
   * make sure the module's own start-up state is there (diplomas: the department's
   * signing key). Must do nothing when it already is.
   */
  onStart?: (db: Db, context: StartContext) => Promise<void>;
  /** Called by `buildApp`'s onClose: finish writes made after an answer. */
  onClose?: () => Promise<void>;
}

export function defineModule(module: SogdModule): SogdModule {
  return module;
}
