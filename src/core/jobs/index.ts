// The job queue: what modules and the app may import.
export { defineJob, JobError, type JobContext, type JobKind, type JobResult } from './define.ts';
export {
  JobQueue,
  JOB_TIME_ZONE,
  type EnqueueOptions,
  type JobOrigin,
  type JobQueueOptions,
} from './queue.ts';
export { deleteOrphanProgress, type JobFilter, type JobVisibility } from './repo.ts';
export * from './contract.ts';
