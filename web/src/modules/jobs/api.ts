/**
 * The jobs page's routes (src/app/jobs-routes.ts): each function names the
 * route as the server declares it and answers its contract's type.
 */
import type { z } from 'zod';
import type { JobList, JobView, listJobsQuery } from '../../../../src/core/jobs/contract.ts';
import { route, url, type QueryOf } from '../../shared/api.ts';

export const jobsApi = {
  list: (query: QueryOf<z.input<typeof listJobsQuery>>) =>
    route.get<JobList>('/api/jobs', { query }),
  get: (id: string) => route.get<JobView>('/api/jobs/:id', { params: { id } }),
  cancel: (id: string) => route.post<JobView>('/api/jobs/:id/cancel', {}, { params: { id } }),
  /** Starts a job kind by hand (jobs.manage; the kinds are JobList.runnable). */
  run: (jobKind: string) =>
    route.post<JobView>('/api/jobs/run/:jobKind', {}, { params: { jobKind } }),
};

/** Kinds whose finished job leaves a file for its requester, and the route that gives it. */
export const JOB_FILES: Record<string, ((jobId: string) => string) | undefined> = {
  'registry.export-students': (id) => url('/api/registry/students/export-jobs/:id/file', { id }),
};
