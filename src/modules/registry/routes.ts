import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { requireScope } from '../../server/context.ts';
import { Readable } from 'node:stream';
import { badRequest } from '../../server/errors.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { annotatedWorkbook, importStudents, studentTemplate } from './import-students.ts';
import { exportStudents, searchStudents } from './search.ts';
import { PassThrough } from 'node:stream';
import {
  changeStudentStatus,
  installRegistryHooks,
  listClasses,
  listClassStudents,
  schoolYearOf,
} from './service.ts';

export function registerRegistryRoutes(instance: FastifyInstance, deps: { db: Db }): void {
  installRegistryHooks();
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['Lớp, học sinh'];
  api.get(
    '/orgs/:id/classes',
    {
      schema: {
        tags,
        summary: 'Các lớp của trường',
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({
          year: z
            .string()
            .regex(/^\d{4}-\d{4}$/)
            .optional(),
        }),
      },
    },
    (request) => listClasses(db, requireScope(request), request.params.id, request.query.year),
  );
  api.get(
    '/classes/:id/students',
    {
      schema: {
        tags,
        summary: 'Danh sách học sinh của lớp (thứ tự tên tiếng Việt)',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    (request) => listClassStudents(db, requireScope(request), request.params.id),
  );

  const importQuery = z.object({
    year: z
      .string()
      .regex(/^\d{4}-\d{4}$/)
      .default(schoolYearOf()),
    dryRun: z.enum(['0', '1']).default('1'),
    createClasses: z.enum(['0', '1']).default('0'),
  });
  const readUpload = async (request: FastifyRequest) => {
    const file = await request.file();
    if (!file) throw badRequest('Chưa chọn tệp Excel danh sách học sinh.');
    return file.toBuffer();
  };
  api.post(
    '/registry/imports/students',
    {
      schema: {
        tags,
        summary: 'Nhập danh sách học sinh (cùng quy tắc với lệnh sogd import students)',
        querystring: importQuery,
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      scope.require('registry.write');
      const bytes = await readUpload(request);
      try {
        const result = await importStudents(db, Readable.from(bytes), {
          actor: scope.actor,
          schoolYear: request.query.year,
          dryRun: request.query.dryRun === '1',
          createClasses: request.query.createClasses === '1',
          scopePath: scope.user.orgPath,
        });
        return reply.status(result.errorList.length ? 422 : 200).send(result);
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) throw badRequest(error.message);
        throw error;
      }
    },
  );
  api.post(
    '/registry/imports/students/annotated',
    {
      schema: {
        tags,
        summary: 'Bản sao tệp với các ô lỗi được tô và cột "Lỗi"',
        querystring: importQuery,
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      scope.require('registry.write');
      const bytes = await readUpload(request);
      try {
        const result = await importStudents(db, Readable.from(bytes), {
          actor: scope.actor,
          schoolYear: request.query.year,
          dryRun: true,
          createClasses: request.query.createClasses === '1',
          scopePath: scope.user.orgPath,
        });
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="danh-sach-loi.xlsx"')
          .send(await annotatedWorkbook(bytes, result.errorList));
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) throw badRequest(error.message);
        throw error;
      }
    },
  );

  const searchQuery = z.object({
    q: z.string().max(120).optional(),
    birthDate: z.string().max(12).optional(),
    schoolId: z.string().max(64).optional(),
    classId: z.string().max(64).optional(),
    year: z
      .string()
      .regex(/^\d{4}-\d{4}$/)
      .default(schoolYearOf()),
  });
  api.get(
    '/registry/students',
    {
      schema: {
        tags,
        summary:
          'Tìm học sinh trong phạm vi: tên (không dấu, một phần), mã định danh, mã học sinh, ngày sinh',
        querystring: searchQuery.extend({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    (request) =>
      searchStudents(db, requireScope(request), {
        ...request.query,
        schoolYear: request.query.year,
      }),
  );
  api.get(
    '/registry/students/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách học sinh (xlsx, thứ tự tên tiếng Việt)',
        querystring: searchQuery,
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      // Access is decided before the download starts, so a refusal is a clean 403.
      scope.require('registry.read');
      if (request.query.schoolId)
        await scope.requireUnit(db, request.query.schoolId, 'registry.read');
      const stream = new PassThrough();
      void exportStudents(
        db,
        scope,
        { ...request.query, schoolYear: request.query.year },
        stream,
      ).catch((error: unknown) => stream.destroy(error as Error));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="hoc-sinh.xlsx"')
        .send(stream);
    },
  );

  api.get(
    '/registry/imports/students/template.xlsx',
    { schema: { tags, summary: 'Tệp mẫu nhập học sinh, có danh sách chọn' } },
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
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="mau-nhap-hoc-sinh.xlsx"')
        .send(await studentTemplate(schools.map((s) => s.code)));
    },
  );

  api.post(
    '/registry/students/:id/status',
    {
      schema: {
        tags,
        summary:
          'Đổi trạng thái học sinh (chuyển đi, thôi học, tốt nghiệp, học lại) kèm lý do; không bao giờ xoá',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({
          status: z.enum(['studying', 'transferred', 'dropped_out', 'graduated']),
          reason: z.string().max(500),
        }),
      },
    },
    (request) => changeStudentStatus(db, requireScope(request), request.params.id, request.body),
  );
}
