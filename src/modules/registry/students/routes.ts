import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PassThrough } from 'node:stream';
import { idParams } from '../../../core/contract.ts';
import type { Db } from '../../../db/connection.ts';
import { requireScope } from '../../../core/http/context.ts';
import {
  files,
  statusChange,
  statusChanged,
  studentFilters,
  studentSearchAnswer,
  studentSearchQuery,
  XLSX,
} from '../contract.ts';
import { STUDENT_TAGS as tags } from '../route-tags.ts';
import { changeStudentStatus } from './change-status.ts';
import { studentExportRows, writeStudentExport } from './export-students.ts';
import { searchStudents } from './search-students.ts';

/** Student search, export and status changes within the caller's scope. */
export function registerStudentRoutes(instance: FastifyInstance, deps: { db: Db }): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

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
        .type(XLSX)
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
    (request) =>
      changeStudentStatus(db, requireScope(request), {
        ...request.body,
        studentId: request.params.id,
      }),
  );
}
