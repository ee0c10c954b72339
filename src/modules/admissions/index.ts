/**
 * Admissions: the allocation engine (`sogd admissions allocate`) and grade-10
 * campaigns online (docs/admissions.md). The only file other modules and the
 * app import from this module.
 */
import { lazyFunction } from '../../core/lazy.ts';
import { defineModule } from '../../core/module.ts';
import { ADMISSIONS_AUDIT } from './audit-labels.ts';
import { registerAdmissionsCommands } from './cli.ts';
import { confirmationDeadlineJob } from './jobs.ts';
import { ENTRY_PERMISSIONS } from './entry/permissions.ts';
import { ADMISSIONS_PERMISSIONS } from './permissions.ts';

export const admissionsModule = defineModule({
  name: 'admissions',
  audit: ADMISSIONS_AUDIT,
  permissions: { ...ADMISSIONS_PERMISSIONS, ...ENTRY_PERMISSIONS },
  // Loaded when the app is built, not when the CLI starts (`sogd --help`).
  routes: async (api, services) => {
    (await import('./routes.ts')).registerAdmissionsRoutes(api, services);
    (await import('./entry/routes.ts')).registerEntryRoutes(api, services);
  },
  commands: registerAdmissionsCommands,
  jobs: [confirmationDeadlineJob],
});

/** The demo's open campaign (loaded when called: the CLI's start stays light). */
export const seedAdmissionsDemo = lazyFunction(() => import('./demo.ts'), 'seedAdmissionsDemo');
