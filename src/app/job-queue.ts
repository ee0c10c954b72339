import { JobQueue, type JobQueueOptions } from '../core/jobs/index.ts';
import type { Db } from '../db/connection.ts';
import { JOB_KINDS, MODULES } from './modules.ts';

/** The queue of every module's job kinds (a separate file: loading pg-boss is not free). */
export function createJobQueue(db: Db, options: Omit<JobQueueOptions, 'kinds'> = {}): JobQueue {
  return new JobQueue(db, { kinds: JOB_KINDS, ...options });
}

/** Declares every module's schedules (idempotent: every start replaces them with the same). */
export async function declareSchedules(queue: JobQueue): Promise<void> {
  for (const module of MODULES)
    for (const { kind, cron, payload } of module.schedules ?? [])
      await queue.schedule(kind, cron, payload);
}
