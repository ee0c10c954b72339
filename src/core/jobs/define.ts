import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';

/** What a finished job leaves to show: a few named figures, nothing personal. */
export type JobResult = Record<string, string | number | boolean | null>;

export interface JobContext<P> {
  db: Db;
  /** The payload, already checked against the kind's schema. */
  payload: P;
  jobId: string;
  /** 1 for the first run, 2 for the first retry… */
  attempt: number;
  /** How far the job has got; shown on the jobs page. Cheap to call often. */
  reportProgress: (done: number, total: number, message?: string) => Promise<void>;
  /** Aborted when the job is cancelled, times out or the server stops. */
  signal: AbortSignal;
}

export interface JobKind<P = unknown> {
  /** Stable name, `<module>.<job>` (letters, digits, '.', '-', '_'). */
  kind: string;
  payload: z.ZodType<P>;
  // Method syntax on purpose: a list of kinds with different payloads is a JobKind<unknown>[].
  handler(ctx: JobContext<P>): Promise<JobResult | void>;
  /** Retries after a failure (default 2), seconds between them (default 30). */
  retryLimit?: number;
  retryDelay?: number;
  /** Longest run before the job counts as failed (default 15 minutes, at most 23 hours). */
  timeoutSeconds?: number;
  /** Whether a holder of jobs.manage may start one from the jobs page (payload {}). */
  manualRun?: boolean;
  /** Not tied to an org unit (housekeeping): only the department's administrators see it. */
  system?: boolean;
}

/**
 * A job kind: a Zod schema for its payload and a handler. Handlers must be
 * idempotent: the queue runs a job at least once, and again after a crash or
 * a failure (docs/jobs.md).
 */
export function defineJob<P>(definition: JobKind<P>): JobKind<P> {
  if (!/^[a-z][\w.-]*$/.test(definition.kind))
    throw new Error(`Tên loại công việc không hợp lệ: ${definition.kind}`);
  return definition;
}

/** An error whose message is meant for the user (Vietnamese), recorded as the job's error. */
export class JobError extends Error {
  override readonly name = 'JobError';
}
