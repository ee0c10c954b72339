import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { requireScope } from '../../server/context.ts';
import { versionField } from '../../server/versions.ts';
import { registerImportRoutes } from './import-routes.ts';
import { registerStaffRoutes } from './staff-routes.ts';
import { searchStudents, studentExportRows, writeStudentExport } from './search.ts';
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
  registerImportRoutes(instance, db);
  registerStaffRoutes(instance, db);
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
      // Access and the row limit are decided before the download starts, so a
      // refusal is a clean problem answer, never a cut-short file.
      const rows = await studentExportRows(db, requireScope(request), {
        ...request.query,
        schoolYear: request.query.year,
      });
      const stream = new PassThrough();
      void writeStudentExport(rows, stream).catch((error: unknown) =>
        stream.destroy(error as Error),
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="hoc-sinh.xlsx"')
        .send(stream);
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
          version: versionField,
        }),
      },
    },
    (request) => changeStudentStatus(db, requireScope(request), request.params.id, request.body),
  );
}
