import { z } from 'zod';
import { defineJob } from '../../core/jobs/define.ts';

/** Every morning at 07:00 Việt Nam time, before the working day starts. */
export const DEADLINE_REMINDER_CRON = '0 7 * * *';

/**
 * Deadline follow-up (Decree 30/2020 Art. 23–24, Annex VI "deadline
 * tracking"): open assignments due within DUE_SOON_DAYS get a reminder to
 * the person in charge and those co-ordinating; those past their deadline
 * are marked overdue and get an overdue notice. Idempotent: a notice is
 * written once per assignment, kind and person, the overdue mark once.
 */
export const deadlineRemindersJob = defineJob({
  kind: 'office.deadline-reminders',
  payload: z.object({
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  manualRun: true,
  system: true,
  async handler({ db, payload }) {
    // Loaded when run: the module's descriptor (and so every `sogd` command) imports this file.
    const { systemActor, writeTransaction } = await import('../../db/actor.ts');
    const { uuidv7 } = await import('../../lib/ids.ts');
    const { DUE_SOON_DAYS } = await import('./labels.ts');
    const { assignmentsToRemind, insertNotices, markOverdue } = await import('./repo.ts');
    const { addDays, todayInVietnam } = await import('./rules.ts');
    const today = payload.today ?? todayInVietnam();
    const rows = await assignmentsToRemind(db, addDays(today, DUE_SOON_DAYS));
    const overdue = rows.filter((r) => r.deadline < today);
    const dd = (iso: string) => iso.split('-').reverse().join('/');
    const notices = rows.flatMap((r) => {
      const late = r.deadline < today;
      const message = late
        ? `Quá hạn xử lý văn bản ${r.notation} (hạn ${dd(r.deadline)}): ${r.subject}`
        : `Sắp đến hạn xử lý văn bản ${r.notation} (hạn ${dd(r.deadline)}): ${r.subject}`;
      return [r.lead_user_id, ...r.co_user_ids].map((userId) => ({
        id: uuidv7(),
        unit_id: r.unit_id,
        user_id: userId,
        assignment_id: r.id,
        kind: late ? ('overdue' as const) : ('due_soon' as const),
        message,
      }));
    });
    const written = await writeTransaction(
      db,
      systemActor('nhắc hạn xử lý văn bản'),
      async (tx) => {
        await markOverdue(
          tx,
          overdue.filter((r) => !r.overdue_at).map((r) => r.id),
        );
        return insertNotices(tx, notices);
      },
    );
    return { overdue: overdue.length, dueSoon: rows.length - overdue.length, notices: written };
  },
});

/** Every night at 03:10 Việt Nam time (after the sessions' housekeeping at 02:30). */
export const SIGN_PREPARE_CLEANUP_CRON = '10 3 * * *';

/** How long a used or expired prepared signature is kept (for a support question the same day). */
export const SIGN_PREPARE_KEEP_HOURS = 24;

/**
 * Housekeeping of token signing (issue #17 item 5, signing/external-signature.ts):
 * each prepare keeps a whole PDF and can be completed once, within
 * PREPARE_MINUTES. Those used, or expired unused, more than a day ago are
 * deleted; the audit log keeps the prepare and the completion (written by
 * the use cases), and the signed PDF is in office_file. Idempotent.
 */
export const signPrepareCleanupJob = defineJob({
  kind: 'office.sign-prepare-cleanup',
  payload: z.object({}).strict(),
  manualRun: true,
  system: true,
  retryLimit: 3,
  retryDelay: 60,
  async handler({ db }) {
    // Loaded when run: the module's descriptor (and so every `sogd` command) imports this file.
    const { deleteStaleSignPrepares } = await import('./signing/repo.ts');
    const cutoff = new Date(Date.now() - SIGN_PREPARE_KEEP_HOURS * 3_600_000);
    return { deletedPrepares: await deleteStaleSignPrepares(db, cutoff) };
  },
});
