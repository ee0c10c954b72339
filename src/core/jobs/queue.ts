import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import { ZodError } from 'zod';
import type { Db } from '../../db/connection.ts';
import { rawSql } from '../../db/raw-sql.ts';
import type { Tx } from '../../db/actor.ts';
import type { JobKind, JobResult } from './define.ts';
import { JobError } from './define.ts';
import {
  clearProgress,
  jobKindOf,
  lockOpenSingleton,
  selectJob,
  selectJobs,
  selectStates,
  writeProgress,
  type JobFilter,
  type JobVisibility,
} from './repo.ts';

/** Who enqueued a job, for the jobs page's scope. Null for the system's own. */
export interface JobOrigin {
  orgUnitId: string | null;
  userId: string | null;
}

/** What pg-boss stores as the job's data: our payload and who asked for it. */
interface JobData {
  payload: unknown;
  meta: JobOrigin;
}

export interface EnqueueOptions {
  /** Not before this time (deadlines, reminders). */
  runAt?: Date;
  /** At most one waiting or running job with this key per kind. */
  singletonKey?: string;
  retryLimit?: number;
  /** Seconds between retries. */
  retryDelay?: number;
  origin?: JobOrigin;
  /**
   * The open transaction to enqueue in: the job exists only if it commits.
   * Required when enqueuing from inside a transaction on PGlite, whose one
   * connection is held by that transaction until it ends.
   */
  tx?: Tx;
}

export interface JobQueueOptions {
  kinds: readonly JobKind<unknown>[];
  /** Run jobs and schedules in this process (`sogd serve`); false only enqueues and lists. */
  worker?: boolean;
  /**
   * Seconds between two looks for new jobs per kind. A job enqueued in this
   * process wakes its worker at once; polling is for jobs that come due
   * (runAt, retries, the schedules' runs) or come from another process. On
   * PGlite every look is a query on its one connection, so not less than a
   * second or two. Default 10: at 2, an idle `sogd serve` spent 3.2 % of a
   * core on the 8 kinds' looks (1.94 s of CPU a minute), at 10 it spends
   * 1.3 % (0.77 s): what an old laptop left running notices.
   */
  pollingIntervalSeconds?: number;
  /** Seconds between looks at the schedules (pg-boss's cron monitor; default 30). */
  cronIntervalSeconds?: number;
  /** Seconds between two checks that a running job has not been cancelled by another process. */
  cancelCheckSeconds?: number;
  onError?: (error: Error) => void;
}

const SYSTEM: JobOrigin = { orgUnitId: null, userId: null };
/** Cron expressions are read in the department's time zone. */
export const JOB_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DEFAULT_TIMEOUT_SECONDS = 15 * 60;

class ShutdownError extends Error {}
class CancelledError extends Error {}

/**
 * The durable job queue: pg-boss 10 (the last major that runs on Node 20)
 * on the application's own database, PGlite or PostgreSQL, through one
 * `executeSql` adapter (no LISTEN/NOTIFY, no second connection). See docs/jobs.md.
 */
