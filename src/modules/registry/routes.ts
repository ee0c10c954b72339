import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/contract.ts';
import type { Db } from '../../db/connection.ts';
import { requireScope } from '../../core/http/context.ts';
import {
  classStudent,
  classSummary,
  files,
  optionalYearQuery,
  statusChange,
  statusChanged,
  studentFilters,
  studentSearchAnswer,
  studentSearchQuery,
} from './contract.ts';
import { registerImportRoutes } from './imports/routes.ts';
import { registerStaffRoutes } from './staff/routes.ts';
import { searchStudents, studentExportRows, writeStudentExport } from './search.ts';
import { PassThrough } from 'node:stream';
import { changeStudentStatus, listClasses, listClassStudents } from './service.ts';

export function registerRegistryRoutes(instance: FastifyInstance, deps: { db: Db }): void {
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
        params: idParams,
        querystring: optionalYearQuery,
        response: { 200: z.array(classSummary) },
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
        params: idParams,
        response: { 200: z.array(classStudent) },
      },
    },
    (request) => listClassStudents(db, requireScope(request), request.params.id),
  );

  api.get(
    '/registry/students',
    {
      schema: {
        tags,
        summary:
          'Tìm học sinh trong phạm vi: tên (không dấu, một phần), mã định danh, mã học sinh, ngày sinh',
        querystring: studentSearchQuery,
        response: { 200: studentSearchAnswer },
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
        querystring: studentFilters,
        response: { 200: files.students },
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
        params: idParams,
        body: statusChange,
        response: { 200: statusChanged },
      },
    },
    (request) => changeStudentStatus(db, requireScope(request), request.params.id, request.body),
  );
}
