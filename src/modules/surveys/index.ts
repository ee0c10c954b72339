/**
 * Parent surveys (issue #19): forms with sections and questions, codes per
 * class or family given by the school, anonymous answers (one per code),
 * results per school never shown below 10 answers, free text reviewed first.
 * The only file other modules and the app import from this module.
 */
import { lazyFunction } from '../../core/lazy.ts';
import { defineModule } from '../../core/module.ts';
import { SURVEYS_AUDIT } from './audit-labels.ts';
import { closeEndedSurveysJob, SURVEYS_CLOSE_CRON } from './jobs.ts';
import { SURVEYS_PERMISSIONS } from './permissions.ts';

export const surveysModule = defineModule({
  name: 'surveys',
  permissions: SURVEYS_PERMISSIONS,
  audit: SURVEYS_AUDIT,
  jobs: [closeEndedSurveysJob],
  schedules: [{ kind: closeEndedSurveysJob, cron: SURVEYS_CLOSE_CRON, payload: {} }],
  routes: async (api, services) =>
    (await import('./routes.ts')).registerSurveyRoutes(api, services),
});

/** The demo's survey (loaded when called: the CLI's start stays light). */
export const seedSurveysDemo = lazyFunction(() => import('./demo.ts'), 'seedSurveysDemo');
