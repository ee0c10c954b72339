/**
 * The e-office (issue #17): outgoing and incoming documents numbered under
 * Decree 30/2020/NĐ-CP, the leader's instructions with deadlines and
 * reminders, the work calendar and PAdES signing. The only file other
 * modules and the app import from this module.
 */
import { defineModule } from '../../core/module.ts';
import { registerOfficeCommands } from './cli.ts';
import { DEADLINE_REMINDER_CRON, deadlineRemindersJob } from './jobs.ts';
import { OFFICE_PERMISSIONS } from './permissions.ts';
import { registerOfficeRoutes } from './routes.ts';

export const officeModule = defineModule({
  name: 'office',
  permissions: OFFICE_PERMISSIONS,
  routes: (api, { db }) => registerOfficeRoutes(api, { db }),
  commands: registerOfficeCommands,
  jobs: [deadlineRemindersJob],
  schedules: [{ kind: deadlineRemindersJob, cron: DEADLINE_REMINDER_CRON, payload: {} }],
});

export { seedOfficeDemo } from './demo.ts';
