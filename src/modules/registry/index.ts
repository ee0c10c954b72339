/**
 * The sector registry: schools' profiles and facilities, classes, students,
 * staff, imports, transfers and the year-end promotion. The only file other
 * modules and the app import from this module.
 */
import { defineModule } from '../../core/module.ts';
import { registerRegistryCommands } from './cli.ts';
import { registryOrgTreeHooks } from './org-tree.ts';
import { REGISTRY_PERMISSIONS } from './permissions.ts';
import { registerRegistryRoutes } from './routes.ts';

export const registryModule = defineModule({
  name: 'registry',
  permissions: REGISTRY_PERMISSIONS,
  routes: (api, { db }) => registerRegistryRoutes(api, { db }),
  commands: registerRegistryCommands,
  orgTree: registryOrgTreeHooks,
});

export { graduatingStudents, type GraduatingStudent } from './students/graduating-students.ts';
/** The school year a date falls in: a year starts on 1 September (Asia/Ho_Chi_Minh). */
export { schoolYearOf } from './contract.ts';
