import { z } from 'zod';
import { defineJob } from '../../core/jobs/define.ts';

/** Every night at 00:05 Việt Nam time, just after a survey's last day ends. */
export const SURVEYS_CLOSE_CRON = '5 0 * * *';

/**
 * Closes the open surveys whose last day for answers (`ends_on`) is past.
 * Answers are refused from the day after it anyway (submit-answer.ts checks
 * the date); this makes the status say so and records it in the audit log.
 * Idempotent: a second run finds nothing left to close.
 */
export const closeEndedSurveysJob = defineJob({
  kind: 'surveys.close-ended',
  payload: z.object({
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  manualRun: true,
  system: true,
  async handler({ db, payload }) {
    const { closeEndedSurveys } = await import('./close-survey.ts');
    return closeEndedSurveys(db, payload.today);
  },
});
