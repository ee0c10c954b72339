import { z } from 'zod';
import { defineJob } from '../../core/jobs/define.ts';

/**
 * Nightly housekeeping: sessions past their expiry are refused at sign-in
 * already (sign-in/load-session.ts), this removes their rows. Idempotent: a
 * second run deletes nothing.
 */
export const expiredSessionsJob = defineJob({
  kind: 'orgs.expired-sessions',
  payload: z.object({}).strict(),
  system: true,
  manualRun: true,
  retryLimit: 3,
  retryDelay: 60,
  handler: async ({ db, reportProgress }) => {
    // Loaded when run: the descriptor (and so `sogd --help`) imports this file.
    const { deleteOrphanProgress } = await import('../../core/jobs/repo.ts');
    const { deleteExpiredSessions } = await import('./sign-in/repo.ts');
    await reportProgress(0, 2, 'Xoá phiên đăng nhập hết hạn');
    const deletedSessions = await deleteExpiredSessions(db, new Date());
    await reportProgress(1, 2, 'Xoá tiến độ của công việc đã xoá');
    const progressRows = await deleteOrphanProgress(db);
    await reportProgress(2, 2);
    return { deletedSessions, deletedProgressRows: progressRows };
  },
});

/** Every night at 02:30, Vietnam time. */
export const EXPIRED_SESSIONS_CRON = '30 2 * * *';
