/**
 * The org tree and accounts (units, schools' details, users, sign-in, audit).
 * The only file other modules and the app import from this module.
 */
import { defineModule } from '../../core/module.ts';
import { flushAuthEvents } from './auth.ts';
import { registerOrgCommands } from './cli.ts';
import { ORGS_PERMISSIONS } from './permissions.ts';
import { registerOrgRoutes } from './routes.ts';
import { EXPIRED_SESSIONS_CRON, expiredSessionsJob } from './session-cleanup.ts';

export const orgsModule = defineModule({
  name: 'orgs',
  permissions: ORGS_PERMISSIONS,
  routes: (api, { db, secureCookies }) => registerOrgRoutes(api, { db, secureCookies }),
  commands: registerOrgCommands,
  jobs: [expiredSessionsJob],
  schedules: [{ kind: expiredSessionsJob, cron: EXPIRED_SESSIONS_CRON, payload: {} }],
  // Failed sign-ins are logged after their answer: finish those writes first.
  onClose: flushAuthEvents,
});

export { loadSession, type LoadedSession } from './auth.ts';
export { createAccount } from './users.ts';
export { findUnitByCode, LEVEL_LABELS, OWNERSHIP_LABELS, unitSearchName } from './units.ts';
