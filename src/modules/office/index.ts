/**
 * The e-office (issue #17): outgoing and incoming documents numbered under
 * Decree 30/2020/NĐ-CP, the leader's instructions with deadlines and
 * reminders, the work calendar and PAdES signing. The only file other
 * modules and the app import from this module.
 */
import { lazyFunction } from '../../core/lazy.ts';
import { defineModule } from '../../core/module.ts';
import { OFFICE_AUDIT } from './audit-labels.ts';
import { registerOfficeCommands } from './cli.ts';
import {
  DEADLINE_REMINDER_CRON,
  deadlineRemindersJob,
  SIGN_PREPARE_CLEANUP_CRON,
  signPrepareCleanupJob,
} from './jobs.ts';
import { OFFICE_PERMISSIONS } from './permissions.ts';

export const officeModule = defineModule({
  name: 'office',
  audit: OFFICE_AUDIT,
  permissions: OFFICE_PERMISSIONS,
  // Loaded when the app is built, not when the CLI starts (`sogd --help`).
  routes: async (api, { db, files }) =>
    (await import('./routes.ts')).registerOfficeRoutes(api, { db, files }),
  commands: registerOfficeCommands,
  jobs: [deadlineRemindersJob, signPrepareCleanupJob],
  schedules: [
    { kind: deadlineRemindersJob, cron: DEADLINE_REMINDER_CRON, payload: {} },
    { kind: signPrepareCleanupJob, cron: SIGN_PREPARE_CLEANUP_CRON, payload: {} },
  ],
});

/** The demo's documents and calendar (loaded when called: the CLI's start stays light). */
export const seedOfficeDemo = lazyFunction(() => import('./demo.ts'), 'seedOfficeDemo');

/**
 * For the public services (issue #19): a PDF signed (PAdES) with the
 * caller's unit certificate, and the office keys' passphrase; a decision
 * registered as an outgoing document (its number and notation), and recalled.
 */
export type { SignedPdf } from './sign-pdf.ts';
export type { RegisteredOutgoing } from './contract.ts';
export const signPdf = lazyFunction(() => import('./sign-pdf.ts'), 'signPdf');
export const officeKeyPassphrase = async (): Promise<string> =>
  (await import('./keys.ts')).officeKeyPassphrase();
export const registerOutgoing = lazyFunction(
  () => import('./register-outgoing.ts'),
  'registerOutgoing',
);
export const withdrawOutgoing = lazyFunction(
  () => import('./withdraw-outgoing.ts'),
  'withdrawOutgoing',
);
