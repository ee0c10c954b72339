import { Readable } from 'node:stream';
import { uuidv7 } from '../../lib/ids.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { AppError, conflict, notFound } from '../../server/errors.ts';
import type { ImportPhase, RowError } from './import-students.ts';

/**
 * Imports run in the background so that the page can show progress on a list
 * of tens of thousands of rows instead of a request that hangs for a minute.
 * Jobs live in this process's memory only: a job is lost on restart (the
 * import is all-or-nothing, so a lost job wrote nothing or everything), and
 * each is visible only to the account that started it.
 */

export interface ImportOutcome {
  summary: { rows: number; errors: number };
  errorList: RowError[];
}

export interface ImportJobView {
  id: string;
  kind: string;
  dryRun: boolean;
  /** reading: rows being read and checked one by one; checking: against the database; writing: in one transaction. */
  phase: 'reading' | ImportPhase | 'done' | 'failed';
  rows: number;
  bytesRead: number;
  bytesTotal: number;
  startedAt: string;
  finishedAt: string | null;
  /** The import's report (as the synchronous answer's body) once done. */
  result: ImportOutcome | null;
  /** Why the file could not be read at all (problem+json fields). */
  error: { status: number; title: string; detail: string } | null;
}

interface Job extends ImportJobView {
  userId: string;
}

/** Finished jobs are kept this long for the page to collect. */
const KEEP_MS = 30 * 60 * 1000;
/** Running jobs per account: each holds its file in memory. */
const MAX_RUNNING = 2;

export interface JobProgress {
  onProgress: (rows: number) => void;
  onPhase: (phase: ImportPhase) => void;
  /** The upload as a stream that records how much of it the reader has consumed. */
  input: Readable;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  start(
    userId: string,
    kind: string,
    dryRun: boolean,
    bytes: Buffer,
    run: (progress: JobProgress) => Promise<ImportOutcome>,
    log: (error: unknown) => void = () => {},
  ): ImportJobView {
    this.sweep();
    const running = [...this.jobs.values()].filter(
      (j) => j.userId === userId && j.finishedAt === null,
    ).length;
    if (running >= MAX_RUNNING)
      throw conflict('Bạn đang có lượt nhập chưa xong; hãy đợi lượt đó kết thúc rồi gửi tệp tiếp.');
    const job: Job = {
      id: uuidv7(),
      userId,
      kind,
      dryRun,
      phase: 'reading',
      rows: 0,
      bytesRead: 0,
      bytesTotal: bytes.length,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    const progress: JobProgress = {
      onProgress: (rows) => (job.rows = rows),
      onPhase: (phase) => (job.phase = phase),
      input: chunkedReadable(bytes, (n) => (job.bytesRead = n)),
    };
    // Started on the next turn so the 202 answer leaves first.
    setImmediate(() => {
      run(progress)
        .then((result) => {
          job.result = result;
          job.rows = result.summary.rows;
          job.phase = 'done';
        })
        .catch((error: unknown) => {
          job.phase = 'failed';
          if (error instanceof UnreadableWorkbookError)
            job.error = { status: 400, title: 'Dữ liệu không hợp lệ', detail: error.message };
          else if (error instanceof AppError)
            job.error = { status: error.status, title: error.title, detail: error.detail };
          else {
            log(error);
            job.error = {
              status: 500,
              title: 'Lỗi máy chủ',
              detail: 'Máy chủ gặp lỗi khi nhập tệp; không có gì được ghi.',
            };
          }
        })
        .finally(() => (job.finishedAt = new Date().toISOString()));
    });
    return view(job);
  }

  /** A job of this account; 404 for any other id, including other accounts' jobs. */
  get(id: string, userId: string): ImportJobView {
    const job = this.jobs.get(id);
    if (!job || job.userId !== userId) throw notFound('lượt nhập');
    return view(job);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs)
      if (job.finishedAt && now - Date.parse(job.finishedAt) > KEEP_MS) this.jobs.delete(id);
  }
}

function view(job: Job): ImportJobView {
  return {
    id: job.id,
    kind: job.kind,
    dryRun: job.dryRun,
    phase: job.phase,
    rows: job.rows,
    bytesRead: job.bytesRead,
    bytesTotal: job.bytesTotal,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    result: job.result,
    error: job.error,
  };
}

/** The bytes as a stream of 256 KiB chunks, reporting how far the consumer has read. */
export function chunkedReadable(
  bytes: Buffer,
  onRead: (bytesRead: number) => void,
  chunkSize = 256 * 1024,
): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.length) {
        this.push(null);
        return;
      }
      const end = Math.min(offset + chunkSize, bytes.length);
      this.push(bytes.subarray(offset, end));
      offset = end;
      onRead(offset);
    },
  });
}
