/**
 * The org tree and accounts (units, schools' details, users, sign-in, audit).
 * The only file other modules and the app import from this module.
 */
import { defineModule } from '../../core/module.ts';
import { registerOrgCommands } from './cli.ts';
import { EXPIRED_SESSIONS_CRON, expiredSessionsJob } from './jobs.ts';
import { ORGS_PERMISSIONS } from './permissions.ts';
import { flushAuthEvents } from './sign-in/events.ts';

export const orgsModule = defineModule({
  name: 'orgs',
  permissions: ORGS_PERMISSIONS,
  // Loaded when the app is built, not when the CLI starts (`sogd --help`).
  routes: async (api, { db, secureCookies }) =>
    (await import('./routes.ts')).registerOrgRoutes(api, { db, secureCookies }),
  commands: registerOrgCommands,
  jobs: [expiredSessionsJob],
  schedules: [{ kind: expiredSessionsJob, cron: EXPIRED_SESSIONS_CRON, payload: {} }],
  // Failed sign-ins are logged after their answer: finish those writes first.
  onClose: flushAuthEvents,
});

export { loadSession, type LoadedSession } from './sign-in/load-session.ts';
export { createAccount } from './users/create-account.ts';
export { findUnitByCode } from './units/find-unit-by-code.ts';
export { LEVEL_LABELS, unitSearchName } from './units/rules.ts';
// For other modules' tests and the app's: the audit log as a signed-in user
// reads it, the org sheet's headers, the sign-in throttle's reset, the job.
export { listAudit } from './audit/list-audit.ts';
export { ORG_HEADERS } from './units/org-sheet.ts';
export { resetLoginThrottle } from './sign-in/throttle.ts';
export { expiredSessionsJob };
