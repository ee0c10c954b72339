import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { requireScope } from '../../server/context.ts';
import { badRequest } from '../../server/errors.ts';
import type { Scope } from '../../server/scope.ts';
import { importStaff, staffTemplate } from './import-staff.ts';
import { annotatedWorkbook, importStudents, studentTemplate } from './import-students.ts';
import type { ImportPhase } from './import-students.ts';
import { chunkedReadable, ImportJobs, type ImportOutcome } from './import-jobs.ts';
import { schoolYearOf } from './service.ts';

/**
 * The same HTTP shape for every registry list import (students, staff):
 *
 *   POST /registry/imports/<kind>?dryRun=1|0[&background=1]   multipart "file"
 *   POST /registry/imports/<kind>/annotated                   the file back with its errors marked
 *   GET  /registry/imports/<kind>/template.xlsx               template with dropdowns
 *   GET  /registry/imports/jobs/:id                           progress and report of a background import
 *
 * Without `background` the answer is the import's report (200, or 422 with
 * every error). With `background=1` it is 202 and a job to follow, so that a
 * page can show progress on a large file.
 */

interface ImportKind<S extends z.ZodRawShape> {
  kind: string;
  /** "học sinh", "cán bộ, giáo viên, nhân viên": for messages and OpenAPI. */
  what: string;
  tag: string;
  /** The kind's own query parameters, besides dryRun and background. */
  query: z.ZodObject<S>;
  run(
    db: Db,
    input: Readable,
    options: {
      scope: Scope;
      dryRun: boolean;
      query: z.output<z.ZodObject<S>>;
      onProgress?: (rows: number) => void;
      onPhase?: (phase: ImportPhase) => void;
    },
  ): Promise<ImportOutcome>;
  template(schoolCodes: string[]): Promise<Buffer>;
  templateFile: string;
}

const flag = z.enum(['0', '1']);
const yearParam = z
  .string()
  .regex(/^\d{4}-\d{4}$/)
  .default(schoolYearOf());

const STUDENTS_QUERY = { year: yearParam, createClasses: flag.default('0') };
const STUDENTS: ImportKind<typeof STUDENTS_QUERY> = {
  kind: 'students',
  what: 'học sinh',
  tag: 'Lớp, học sinh',
  query: z.object(STUDENTS_QUERY),
  run: (db, input, { scope, dryRun, query, onProgress, onPhase }) =>
    importStudents(db, input, {
      actor: scope.actor,
      schoolYear: query.year,
      dryRun,
      createClasses: query.createClasses === '1',
      scopePath: scope.user.orgPath,
      ...(onProgress ? { onProgress } : {}),
      ...(onPhase ? { onPhase } : {}),
    }),
  template: studentTemplate,
  templateFile: 'mau-nhap-hoc-sinh.xlsx',
};

const STAFF: ImportKind<Record<never, z.ZodType>> = {
  kind: 'staff',
  what: 'cán bộ, giáo viên, nhân viên',
  tag: 'Cán bộ, giáo viên',
  query: z.object({}),
  run: (db, input, { scope, dryRun, onProgress, onPhase }) =>
    importStaff(db, input, {
      actor: scope.actor,
      dryRun,
      scopePath: scope.user.orgPath,
      ...(onProgress ? { onProgress } : {}),
      ...(onPhase ? { onPhase } : {}),
    }),
  template: staffTemplate,
  templateFile: 'mau-nhap-can-bo.xlsx',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerImportRoutes(instance: FastifyInstance, db: Db): void {
  const jobs = new ImportJobs();
  registerKind(instance, db, STUDENTS, jobs);
  registerKind(instance, db, STAFF, jobs);
  instance.get(
    '/registry/imports/jobs/:id',
    {
      schema: {
        tags: ['Lớp, học sinh', 'Cán bộ, giáo viên'],
        summary: 'Tiến độ và kết quả của một lượt nhập chạy nền (chỉ người đã gửi tệp xem được)',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    (request) => {
      const scope = requireScope(request);
      const { id } = request.params as { id: string };
      return jobs.get(id, scope.user.id);
    },
  );
}

function registerKind<S extends z.ZodRawShape>(
  instance: FastifyInstance,
  db: Db,
  kind: ImportKind<S>,
  jobs: ImportJobs,
) {
  const base = `/registry/imports/${kind.kind}`;
  const common = z.object({ dryRun: flag.default('1'), background: flag.default('0') });
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
        summary: `Nhập danh sách ${kind.what} (cùng quy tắc với lệnh sogd import ${kind.kind}); background=1: chạy nền, trả 202 và mã lượt nhập`,
        querystring,
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      scope.require('registry.write');
      const query = parseQuery(request);
      const bytes = await readUpload(request);
      const dryRun = query.common.dryRun === '1';
      if (query.common.background === '1') {
        const job = jobs.start(
          scope.user.id,
          kind.kind,
          dryRun,
          bytes,
          ({ input, onProgress, onPhase }) =>
            kind.run(db, input, { scope, dryRun, query: query.own, onProgress, onPhase }),
          (error) => request.log.error(error),
        );
        return reply.status(202).send(job);
      }
      try {
        const result = await kind.run(
          db,
          chunkedReadable(bytes, () => {}),
          {
            scope,
            dryRun,
            query: query.own,
          },
        );
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
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      scope.require('registry.write');
      const query = parseQuery(request);
      const bytes = await readUpload(request);
      try {
        const result = await kind.run(
          db,
          chunkedReadable(bytes, () => {}),
          {
            scope,
            dryRun: true,
            query: query.own,
          },
        );
        return reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="danh-sach-loi.xlsx"')
          .send(await annotatedWorkbook(bytes, result.errorList));
      } catch (error) {
        throw unreadable(error);
      }
    },
  );

  instance.get(
    `${base}/template.xlsx`,
    { schema: { tags: [kind.tag], summary: `Tệp mẫu nhập ${kind.what}, có danh sách chọn` } },
    async (request, reply) => {
      const scope = requireScope(request);
      scope.require('registry.write');
      const schools = await db
        .selectFrom('org_unit')
        .select('code')
        .where('kind', '=', 'school')
        .where('active', '=', true)
        .where(scope.pathCondition())
        .orderBy('code')
        .limit(5000)
        .execute();
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${kind.templateFile}"`)
        .send(await kind.template(schools.map((s) => s.code)));
    },
  );
}
