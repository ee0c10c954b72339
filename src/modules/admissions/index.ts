/**
 * Admissions: the allocation engine (`sogd admissions allocate`) and grade-10
 * campaigns online (docs/admissions.md). The only file other modules and the
 * app import from this module.
 */
import { defineModule } from '../../core/module.ts';
import { registerAdmissionsCommands } from './cli.ts';
import { confirmationDeadlineJob } from './jobs.ts';
import { ADMISSIONS_PERMISSIONS } from './permissions.ts';
import { registerAdmissionsRoutes } from './routes.ts';

export const admissionsModule = defineModule({
  name: 'admissions',
  permissions: ADMISSIONS_PERMISSIONS,
  routes: (api, services) => registerAdmissionsRoutes(api, services),
  commands: registerAdmissionsCommands,
  jobs: [confirmationDeadlineJob],
});

export { seedAdmissionsDemo } from './demo.ts';
