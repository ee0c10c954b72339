import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../test/helpers/client.ts';
import type { JobList, JobQueue, JobView } from '../core/jobs/index.ts';
import type { Db } from '../db/connection.ts';
import { expiredSessionsJob } from '../modules/orgs/index.ts';
import { buildApp, type App } from './app.ts';
import { createJobQueue, declareSchedules } from './job-queue.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let jobs: JobQueue;
let ids: Record<string, string>;
let admin: Client;
let schoolAdmin: Client;
let otherSchool: Client;
let office: Client;
let teacher: Client;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await makeUser(db, ids.SGD!, 'department_admin', 'admin');
  await makeUser(db, ids.THA!, 'school_admin', 'qt.tha');
  await makeUser(db, ids.THB!, 'school_staff', 'vt.thb');
  await makeUser(db, ids.X01!, 'office_staff', 'cb.x01');
  await makeUser(db, ids.THA!, 'teacher', 'gv.tha');
  jobs = createJobQueue(db, { worker: true, pollingIntervalSeconds: 0.5 });
  await jobs.start();
  app = await buildApp({ db, webDir: null, jobs });
  admin = await signIn(app, 'admin', 'mat-khau-rat-dai-1');
  schoolAdmin = await signIn(app, 'qt.tha', 'mat-khau-rat-dai-1');
  otherSchool = await signIn(app, 'vt.thb', 'mat-khau-rat-dai-1');
  office = await signIn(app, 'cb.x01', 'mat-khau-rat-dai-1');
  teacher = await signIn(app, 'gv.tha', 'mat-khau-rat-dai-1');
});

afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await close?.();
});

async function waitForState(client: Client, id: string, state: JobView['state']): Promise<JobView> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { body } = await client.get(`/api/jobs/${id}`);
    if ((body as JobView).state === state) return body as JobView;
    if (Date.now() > deadline) throw new Error(`job ${id} never reached ${state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('expired sessions job', () => {
  it('an admin runs it now: expired sessions go, live ones stay', async () => {
    const user = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'gv.tha')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('session')
      .values({
        id: 'het-han-1',
        user_id: user.id,
        csrf_token: 'x',
        ip: null,
        user_agent: null,
        expires_at: new Date(Date.now() - 60_000),
      })
      .execute();
    const live = await db
      .selectFrom('session')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();

    const started = await admin.send('POST', '/api/jobs/run/orgs.expired-sessions');
    expect(started.status).toBe(200);
    const id = (started.body as JobView).id;
    const done = await waitForState(admin, id, 'completed');
    expect(done.result).toEqual({ deletedSessions: 1, deletedProgressRows: 0 });
    expect(done.progress).toMatchObject({ done: 2, total: 2 });
    expect(done.enqueuedBy?.fullName).toBe('Người dùng admin');
    expect(done.orgUnit?.id).toBe(ids.SGD);
    const after = await db
      .selectFrom('session')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(live.n - 1);
    // Signed-in users are still signed in.
    expect((await teacher.get('/api/auth/me')).status).toBe(200);
  });

  it('is refused to a school administrator (a system job) and to a role without jobs.manage', async () => {
    const school = await schoolAdmin.send('POST', '/api/jobs/run/orgs.expired-sessions');
    expect(school.status).toBe(403);
    expect((await office.send('POST', '/api/jobs/run/orgs.expired-sessions')).status).toBe(403);
    expect((await admin.send('POST', '/api/jobs/run/khong-co')).status).toBe(404);
  });

  it('is scheduled nightly in Vietnam time', async () => {
    await declareSchedules(jobs);
    const { rows } = await sql<{ name: string; cron: string; timezone: string }>`
      SELECT name, cron, timezone FROM pgboss.schedule`.execute(db);
    // Other modules declare their own schedules beside it.
    expect(rows).toContainEqual({
      name: 'orgs.expired-sessions',
      cron: '30 2 * * *',
      timezone: 'Asia/Ho_Chi_Minh',
    });
  });
});

describe('GET /api/jobs and cancel, in the caller scope', () => {
  let waiting: string;

  beforeAll(async () => {
    // A job enqueued at school A, due in an hour: it waits.
    waiting = (await jobs.enqueue(
      expiredSessionsJob,
      {},
      {
        runAt: new Date(Date.now() + 3600_000),
        origin: { orgUnitId: ids.THA!, userId: null },
      },
    ))!;
  });

  it('lists jobs of the caller subtree only; the department admin sees all', async () => {
    const mine = (await schoolAdmin.get('/api/jobs')).body as JobList;
    expect(mine.items.map((j) => j.id)).toEqual([waiting]);
    expect(mine.runnable).toEqual([]);
    const commune = (await office.get('/api/jobs')).body as JobList;
    expect(commune.items.map((j) => j.id)).toEqual([waiting]);
    const other = (await otherSchool.get('/api/jobs')).body as JobList;
    expect(other.items).toEqual([]);
    const all = (await admin.get('/api/jobs?pageSize=50')).body as JobList;
    expect(all.items.map((j) => j.id)).toContain(waiting);
    // Every system job a module lets the administrators start (other modules add theirs).
    expect(all.runnable).toContain('orgs.expired-sessions');
    const beyond = (await admin.get('/api/jobs?page=9')).body as JobList;
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(all.total);
    const filtered = (await admin.get('/api/jobs?state=created')).body as JobList;
    expect(filtered.items.map((j) => j.id)).toEqual([waiting]);
    expect(filtered.total).toBe(1);
    // The response schema lists what leaves the server: no payload, no stack trace.
    expect(Object.keys(filtered.items[0]!).sort()).toEqual(
      [
        'attempts',
        'createdAt',
        'enqueuedBy',
        'error',
        'finishedAt',
        'id',
        'kind',
        'orgUnit',
        'progress',
        'result',
        'retryLimit',
        'runAt',
        'startedAt',
        'state',
      ].sort(),
    );
  });

  it('answers 404 for a job outside the scope, 403 without jobs.read, 400 for a bad state', async () => {
    expect((await otherSchool.get(`/api/jobs/${waiting}`)).status).toBe(404);
    expect((await otherSchool.get('/api/jobs/not-a-uuid')).status).toBe(404);
    expect((await teacher.get('/api/jobs')).status).toBe(403);
    expect((await admin.get('/api/jobs?state=running')).status).toBe(400);
  });

  it('cancels a waiting job once; a second cancel is a conflict; read-only roles may not', async () => {
    expect((await office.send('POST', `/api/jobs/${waiting}/cancel`)).status).toBe(403);
    const cancelled = await schoolAdmin.send('POST', `/api/jobs/${waiting}/cancel`);
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as JobView).state).toBe('cancelled');
    const again = await schoolAdmin.send('POST', `/api/jobs/${waiting}/cancel`);
    expect(again.status).toBe(409);
    expect((again.body as { detail: string }).detail).toContain('không huỷ được');
  });

  it('documents a response schema for every jobs operation', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    }>();
    for (const path of [
      '/api/jobs',
      '/api/jobs/{id}',
      '/api/jobs/{id}/cancel',
      '/api/jobs/run/{jobKind}',
    ]) {
      const operations = Object.values(doc.paths[path] ?? {});
      expect(operations.length, path).toBeGreaterThan(0);
      for (const operation of operations) expect(operation.responses?.['200'], path).toBeTruthy();
    }
  });
});
