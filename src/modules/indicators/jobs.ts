import { z } from 'zod';
import { defineJob } from '../../core/jobs/define.ts';

/** Every 10 minutes: the summary is also refreshed before each answer; this keeps it warm. */
export const REFRESH_SUMMARY_CRON = '*/10 * * * *';

/**
 * Recomputes the indicators' summary for every school and year the
 * registry's change feed names (docs/indicators.md, "Summaries"), so that a
 * dashboard after a bulk import seldom waits for it. Idempotent: a second
 * run finds nothing pending.
 */
export const refreshSummaryJob = defineJob({
  kind: 'indicators.refresh-summary',
  payload: z.object({}),
  manualRun: true,
  system: true,
  retryLimit: 1,
  async handler({ db }) {
    // Loaded when run: the module's descriptor (and so every `sogd` command) imports this file.
    const { refreshSummary } = await import('./summary/refresh.ts');
    return { schoolYears: await refreshSummary(db, null) };
  },
});
