import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../../db/connection.ts';
import { UnreadableWorkbookError } from '../../../lib/xlsx.ts';
import { requireScope } from '../../../core/http/context.ts';
import { AppError, badRequest } from '../../../core/errors.ts';
import { requestGoneSignal } from '../../../core/http/request-signal.ts';
import { problemIn, problemLanguage, reportIn } from '../../../core/http/problem-language.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { annotatedWorkbook } from './annotate.ts';
import { importStaffFile } from './import-staff.ts';
import { importStudentFile, type ImportPhase } from './import-students.ts';
import { staffTemplate, studentTemplate } from './templates.ts';
import {
  files,
  importAnswer,
  importQuery,
  importReport,
  studentImportQuery,
  XLSX,
  type ImportReport,
  type ProgressLine,
} from '../contract.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

/**
 * The same HTTP shape for every registry list import (students, staff):
 *
 *   POST /registry/imports/<kind>?dryRun=1|0[&progress=1]   multipart "file"
 *   POST /registry/imports/<kind>/annotated                 the file back with its errors marked
 *   GET  /registry/imports/<kind>/template.xlsx             template with dropdowns
 *
 * Without `progress` the answer is the import's report (200, or 422 with
 * every error). With `progress=1` it is 200 `application/x-ndjson`: one JSON
 * line per step while the file is read, checked and written, and the report
 * in the last line, so that a page shows progress on a list of tens of
 * thousands of rows. Progress travels on the import's own response rather
 * than by polling a job because, on the embedded database, any other request
 * (the poll's session lookup included) waits for the import's transaction.
 */

interface Progress {
  onProgress?: (rows: number) => void;
  onPhase?: (phase: ImportPhase) => void;
  onWritten?: (rows: number) => void;
}

interface ImportKind<S extends z.ZodRawShape> {
  kind: string;
  /** "học sinh", "cán bộ, giáo viên, nhân viên": for messages and OpenAPI. */
  what: string;
  tag: string;
  /** The kind's own query parameters, besides dryRun and progress. */
  query: z.ZodObject<S>;
  /** The kind's import use case; it checks access first, synchronously. */
  run(
    db: Db,
    /** The uploaded workbook (already read whole: the annotated copy needs it too). */
    input: Buffer,
    options: {
      scope: Scope;
      dryRun: boolean;
      query: z.output<z.ZodObject<S>>;
      progress: Progress;
      /** Aborted when the request is gone: the reading stops, nothing is written. */
      signal?: AbortSignal;
    },
  ): Promise<ImportReport>;
  /** The kind's template use case: the caller's schools in a dropdown. */
  template(db: Db, scope: Scope): Promise<Buffer>;
  templateFile: string;
}

const STUDENTS: ImportKind<typeof studentImportQuery.shape> = {
  kind: 'students',
  what: 'học sinh',
  tag: 'Lớp, học sinh',
  query: studentImportQuery,
  run: (db, file, { scope, dryRun, query, progress, signal }) =>
    importStudentFile(db, scope, {
      file,
      signal,
      schoolYear: query.year,
      dryRun,
      createClasses: query.createClasses === '1',
      ...progress,
    }),
  template: studentTemplate,
  templateFile: 'mau-nhap-hoc-sinh.xlsx',
};

const STAFF: ImportKind<Record<never, z.ZodType>> = {
  kind: 'staff',
  what: 'cán bộ, giáo viên, nhân viên',
  tag: 'Cán bộ, giáo viên',
  query: z.object({}),
  run: (db, file, { scope, dryRun, progress, signal }) =>
    importStaffFile(db, scope, { file: Readable.from([file]), signal, dryRun, ...progress }),
  template: staffTemplate,
  templateFile: 'mau-nhap-can-bo.xlsx',
};

export function registerImportRoutes(instance: FastifyInstance, db: Db): void {
  registerKind(instance, db, STUDENTS);
  registerKind(instance, db, STAFF);
}

