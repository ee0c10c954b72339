import { z } from 'zod';

export const JOB_STATES = [
  'created',
  'retry',
  'active',
  'completed',
  'cancelled',
  'failed',
] as const;
export const jobState = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobState>;

/** Waiting or running: may still be cancelled. */
export const OPEN_STATES: readonly JobState[] = ['created', 'retry', 'active'];

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: jobState,
  /** Runs started so far (a retry is a new run). */
  attempts: z.number().int(),
  /** Runs allowed after the first one fails. */
  retryLimit: z.number().int(),
  progress: z
    .object({ done: z.number().int(), total: z.number().int(), message: z.string().nullable() })
    .nullable(),
  result: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
  /** Last error, in Vietnamese: set for a failed job and one waiting to retry. */
  error: z.string().nullable(),
  createdAt: z.string(),
  /** When the job may start (later than createdAt for a scheduled run or a retry). */
  runAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Who enqueued it; null for the system's own jobs (schedules). */
  orgUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  enqueuedBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
});
export type JobView = z.infer<typeof jobSchema>;

export const listJobsQuery = z.object({
  state: jobState.optional(),
  kind: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListJobsQuery = z.infer<typeof listJobsQuery>;

export const jobListSchema = z.object({
  items: z.array(jobSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Kinds a caller may start by hand (jobs.manage). */
  runnable: z.array(z.string()),
});
export type JobList = z.infer<typeof jobListSchema>;

/** The answer of a route that starts a job: follow it with GET /api/jobs/:id. */
export const jobStarted = z.object({ jobId: z.string() });
export type JobStarted = z.infer<typeof jobStarted>;
