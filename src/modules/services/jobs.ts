import { z } from 'zod';
import { defineJob } from '../../core/jobs/define.ts';

/** Every working morning at 07:30 Việt Nam time. */
export const SERVICES_REMINDER_CRON = '30 7 * * *';

/**
 * Deadline follow-up for applications: those whose clock runs and that are
 * due by the next working day get a "due soon" reminder, those past their
 * due date an "overdue" one (the one-stop rules require an apology letter to
 * the applicant for these; the reminder says so). Written once per
 * application, kind and day; the department's staff see them in the lists.
 */
export const servicesRemindersJob = defineJob({
  kind: 'services.deadline-reminders',
  payload: z.object({
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  manualRun: true,
  system: true,
  async handler({ db, payload }) {
    const { remindDeadlines } = await import('./remind-deadlines.ts');
    return remindDeadlines(db, payload.today);
  },
});