function registerKind<S extends z.ZodRawShape>(
  instance: FastifyInstance,
  db: Db,
  kind: ImportKind<S>,
) {
  const base = `/registry/imports/${kind.kind}`;
  const common = importQuery;
  const parseQuery = (request: FastifyRequest) => ({
    common: common.parse(request.query),
    own: kind.query.parse(request.query),
  });
  const querystring = common.extend(kind.query.shape);
  const readUpload = async (request: FastifyRequest) => {
    const file = await request.file();
    if (!file) throw badRequest(`Chưa chọn tệp Excel danh sách ${kind.what}.`);
    return file.toBuffer();
  };
  const unreadable = (error: unknown) =>
    error instanceof UnreadableWorkbookError ? badRequest(error.message) : error;

  instance.post(
    base,
    {
      schema: {
        tags: [kind.tag],
        summary: `Nhập danh sách ${kind.what} (cùng quy tắc với lệnh sogd import ${kind.kind}); progress=1: tiến độ từng bước dạng NDJSON, kết quả ở dòng cuối`,
        querystring,
        response: { 200: importAnswer, 422: importAnswer },
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      // Also checked by the use case; here before the upload is read, so a
      // refusal costs no upload and is a plain 403, never a progress stream.
      scope.require('registry.write');
      const query = parseQuery(request);
      const bytes = await readUpload(request);
      const signal = requestGoneSignal(reply);
      const dryRun = query.common.dryRun === '1';
      if (query.common.progress === '1') {
        const language = problemLanguage(request.headers['accept-language']);
        const out = new PassThrough();
        let rows = 0;
        const line = (l: ProgressLine) => out.write(`${JSON.stringify(l)}\n`);
        line({ phase: 'reading', rows });
        void kind
          .run(db, bytes, {
            scope,
            dryRun,
            query: query.own,
            signal,
            progress: {
              onProgress: (n) => line({ phase: 'reading', rows: (rows = n) }),
              onPhase: (phase) =>
                line(phase === 'writing' ? { phase, rows, written: 0 } : { phase, rows }),
              onWritten: (written) => line({ phase: 'writing', rows, written }),
            },
          })
          .then((result) =>
            line({
              phase: 'done',
              rows: result.summary.rows,
              result: reportIn(language, importReport.parse(result)),
            }),
          )
          .catch((error: unknown) => {
            const known = error instanceof UnreadableWorkbookError || error instanceof AppError;
            if (!known) request.log.error(error);
            line({
              phase: 'failed',
              rows,
              error: problemIn(
                language,
                error instanceof UnreadableWorkbookError
                  ? { status: 400, title: 'Dữ liệu không hợp lệ', detail: error.message }
                  : error instanceof AppError
                    ? { status: error.status, title: error.title, detail: error.detail }
                    : {
                        status: 500,
                        title: 'Lỗi máy chủ',
                        detail: 'Máy chủ gặp lỗi khi nhập tệp; không có gì được ghi.',
                      },
              ),
            });
          })
          .finally(() => out.end());
        return reply
          .type('application/x-ndjson; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(out);
      }
      try {
        const result = await kind.run(db, bytes, {
          scope,
          dryRun,
          query: query.own,
          progress: {},
          signal,
        });
        return reply.status(result.errorList.length ? 422 : 200).send(result);
      } catch (error) {
        throw unreadable(error);
      }
    },
  );

  instance.post(
    `${base}/annotated`,
    {
      schema: {
        tags: [kind.tag],
        summary: 'Bản sao tệp với các ô lỗi được tô và cột "Lỗi"',
        querystring,
        response: { 200: files.annotated },
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      scope.require('registry.write'); // before the upload is read, as above
      const query = parseQuery(request);
      const bytes = await readUpload(request);
      try {
        const result = await kind.run(db, bytes, {
          scope,
          dryRun: true,
          query: query.own,
          progress: {},
          signal: requestGoneSignal(reply),
        });
        return reply
          .type(XLSX)
          .header('content-disposition', contentDisposition('danh-sach-loi.xlsx'))
          .send(await annotatedWorkbook(bytes, result.errorList, result.changes));
      } catch (error) {
        throw unreadable(error);
      }
    },
  );

  instance.get(
    `${base}/template.xlsx`,
    {
      schema: {
        tags: [kind.tag],
        summary: `Tệp mẫu nhập ${kind.what}, có danh sách chọn`,
        response: { 200: files.template },
      },
    },
    async (request, reply) => {
      const file = await kind.template(db, requireScope(request));
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(kind.templateFile))
        .send(file);
    },
  );
}
