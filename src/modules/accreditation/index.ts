/**
 * Quality accreditation and national-standard recognition (issue #18): the
 * standard sets as data, every school's self-assessment cycle with its
 * council, ratings, evidence and report, the review and the recognition
 * decision. The only file imported from outside the module.
 */
import { lazyFunction } from '../../core/lazy.ts';
import { defineModule } from '../../core/module.ts';
import { registerAccreditationCommands } from './cli.ts';
import { ACCREDITATION_PERMISSIONS } from './permissions.ts';

export const accreditationModule = defineModule({
  name: 'accreditation',
  permissions: ACCREDITATION_PERMISSIONS,
  // Loaded when the app is built, not when the CLI starts (`sogd --help`).
  routes: async (api, { db, files }) =>
    (await import('./routes.ts')).registerAccreditationRoutes(api, { db, files }),
  commands: registerAccreditationCommands,
});

/** The demo's campaign and a school's cycle under way (loaded when called). */
export const seedAccreditationDemo = lazyFunction(
  () => import('./demo.ts'),
  'seedAccreditationDemo',
);
