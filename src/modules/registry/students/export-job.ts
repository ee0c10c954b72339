import { z } from 'zod';
import { defineJob, JobError } from '../../../core/jobs/define.ts';

/** The filters of an export (the students page's, no paging) and who asked. */
const payload = z.object({
  /** The account as it was signed in when it asked: the export is read in its scope. */
  user: z.object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    role: z.string(),
    orgUnitId: z.string(),
    orgPath: z.string(),
  }),
  query: z.object({
    q: z.string().max(120).optional(),
    birthDate: z.string().max(12).optional(),
    schoolId: z.string().max(64).optional(),
    classId: z.string().max(64).optional(),
    schoolYear: z.string(),
  }),
});
export type StudentExportPayload = z.infer<typeof payload>;

/** The largest export file kept (the row limit keeps real ones far below it). */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * A long student export (a commune, the province: 6–11 s and more) as a job
 * (issue 13 item 11): the page follows its progress, may cancel it, and
 * downloads the file from the store when it is done. The rows are read in the
 * requester's scope, so the file holds what the same export on the page would.
 * Idempotent: a second run writes the same bytes to the same content address.
 */
export const studentExportJob = defineJob<StudentExportPayload>({
  kind: 'registry.export-students',
  payload,
  retryLimit: 0,
  timeoutSeconds: 30 * 60,
  handler: async ({ db, payload: { user, query }, reportProgress, signal }) => {
    // Loaded when run: the descriptor (and so `sogd --help`) imports this file.
    const { PassThrough } = await import('node:stream');
    const { Scope } = await import('../../../core/access/scope.ts');
    const { fileStoreFromEnv } = await import('../../../core/files/store.ts');
    const { studentExportRows, writeStudentExport } = await import('./export-students.ts');
    const scope = new Scope(user as ConstructorParameters<typeof Scope>[0]);
    await reportProgress(0, 1, 'Đang đọc danh sách học sinh');
    const rows = await studentExportRows(db, scope, query);
    signal.throwIfAborted();
    if (rows.length === 0) throw new JobError('Không có học sinh nào khớp với bộ lọc.');
    const total = rows.length;
    await reportProgress(0, total, 'Đang ghi tệp Excel');
    const out = new PassThrough();
    const stored = fileStoreFromEnv().put(out, { maxBytes: MAX_FILE_BYTES });
    let written = 0;
    const writing = writeStudentExport(rows, out, () => {
      written += 1;
      // Every 500 rows: the queue writes progress at most four times a second anyway.
      if (written % 500 === 0) {
        signal.throwIfAborted();
        void reportProgress(written, total, 'Đang ghi tệp Excel');
      }
    }).catch((error: unknown) => out.destroy(error as Error));
    const [file] = await Promise.all([stored, writing]);
    await reportProgress(total, total, 'Xong');
    return { rows: total, file: file.sha256, bytes: file.size };
  },
});