export class JobQueue {
  readonly #db: Db;
  readonly #boss: PgBoss;
  readonly #kinds = new Map<string, JobKind<unknown>>();
  readonly #options: JobQueueOptions;
  readonly #running = new Map<string, AbortController>();
  readonly #workerIds = new Map<string, string>();
  #starting: Promise<void> | null = null;
  #cancelTimer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(db: Db, options: JobQueueOptions) {
    this.#db = db;
    this.#options = options;
    for (const kind of options.kinds) this.#kinds.set(kind.kind, kind);
    const run = rawSql(db);
    const worker = options.worker ?? false;
    this.#boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => run(text, values) },
      schema: 'pgboss',
      migrate: true,
      supervise: worker,
      schedule: worker,
      // The jobs page shows a finished job for a week, then it moves to the
      // archive (still listed) and is deleted after 30 days.
      archiveCompletedAfterSeconds: 7 * 86_400,
      deleteAfterDays: 30,
      retryLimit: 2,
      retryDelay: 30,
      cronMonitorIntervalSeconds: options.cronIntervalSeconds ?? 30,
      cronWorkerIntervalSeconds: Math.max(1, Math.min(options.cronIntervalSeconds ?? 5, 5)),
    });
    this.#boss.on('error', (error: Error) => {
      if (options.onError) options.onError(error);
      else console.error(`Hàng đợi công việc: ${error.message}`);
    });
  }

  get kinds(): readonly JobKind<unknown>[] {
    return [...this.#kinds.values()];
  }

  /** Creates or upgrades pg-boss's schema and one queue per kind; then, for a worker, runs them. */
  start(): Promise<void> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start(): Promise<void> {
    await this.#boss.start();
    for (const kind of this.#kinds.values()) {
      await this.#boss.createQueue(kind.kind, {
        name: kind.kind,
        retryLimit: kind.retryLimit ?? 2,
        retryDelay: kind.retryDelay ?? 30,
        expireInSeconds: kind.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      });
    }
    if (!this.#options.worker) return;
    const polling = this.#options.pollingIntervalSeconds ?? 10;
    for (const kind of this.#kinds.values()) {
      const id = await this.#boss.work<JobData>(
        kind.kind,
        { pollingIntervalSeconds: polling, includeMetadata: true },
        async ([job]) => (job ? this.#run(kind, job) : null),
      );
      this.#workerIds.set(kind.kind, id);
    }
    const every = (this.#options.cancelCheckSeconds ?? 2) * 1000;
    this.#cancelTimer = setInterval(() => void this.#checkCancelled(), every);
    this.#cancelTimer.unref();
  }

  #kind(name: string): JobKind<unknown> {
    const kind = this.#kinds.get(name);
    if (!kind) throw new Error(`Loại công việc chưa được khai báo: ${name}`);
    return kind;
  }

  /**
   * Adds a job; its id, or null when `singletonKey` names a job of this kind
   * that is still waiting or running. The payload is checked here, so a bad
   * one fails the caller, not the job.
   */
  async enqueue<P>(
    kind: JobKind<P>,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const known = this.#kind(kind.kind);
    const data: JobData = { payload: known.payload.parse(payload), meta: options.origin ?? SYSTEM };
    await this.start();
    const send = async (tx: Tx): Promise<string | null> => {
      // pg-boss's own singletons depend on the queue's policy; ours hold for any queue.
      if (options.singletonKey && (await lockOpenSingleton(tx, kind.kind, options.singletonKey)))
        return null;
      return this.#boss.send(kind.kind, data as unknown as object, {
        ...(options.runAt ? { startAfter: options.runAt } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
        ...(options.retryDelay !== undefined ? { retryDelay: options.retryDelay } : {}),
        db: {
          executeSql: async (text: string, values: unknown[]) => ({
            rows: (await tx.executeQuery(CompiledQuery.raw(text, values))).rows,
          }),
        },
      });
    };
    const tx = options.tx;
    const id = tx ? await send(tx) : await this.#db.transaction().execute(send);
    // A job for now wakes this process's worker instead of waiting for its next look.
    const workerId = this.#workerIds.get(kind.kind);
    if (id && workerId && !tx && !options.runAt) this.#boss.notifyWorker(workerId);
    return id;
  }

  /**
   * Runs `kind` on a cron schedule read in Asia/Ho_Chi_Minh time (5 fields,
   * or 6 with seconds first). One schedule per kind: a second call replaces it.
   * Every process may declare it; pg-boss sends each tick once.
   */
  async schedule<P>(kind: JobKind<P>, cron: string, payload: P): Promise<void> {
    const known = this.#kind(kind.kind);
    await this.start();
    const data: JobData = { payload: known.payload.parse(payload), meta: SYSTEM };
    await this.#boss.schedule(kind.kind, cron, data, { tz: JOB_TIME_ZONE });
  }

  /**
   * Cancels a waiting or running job; false when it had already ended. A
   * running handler sees its signal aborted (at once in this process, within
   * a few seconds in another).
   */
  async cancel(id: string): Promise<boolean> {
    await this.start();
    const name = await jobKindOf(this.#db, id);
    if (!name) return false;
    const before = await selectStates(this.#db, [id]);
    const state = before.get(id);
    if (state !== 'created' && state !== 'retry' && state !== 'active') return false;
    await this.#boss.cancel(name, id);
    const after = await selectStates(this.#db, [id]);
    if (after.get(id) !== 'cancelled') return false;
    this.#running.get(id)?.abort(new CancelledError('cancelled'));
    return true;
  }

  async list(
    visibility: JobVisibility,
    filter: JobFilter,
    paging: { limit: number; offset: number },
  ): ReturnType<typeof selectJobs> {
    await this.start();
    return selectJobs(this.#db, visibility, filter, paging);
  }

  async get(visibility: JobVisibility, id: string): ReturnType<typeof selectJob> {
    await this.start();
    return selectJob(this.#db, visibility, id);
  }

  /**
   * Stops taking jobs; running handlers get their signal aborted and have
   * `graceSeconds` to return. A job cut short goes back to waiting (state
   * retry) while retries remain, so it runs again after the restart.
   */
  async stop(graceSeconds = 10): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#cancelTimer) clearInterval(this.#cancelTimer);
    if (!this.#starting) return;
    await this.#starting.catch(() => {});
    for (const controller of this.#running.values())
      controller.abort(new ShutdownError('shutdown'));
    await this.#boss.stop({
      graceful: true,
      wait: true,
      close: false,
      timeout: graceSeconds * 1000,
    });
  }

  async #checkCancelled(): Promise<void> {
    if (!this.#running.size) return;
    try {
      const states = await selectStates(this.#db, [...this.#running.keys()]);
      for (const [id, controller] of this.#running) {
        const state = states.get(id);
        if (state !== undefined && state !== 'active') controller.abort(new CancelledError(state));
      }
    } catch (error) {
      this.#options.onError?.(error as Error);
    }
  }

  async #run(
    kind: JobKind<unknown>,
    job: PgBoss.JobWithMetadata<JobData>,
  ): Promise<JobResult | null> {
    const controller = new AbortController();
    this.#running.set(job.id, controller);
    // pg-boss fails a job past its time but cannot stop the handler: the signal tells it.
    const timer = setTimeout(
      () => controller.abort(new CancelledError('timeout')),
      (kind.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    );
    let last = 0;
    let pending: { done: number; total: number; message: string | null } | null = null;
    const flush = async () => {
      if (!pending) return;
      const progress = pending;
      pending = null;
      last = Date.now();
      await writeProgress(this.#db, job.id, progress);
    };
    try {
      await clearProgress(this.#db, job.id);
      const payload = kind.payload.parse(job.data.payload);
      const result = await kind.handler({
        db: this.#db,
        payload,
        jobId: job.id,
        attempt: job.retryCount + 1,
        signal: controller.signal,
        reportProgress: async (done, total, message) => {
          pending = { done, total, message: message ?? null };
          // At most four writes a second, but always the last one.
          if (done >= total || Date.now() - last >= 250) await flush();
        },
      });
      await flush();
      return result ?? null;
    } catch (error) {
      await flush().catch(() => {});
      throw new JobError(messageOf(error, controller.signal), { cause: error });
    } finally {
      clearTimeout(timer);
      this.#running.delete(job.id);
    }
  }
}

/** The job's recorded error, in Vietnamese. */
function messageOf(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) {
    if (signal.reason instanceof ShutdownError)
      return 'Máy chủ dừng khi công việc đang chạy; công việc sẽ được chạy lại.';
    if (signal.reason instanceof CancelledError)
      return signal.reason.message === 'cancelled'
        ? 'Công việc đã bị huỷ.'
        : signal.reason.message === 'timeout'
          ? 'Công việc chạy quá thời gian cho phép và đã bị dừng.'
          : 'Công việc đã bị dừng (huỷ hoặc quá thời gian cho phép).';
  }
  if (error instanceof JobError) return error.message;
  if (error instanceof ZodError)
    return `Dữ liệu của công việc không hợp lệ: ${error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ')}`;
  // An AppError (src/server/errors.ts) carries its Vietnamese text in detail.
  const detail = (error as { detail?: unknown } | null)?.detail;
  if (typeof detail === 'string') return detail;
  const message = error instanceof Error ? error.message : String(error);
  return `Lỗi khi chạy công việc: ${message}`;
}
