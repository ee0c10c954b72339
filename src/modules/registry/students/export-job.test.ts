import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { createJobQueue } from '../../../app/job-queue.ts';
import type { JobQueue, JobView } from '../../../core/jobs/index.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeSmallProvince, makeUser, PASSWORD } from '../../../../test/helpers/factories/orgs.ts';
import { FACTORY_YEAR, makeStudents } from '../../../../test/helpers/factories/registry.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';

// Issue 13 item 11: a long export runs as a job the page follows, cancels, downloads.
let db: Db;
let close: () => Promise<void>;
let app: App;
let jobs: JobQueue;
let ids: Record<string, string>;
let officer: Client;
let clerkB: Client;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeSmallProvince(db);
  await makeStudents(db, [
    ...Array.from({ length: 700 }, (_, i) => ({
      schoolId: ids.THA!,
      fullName: `Nguyễn Văn Học ${i}`,
    })),
    ...Array.from({ length: 300 }, (_, i) => ({
      schoolId: ids.THB!,
      fullName: `Trần Thị Bé ${i}`,
    })),
  ]);
  // department_staff: reads the registry and the jobs, does not hold jobs.manage.
  await makeUser(db, ids.SGD!, 'department_staff', 'cv.so');
  await makeUser(db, ids.THB!, 'school_staff', 'vt.thb');
  jobs = createJobQueue(db, { worker: true, pollingIntervalSeconds: 0.5 });
  await jobs.start();
  app = await buildApp({ db, webDir: null, jobs });
  officer = await signIn(app, 'cv.so', PASSWORD);
  clerkB = await signIn(app, 'vt.thb', PASSWORD);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await close?.();
});

async function settled(client: Client, id: string): Promise<JobView> {
  for (let i = 0; i < 240; i++) {
    const job = (await client.get(`/api/jobs/${id}`)).body as JobView;
    if (['completed', 'failed', 'cancelled'].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the export job did not finish');
}

const download = (client: Client, id: string) =>
  app.inject({
    method: 'GET',
    url: `/api/registry/students/export-jobs/${id}/file`,
    headers: { cookie: client.cookie },
  });

describe('student export as a job', () => {
  it('exports the whole province with progress, and gives the file to its requester only', async () => {
    const started = await officer.send('POST', '/api/registry/students/export-jobs', {
      year: FACTORY_YEAR,
    });
    expect(started.status).toBe(200);
    const { jobId } = started.body as { jobId: string };
    const job = await settled(officer, jobId);
    expect(job).toMatchObject({ state: 'completed', result: { rows: 1000 } });
    expect(job.progress).toMatchObject({ done: 1000, total: 1000 });

    const file = await download(officer, jobId);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1001);
    const names = sheet.getColumn(4).values.slice(2) as string[];
    expect(names.filter((n) => n.startsWith('Trần Thị Bé'))).toHaveLength(300);

    // Another school's clerk can neither see the job nor take its file.
    expect((await download(clerkB, jobId)).statusCode).toBe(404);
    expect((await clerkB.get(`/api/jobs/${jobId}`)).status).toBe(404);
  });

  it('is cancelled by its requester (without jobs.manage), and then has no file', async () => {
    const started = await officer.send('POST', '/api/registry/students/export-jobs', {
      year: FACTORY_YEAR,
    });
    const { jobId } = started.body as { jobId: string };
    const cancelled = await officer.send('POST', `/api/jobs/${jobId}/cancel`);
    // Done before the cancel arrived is possible on a fast machine: then 409, and the file is there.
    if (cancelled.status === 409) return;
    expect(cancelled.status).toBe(200);
    expect((await settled(officer, jobId)).state).toBe('cancelled');
    const file = await download(officer, jobId);
    expect(file.statusCode).toBe(409);
    expect(file.json<{ detail: string }>().detail).toContain('chưa xong');
    // Nobody else may cancel it either way.
    expect((await clerkB.send('POST', `/api/jobs/${jobId}/cancel`)).status).toBe(404);
  });

  it('refuses a bad filter at once, before any job exists', async () => {
    const r = await officer.send('POST', '/api/registry/students/export-jobs', {
      year: FACTORY_YEAR,
      birthDate: '31/02/2011x',
    });
    expect(r.status).toBe(400);
  });
});
