import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JobQueue } from '../core/jobs/index.ts';
import {
  OPEN_STATES,
  jobListSchema,
  jobSchema,
  listJobsQuery,
  type JobList,
  type JobView,
  type JobVisibility,
  type ListJobsQuery,
} from '../core/jobs/index.ts';
import { isUuid } from '../lib/ids.ts';
import { requireScope } from '../core/http/context.ts';
import { conflict, forbidden, notFound } from '../core/errors.ts';
import type { Scope } from '../core/access/scope.ts';

// ---- Use cases: each checks access in the caller's Scope ----

/** The root unit's administrators see every job, the system's own included. */
function visibilityOf(scope: Scope): JobVisibility {
  scope.require('jobs.read');
  const atRoot = scope.user.orgPath.split('/').filter(Boolean).length === 1;
  return atRoot && scope.can('jobs.manage')
    ? { orgPath: null, includeSystem: true }
    : { orgPath: scope.user.orgPath, includeSystem: false };
}

function runnableKinds(queue: JobQueue, scope: Scope): string[] {
  if (!scope.can('jobs.manage')) return [];
  const all = visibilityOf(scope).includeSystem;
  return queue.kinds.filter((k) => k.manualRun && (all || !k.system)).map((k) => k.kind);
}

export async function listJobs(
  queue: JobQueue,
  scope: Scope,
  input: ListJobsQuery,
): Promise<JobList> {
  const visibility = visibilityOf(scope);
  const { items, total } = await queue.list(
    visibility,
    { state: input.state, kind: input.kind },
    { limit: input.pageSize, offset: (input.page - 1) * input.pageSize },
  );
  return {
    items,
    total,
    page: input.page,
    pageSize: input.pageSize,
    runnable: runnableKinds(queue, scope),
  };
}

export async function getJob(queue: JobQueue, scope: Scope, id: string): Promise<JobView> {
  const visibility = visibilityOf(scope);
  // A job outside the caller's scope answers as an unknown one: ids are not probed.
  const job = isUuid(id) ? await queue.get(visibility, id) : null;
  if (!job) throw notFound('công việc');
  return job;
}

export async function cancelJob(queue: JobQueue, scope: Scope, id: string): Promise<JobView> {
  const job = await getJob(queue, scope, id);
  // Whoever asked for a job (an export) may call it off; others need jobs.manage.
  if (job.enqueuedBy?.id !== scope.user.id) scope.require('jobs.manage');
  if (!OPEN_STATES.includes(job.state) || !(await queue.cancel(id)))
    throw conflict(
      'Công việc đã kết thúc (hoàn thành, thất bại hoặc đã huỷ) nên không huỷ được nữa.',
    );
  return getJob(queue, scope, id);
}

export async function runJobNow(queue: JobQueue, scope: Scope, kind: string): Promise<JobView> {
  scope.require('jobs.manage');
  const definition = queue.kinds.find((k) => k.kind === kind && k.manualRun);
  if (!definition) throw notFound('loại công việc chạy được bằng tay');
  if (!runnableKinds(queue, scope).includes(kind))
    throw forbidden('Chỉ quản trị viên của Sở được chạy công việc hệ thống này.');
  const id = await queue.enqueue(
    definition,
    {},
    {
      origin: { orgUnitId: scope.user.orgUnitId, userId: scope.user.id },
      singletonKey: `manual:${kind}`,
    },
  );
  if (!id) throw conflict('Công việc này đang chờ hoặc đang chạy; hãy đợi nó xong rồi chạy lại.');
  return getJob(queue, scope, id);
}

// ---- HTTP ----

const idParams = z.object({ id: z.string().max(64) });
const tags = ['Công việc nền'];

/**
 * The jobs routes. Without a queue (tests, an app built for one request) they
 * open one that only enqueues and lists, closed with the app; `sogd serve`
 * passes its worker.
 */
export function registerJobRoutes(instance: FastifyInstance, deps: { jobs: JobQueue }): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { jobs } = deps;
  api.get(
    '/jobs',
    {
      schema: {
        tags,
        summary: 'Danh sách công việc nền (trong phạm vi đơn vị của người gọi)',
        querystring: listJobsQuery,
        response: { 200: jobListSchema },
      },
    },
    (request) => listJobs(jobs, requireScope(request), request.query),
  );
  api.get(
    '/jobs/:id',
    {
      schema: {
        tags,
        summary: 'Một công việc nền',
        params: idParams,
        response: { 200: jobSchema },
      },
    },
    (request) => getJob(jobs, requireScope(request), request.params.id),
  );
  api.post(
    '/jobs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Huỷ một công việc đang chờ hoặc đang chạy',
        params: idParams,
        response: { 200: jobSchema },
      },
    },
    (request) => cancelJob(jobs, requireScope(request), request.params.id),
  );
  api.post(
    '/jobs/run/:jobKind',
    {
      schema: {
        tags,
        summary: 'Chạy ngay một công việc (ví dụ dọn phiên đăng nhập hết hạn)',
        params: z.object({ jobKind: z.string().max(100) }),
        response: { 200: jobSchema },
      },
    },
    (request) => runJobNow(jobs, requireScope(request), request.params.jobKind),
  );
}
