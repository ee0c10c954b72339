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

/** Every morning at 07:30 Việt Nam time. */
export const REPORT_REMINDER_CRON = '30 7 * * *';
/** Reminders start this many days before the due date, and go on after it until submitted. */
export const REMIND_DAYS_BEFORE = 7;

/**
 * Reminds the schools that have not submitted a statistical report (TT
 * 25/2024: start of year due 30/10, end of year due 30/6) from
 * REMIND_DAYS_BEFORE days before the due date, every day until submitted,
 * for at most 30 days after it. One reminder row per school, report and
 * day: idempotent. The school's form and the unit's list show the last one.
 */
export const reportRemindersJob = defineJob({
  kind: 'indicators.report-reminders',
  payload: z.object({
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  manualRun: true,
  system: true,
  async handler({ db, payload }) {
    const { reportDates } = await import('./reports/definitions.ts');
    const { insertReminders, schoolsNotReported } = await import('./reports/repo.ts');
    const { todayInVietnam } = await import('../../lib/dates.ts');
    const today = payload.today ?? todayInVietnam();
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const first = Number(today.slice(0, 4));
    let reminded = 0;
    let reports = 0;
    for (const year of [`${first - 1}-${first}`, `${first}-${first + 1}`])
      for (const period of ['start', 'end'] as const) {
        const { dueDate } = reportDates(year, period);
        const before = day(dueDate) - day(today);
        if (before > REMIND_DAYS_BEFORE || before < -30) continue;
        reports++;
        const schools = await schoolsNotReported(db, year, period);
        reminded += await insertReminders(db, schools, year, period, today);
      }
    return { reports, reminded };
  },
});
