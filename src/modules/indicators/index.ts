/**
 * Indicators against plan targets and teacher surplus/shortage by the norms
 * (issue #16). A report module: it reads other modules' data only through
 * the SQL views they publish. The only file imported from outside it.
 */
import { lazyFunction } from '../../core/lazy.ts';
import { defineModule } from '../../core/module.ts';
import { INDICATORS_AUDIT } from './audit-labels.ts';
import { registerIndicatorCommands } from './cli.ts';
import {
  REFRESH_SUMMARY_CRON,
  refreshSummaryJob,
  REPORT_REMINDER_CRON,
  reportRemindersJob,
} from './jobs.ts';
import { INDICATORS_PERMISSIONS } from './permissions.ts';

export const indicatorsModule = defineModule({
  name: 'indicators',
  permissions: INDICATORS_PERMISSIONS,
  audit: INDICATORS_AUDIT,
  // Loaded when the app is built, not when the CLI starts (`sogd --help`).
  routes: async (api, { db }) => (await import('./routes.ts')).registerIndicatorRoutes(api, { db }),
  commands: registerIndicatorCommands,
  jobs: [refreshSummaryJob, reportRemindersJob],
  schedules: [
    { kind: refreshSummaryJob, cron: REFRESH_SUMMARY_CRON, payload: {} },
    { kind: reportRemindersJob, cron: REPORT_REMINDER_CRON, payload: {} },
  ],
});

/** A plan and its targets (the demo's; loaded when called: the CLI's start stays light). */
export const savePlan = lazyFunction(() => import('./plans.ts'), 'savePlan');

/** The demo's statistical reports, one of each status (loaded when called). */
export const seedReportsDemo = lazyFunction(() => import('./reports/demo.ts'), 'seedReportsDemo');
