/**
 * The org tree and accounts (units, schools' details, users, sign-in, audit).
 * The only file other modules and the app import from this module.
 */
import { lazyFunction } from '../../core/lazy.ts';
import { defineModule } from '../../core/module.ts';
import { ORGS_AUDIT } from './audit-labels.ts';
import { registerOrgCommands } from './cli.ts';
import { EXPIRED_SESSIONS_CRON, expiredSessionsJob } from './jobs.ts';
import { ORGS_PERMISSIONS } from './permissions.ts';
import { flushAuthEvents } from './sign-in/events.ts';

export const orgsModule = defineModule({
  name: 'orgs',
  audit: ORGS_AUDIT,
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

export type { LoadedSession } from './sign-in/load-session.ts';

// What other modules and the app call, loaded when first called: this file is
// imported by every `sogd` command, which should not load the database code.
export const loadSession = lazyFunction(() => import('./sign-in/load-session.ts'), 'loadSession');
export const createAccount = lazyFunction(
  () => import('./users/create-account.ts'),
  'createAccount',
);
export const accountExists = lazyFunction(
  () => import('./users/account-exists.ts'),
  'accountExists',
);
export const findRootUnitId = lazyFunction(() => import('./units/root-unit.ts'), 'findRootUnitId');
export const findUnitByCode = lazyFunction(
  () => import('./units/find-unit-by-code.ts'),
  'findUnitByCode',
);
export const listAudit = lazyFunction(() => import('./audit/list-audit.ts'), 'listAudit');
/** A record's changes of one field from the audit log (the registry's status history). */
export const listFieldChanges = lazyFunction(
  () => import('./audit/field-changes.ts'),
  'listFieldChanges',
);
export { LEVEL_LABELS, OWNERSHIP_LABELS, unitSearchName } from './units/rules.ts';
// For other modules' tests and the app's: the audit log as a signed-in user
// reads it, the org sheet's headers, the sign-in throttle's reset, the job.
export { ORG_HEADERS } from './units/org-sheet.ts';
export { resetLoginThrottle } from './sign-in/throttle.ts';
export { expiredSessionsJob };
