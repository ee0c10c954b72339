/**
 * Indicators against plan targets and teacher surplus/shortage by the norms
 * (issue #16). A report module: it reads other modules' data only through
 * the SQL views they publish. The only file imported from outside it.
 */
import { defineModule } from '../../core/module.ts';
import { registerIndicatorCommands } from './cli.ts';
import { INDICATORS_PERMISSIONS } from './permissions.ts';
import { registerIndicatorRoutes } from './routes.ts';

export const indicatorsModule = defineModule({
  name: 'indicators',
  permissions: INDICATORS_PERMISSIONS,
  routes: (api, { db }) => registerIndicatorRoutes(api, { db }),
  commands: registerIndicatorCommands,
});

export { savePlan } from './plans.ts';
