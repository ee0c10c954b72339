import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { migrateToLatest, openDatabase, type Db } from '../../db/connection.ts';
import {
  defineJob,
  JobError,
  JobQueue,
  type JobKind,
  type JobQueueOptions,
  type JobView,
} from './index.ts';

const onPostgres = process.env.SOGD_TEST_TARGET === 'postgres';
const ALL = { orgPath: null, includeSystem: true };
const FAST: Omit<JobQueueOptions, 'kinds'> = {
  worker: true,
  pollingIntervalSeconds: 0.5,
  cancelCheckSeconds: 0.5,
  cronIntervalSeconds: 1,
  onError: (error) => console.error(error),
};

async function waitFor<T>(
  what: string,
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function jobIn(queue: JobQueue, id: string, states: JobView['state'][]): Promise<JobView> {
  return waitFor(`job ${id} in ${states.join('/')}`, async () => {
    const job = await queue.get(ALL, id);
    return job && states.includes(job.state) ? job : null;
  });
}

/** Runs per job id, to see which ran and how often, and on which connection (worker). */
const runs = new Map<string, number>();
const ranOn = new Map<string, Db>();
const aborted = new Set<string>();
const count = (id: string) => runs.set(id, (runs.get(id) ?? 0) + 1);

/** A second connection to the test database on PostgreSQL: another process's pool. */
async function secondConnection(db: Db) {
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${rows[0]!.name}`;
  return openDatabase({ databaseUrl: url.toString() });
}

const countJob = defineJob({
  kind: 'test.count',
  payload: z.object({ items: z.number().int().min(1) }),
  async handler({ db, payload, reportProgress, jobId }) {
    count(jobId);
    ranOn.set(jobId, db);
    for (let i = 1; i <= payload.items; i++) await reportProgress(i, payload.items, `Mục ${i}`);
    return { items: payload.items };
  },
});

const failingJob = defineJob({
  kind: 'test.failing',
  payload: z.object({}),
  retryLimit: 1,
  retryDelay: 0,
  handler({ jobId, attempt }) {
    count(jobId);
    return Promise.reject(new JobError(`Lần chạy ${attempt}: tệp nguồn không đọc được.`));
  },
});

const waitingJob = defineJob({
  kind: 'test.waiting',
  payload: z.object({}),
  retryDelay: 1,
  async handler({ jobId, signal, reportProgress }) {
    count(jobId);
    await reportProgress(1, 10, 'Đang chờ');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, 30_000);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      });
    });
    return { finished: true };
  },
});

const slowJob = defineJob({
  kind: 'test.slow',
  payload: z.object({}),
  retryLimit: 0,
  timeoutSeconds: 1,
  handler: ({ signal, jobId }) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, 30_000);
      signal.addEventListener('abort', () => {
        aborted.add(jobId);
        clearTimeout(timer);
        reject(new Error('aborted'));
      });
    }),
});

const tickJob = defineJob({
  kind: 'test.tick',
  payload: z.object({ label: z.string() }),
  handler({ jobId }) {
    count(jobId);
    return Promise.resolve();
  },
});

const kinds = [countJob, failingJob, waitingJob, slowJob, tickJob] as JobKind<unknown>[];

describe('job queue (pg-boss on the application database)', () => {
  let database: TestDatabase;
  let queue: JobQueue;

  beforeAll(async () => {
    database = await freshDatabase();
    queue = new JobQueue(database.db, { kinds, ...FAST });
    await queue.start();
  });
  afterAll(async () => {
    await queue.stop();
    await database.close();
  });

  it('runs a job to completion and records its progress and result', async () => {
    const id = await queue.enqueue(countJob, { items: 3 });
    expect(id).toBeTruthy();
    const job = await jobIn(queue, id!, ['completed']);
    expect(job).toMatchObject({
      kind: 'test.count',
      attempts: 1,
      progress: { done: 3, total: 3, message: 'Mục 3' },
      result: { items: 3 },
      error: null,
    });
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
    expect(runs.get(id!)).toBe(1);
  });

  it('refuses a payload its schema rejects, before anything is enqueued', async () => {
    await expect(queue.enqueue(countJob, { items: 0 })).rejects.toThrow();
    const { items } = await queue.list(ALL, { kind: 'test.count' }, { limit: 50, offset: 0 });
    expect(items.every((j) => j.result?.items !== 0)).toBe(true);
  });

  it('retries a failing job, then fails it with its Vietnamese error', async () => {
    const id = (await queue.enqueue(failingJob, {}))!;
    const job = await jobIn(queue, id, ['failed']);
    expect(runs.get(id)).toBe(2);
    expect(job.attempts).toBe(2);
    expect(job.error).toBe('Lần chạy 2: tệp nguồn không đọc được.');
  });

  it('enqueues inside a transaction: nothing if it rolls back, the job if it commits', async () => {
    const runAt = new Date(Date.now() + 3600_000);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await queue.enqueue(countJob, { items: 7 }, { tx, runAt, singletonKey: 'tx' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const none = await queue.list(
      ALL,
      { kind: 'test.count', state: 'created' },
      { limit: 50, offset: 0 },
    );
    expect(none.items.filter((j) => j.runAt === runAt.toISOString())).toEqual([]);
    const id = await database.db
      .transaction()
      .execute((tx) => queue.enqueue(countJob, { items: 7 }, { tx, runAt, singletonKey: 'tx' }));
    expect((await queue.get(ALL, id!))?.state).toBe('created');
    expect(await queue.cancel(id!)).toBe(true);
  });

  it('stops a handler that runs past its time', async () => {
    const id = (await queue.enqueue(slowJob, {}))!;
    const job = await jobIn(queue, id, ['failed']);
    expect(job.error).toBe('Công việc chạy quá thời gian cho phép và đã bị dừng.');
    await waitFor('the handler aborted', () => aborted.has(id));
  });

  it('keeps at most one open job per singleton key', async () => {
    const runAt = new Date(Date.now() + 3600_000);
    const first = await queue.enqueue(countJob, { items: 1 }, { singletonKey: 'k', runAt });
    const second = await queue.enqueue(countJob, { items: 1 }, { singletonKey: 'k', runAt });
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    expect(await queue.cancel(first!)).toBe(true);
    expect(await queue.enqueue(countJob, { items: 1 }, { singletonKey: 'k', runAt })).toBeTruthy();
  });

  it('cancels a waiting job: it never runs', async () => {
    const id = (await queue.enqueue(
      countJob,
      { items: 1 },
      { runAt: new Date(Date.now() + 1500) },
    ))!;
    expect(await queue.cancel(id)).toBe(true);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await queue.get(ALL, id))?.state).toBe('cancelled');
    expect(runs.get(id)).toBeUndefined();
    expect(await queue.cancel(id)).toBe(false);
  });

  it('cancels a running job: its handler sees the signal', async () => {
    const id = (await queue.enqueue(waitingJob, {}))!;
    await waitFor('handler started', () => runs.get(id));
    const started = Date.now();
    expect(await queue.cancel(id)).toBe(true);
    const job = await jobIn(queue, id, ['cancelled']);
    expect(job.progress).toMatchObject({ done: 1, total: 10 });
    // The handler returned early: the worker is free for the next job at once.
    const next = (await queue.enqueue(countJob, { items: 1 }))!;
    await jobIn(queue, next, ['completed']);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('notices a cancel made by another process', async () => {
    const other = new JobQueue(database.db, { kinds }); // enqueues and cancels only
    const id = (await queue.enqueue(waitingJob, {}))!;
    await waitFor('handler started', () => runs.get(id));
    expect(await other.cancel(id)).toBe(true);
    await other.stop();
    const next = (await queue.enqueue(countJob, { items: 1 }))!;
    await jobIn(queue, next, ['completed']);
  });

  it('fires a scheduled job (cron in Asia/Ho_Chi_Minh, here every second)', async () => {
    await queue.schedule(tickJob, '* * * * * *', { label: 'nhịp' });
    const fired = await waitFor('a tick', async () => {
      const { items } = await queue.list(
        ALL,
        { kind: 'test.tick', state: 'completed' },
        { limit: 5, offset: 0 },
      );
      return items[0];
    });
    expect(fired.orgUnit).toBeNull();
    expect(runs.get(fired.id)).toBe(1);
  });

  // Skipped on PGlite on purpose: the embedded database is one connection in
  // one process, so there is no second worker to race with.
  it.skipIf(!onPostgres)('never runs one job twice with two workers (PostgreSQL)', async () => {
    const other = await secondConnection(database.db);
    const second = new JobQueue(other.db, { kinds, ...FAST });
    await second.start();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) ids.push((await queue.enqueue(countJob, { items: 20 }))!);
      for (const id of ids) await jobIn(queue, id, ['completed']);
      expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
      // Both workers took jobs: the test saw them compete.
      const bySecond = ids.filter((id) => ranOn.get(id) === other.db).length;
      expect(bySecond).toBeGreaterThan(0);
      expect(bySecond).toBeLessThan(ids.length);
    } finally {
      await second.stop();
      await other.close();
    }
  });
});

describe('a restart loses no job', () => {
  it('enqueued, worker and database closed before it runs, reopened: it runs', async () => {
    // PGlite: a data directory in a temp folder; PostgreSQL: a new pool on a fresh database.
    const dir = mkdtempSync(join(tmpdir(), 'sogd-jobs-'));
    const server = onPostgres ? await freshDatabase() : null;
    const open = async () => {
      if (server) return secondConnection(server.db);
      const database = await openDatabase({ dataDir: dir });
      await migrateToLatest(database.db);
      return database;
    };
    try {
      let database = await open();
      let queue = new JobQueue(database.db, { kinds, ...FAST });
      await queue.start();
      const id = (await queue.enqueue(
        countJob,
        { items: 2 },
        { runAt: new Date(Date.now() + 1500) },
      ))!;
      await queue.stop();
      await database.close();
      await new Promise((r) => setTimeout(r, 1500));
      expect(runs.get(id)).toBeUndefined();

      database = await open();
      queue = new JobQueue(database.db, { kinds, ...FAST });
      await queue.start();
      const job = await jobIn(queue, id, ['completed']);
      expect(job.progress).toMatchObject({ done: 2, total: 2 });
      expect(runs.get(id)).toBe(1);
      await queue.stop();
      await database.close();
    } finally {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // On PGlite it opens and migrates a data directory twice: about 70 s on a loaded CI machine.
  }, 180_000);

  it('a job cut short by a stop runs again after the restart', async () => {
    const database = await freshDatabase();
    try {
      const db: Db = database.db;
      let queue = new JobQueue(db, { kinds, ...FAST });
      await queue.start();
      const id = (await queue.enqueue(waitingJob, {}))!;
      await waitFor('handler started', () => runs.get(id));
      await queue.stop(2);
      const stopped = await new JobQueue(db, { kinds }).get(ALL, id);
      expect(stopped?.state).toBe('retry');
      expect(stopped?.error).toBe(
        'Máy chủ dừng khi công việc đang chạy; công việc sẽ được chạy lại.',
      );

      queue = new JobQueue(db, { kinds, ...FAST });
      await queue.start();
      await waitFor('second run', () => (runs.get(id) ?? 0) >= 2, 60_000);
      expect(await queue.cancel(id)).toBe(true);
      await queue.stop();
    } finally {
      await database.close();
    }
  });
});
