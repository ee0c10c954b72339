import { z } from 'zod';
import { defineJob } from '../../core/jobs/define.ts';

/**
 * At a campaign's confirmation deadline (enqueued for `confirmBy` when its
 * results are published): admitted candidates who did not answer lose their
 * seat, which goes to the top-up round. Idempotent, and a no-op while the
 * deadline has not passed (a deadline moved later leaves the seats alone).
 */
export const confirmationDeadlineJob = defineJob({
  kind: 'admissions.confirmation-deadline',
  payload: z.object({ campaignId: z.string().max(64) }),
  system: true,
  async handler({ db, payload }) {
    // Loaded when run: the module's descriptor (and so every `sogd` command) imports this file.
    const { systemActor, writeTransaction } = await import('../../db/actor.ts');
    const { campaignsPastConfirmation, lapseUnconfirmed } = await import('./repo.ts');
    let lapsed = 0;
    const due = (await campaignsPastConfirmation(db)).filter((c) => c.id === payload.campaignId);
    for (const c of due)
      lapsed += await writeTransaction(db, systemActor('hết hạn xác nhận nhập học'), (tx) =>
        lapseUnconfirmed(tx, c.id),
      );
    return { campaigns: due.length, lapsed };
  },
});
