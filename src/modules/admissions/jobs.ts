import { z } from 'zod';
import { defineJob } from '../../core/jobs/index.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import { campaignsPastConfirmation, lapseUnconfirmed } from './repo.ts';

/**
 * Every five minutes: in each published campaign whose confirmation
 * deadline has passed, admitted candidates who did not answer lose their
 * seat (it goes to the top-up round). Idempotent: a lapsed seat stays lapsed.
 */
export const confirmationDeadlineJob = defineJob({
  kind: 'admissions.confirmation-deadline',
  payload: z.object({}),
  system: true,
  manualRun: true,
  async handler({ db }) {
    let lapsed = 0;
    const campaigns = await campaignsPastConfirmation(db);
    for (const c of campaigns)
      lapsed += await writeTransaction(db, systemActor('hết hạn xác nhận nhập học'), (tx) =>
        lapseUnconfirmed(tx, c.id),
      );
    return { campaigns: campaigns.length, lapsed };
  },
});

export const CONFIRMATION_DEADLINE_CRON = '*/5 * * * *';
