/**
 * The sector registry: schools' profiles and facilities, classes, students,
 * staff, imports, transfers and the year-end promotion. The only file other
 * modules and the app import from this module.
 */
import { defineModule } from '../../core/module.ts';
import { registerRegistryCommands } from './cli.ts';
import { REGISTRY_PERMISSIONS } from './permissions.ts';
import { registerRegistryRoutes } from './routes.ts';
import { registerSchoolRoutes } from './schools-routes.ts';
import { registryOrgTreeHooks } from './service.ts';
import { registerYearEndRoutes } from './year-end/routes.ts';

export const registryModule = defineModule({
  name: 'registry',
  permissions: REGISTRY_PERMISSIONS,
  routes: (api, { db }) => {
    registerRegistryRoutes(api, { db });
    registerSchoolRoutes(api, { db });
    registerYearEndRoutes(api, { db });
  },
  commands: registerRegistryCommands,
  orgTree: registryOrgTreeHooks,
});

export { graduatingStudents, schoolYearOf } from './service.ts';
