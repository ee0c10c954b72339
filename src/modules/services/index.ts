/**
 * Online public services with legal deadlines (issue #19): the procedure
 * catalogue, applying without an account, the one-stop process with the
 * clock stopping for additions, results through the diploma register,
 * follow-up lists, reminders and monthly statistics. The only file other
 * modules and the app import from this module.
 */
import { lazyFunction } from '../../core/lazy.ts';
import { defineModule } from '../../core/module.ts';
import { registerServicesCommands } from './cli.ts';
import { SERVICES_REMINDER_CRON, servicesRemindersJob } from './jobs.ts';
import { SERVICES_PERMISSIONS } from './permissions.ts';

export const servicesModule = defineModule({
  name: 'services',
  permissions: SERVICES_PERMISSIONS,
  routes: async (api, services) =>
    (await import('./routes.ts')).registerServicesRoutes(api, services),
  commands: registerServicesCommands,
  jobs: [servicesRemindersJob],
  schedules: [{ kind: servicesRemindersJob, cron: SERVICES_REMINDER_CRON, payload: {} }],
});

/** The demo's applications (loaded when called: the CLI's start stays light). */
export const seedServicesDemo = lazyFunction(() => import('./demo.ts'), 'seedServicesDemo');
