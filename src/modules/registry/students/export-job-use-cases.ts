import type { Scope } from '../../../core/access/scope.ts';
import { conflict, notFound } from '../../../core/errors.ts';
import type { FileStore } from '../../../core/files/store.ts';
import type { JobQueue, JobStarted } from '../../../core/jobs/index.ts';
import type { Db } from '../../../db/connection.ts';
import { isUuid } from '../../../lib/ids.ts';
import { studentExportJob, type StudentExportPayload } from './export-job.ts';
import { studentMatch } from './student-query.ts';

/**
 * Starts a student export as a job (a commune's or the province's list takes
 * seconds): the filters are checked now, so a bad one is a 400 at once, and a
 * caller has at most one export open.
 */
export async function startStudentExport(
  db: Db,
  scope: Scope,
  jobs: JobQueue,
  query: StudentExportPayload['query'],
): Promise<JobStarted> {
  scope.require('registry.read');
  if (query.schoolId) await scope.requireUnit(db, query.schoolId, 'registry.read');
  studentMatch(query);
  const jobId = await jobs.enqueue(
    studentExportJob,
    { user: { ...scope.user }, query },
    {
      singletonKey: `user:${scope.user.id}`,
      origin: { orgUnitId: scope.user.orgUnitId, userId: scope.user.id },
    },
  );
  if (!jobId)
    throw conflict(
      'Bạn đang có một tệp xuất học sinh chưa xong: hãy chờ nó xong hoặc huỷ nó (trang Công việc nền).',
    );
  return { jobId };
}

/** The file of a finished export, to the account that asked for it only. */
export async function studentExportFile(
  scope: Scope,
  jobs: JobQueue,
  files: FileStore,
  jobId: string,
) {
  scope.require('registry.read');
  const job = isUuid(jobId)
    ? await jobs.get({ orgPath: scope.user.orgPath, includeSystem: false }, jobId)
    : null;
  // Another account's export answers as an unknown one: ids are not probed.
  if (!job || job.kind !== studentExportJob.kind || job.enqueuedBy?.id !== scope.user.id)
    throw notFound('tệp xuất');
  const sha256 = job.result?.file;
  if (job.state !== 'completed' || typeof sha256 !== 'string')
    throw conflict('Tệp xuất chưa xong (hoặc đã bị huỷ, thất bại): chưa có gì để tải về.');
  return files.open(sha256);
}
