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
  studentCreateBody,
  studentPatch,
  studentRecord,
  studentSearchQuery,
  XLSX,
  yearQuery,
} from '../contract.ts';
import { STUDENT_TAGS as tags } from '../route-tags.ts';
import { changeStudentStatus } from './change-status.ts';
import { createStudent } from './create-student.ts';
import { getStudent } from './get-student.ts';
import { studentProfilePdf } from './student-profile-pdf.ts';
import { updateStudent } from './update-student.ts';
import { studentExportRows, writeStudentExport } from './export-students.ts';
import { searchStudents } from './search-students.ts';
import { startStudentExport, studentExportFile } from './export-job-use-cases.ts';
import { jobStarted, type JobQueue } from '../../../core/jobs/index.ts';
import type { FileStore } from '../../../core/files/store.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

/**
 * A long export as a job: started here, followed and cancelled on the jobs
 * routes (GET /api/jobs/:id, POST /api/jobs/:id/cancel), downloaded here.
 */
export function registerStudentExportJobRoutes(
  instance: FastifyInstance,
  deps: { db: Db; jobs: JobQueue; files: FileStore },
): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db, jobs } = deps;
  api.post(
    '/registry/students/export-jobs',
    {
      schema: {
        tags,
        summary:
          'Xuất danh sách học sinh dài (xã, cả tỉnh) thành công việc nền, có tiến độ và huỷ được',
        body: studentFilters,
        response: { 200: jobStarted },
      },
    },
    (request) => {
      const { year, ...filters } = request.body;
      return startStudentExport(db, requireScope(request), jobs, { ...filters, schoolYear: year });
    },
  );
  api.get(
    '/registry/students/export-jobs/:id/file',
    {
      schema: {
        tags,
        summary: 'Tải tệp xlsx của một lần xuất đã xong',
        params: idParams,
        response: { 200: files.students },
      },
    },
    async (request, reply) => {
      const stream = await studentExportFile(
        requireScope(request),
        jobs,
        deps.files,
        request.params.id,
      );
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition('hoc-sinh.xlsx'))
        .send(stream);
    },
  );
}

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
        .header('content-disposition', contentDisposition('hoc-sinh.xlsx'))
        .send(stream);
    },
  );

  api.get(
    '/registry/students/:id',
    {
      schema: {
        tags,
        summary:
          'Hồ sơ học sinh: lý lịch, người giám hộ, liên hệ, lớp từng năm học, trạng thái, chuyển trường, văn bằng',
        params: idParams,
        response: { 200: studentRecord },
      },
    },
    (request) => getStudent(db, requireScope(request), { studentId: request.params.id }),
  );
  api.patch(
    '/registry/students/:id',
    {
      schema: {
        tags,
        summary:
          'Sửa hồ sơ học sinh (chỉ các trường gửi lên; version: phiên bản đã mở; trạng thái đổi ở /status)',
        params: idParams,
        body: studentPatch,
        response: { 200: studentRecord },
      },
    },
    (request) =>
      updateStudent(db, requireScope(request), {
        studentId: request.params.id,
        patch: request.body,
      }),
  );
  api.get(
    '/registry/students/:id/profile.pdf',
    {
      schema: {
        tags,
        summary: 'In sơ yếu lý lịch học sinh (PDF)',
        params: idParams,
        response: { 200: files.studentProfile },
      },
    },
    async (request, reply) => {
      const { bytes } = await studentProfilePdf(db, requireScope(request), {
        studentId: request.params.id,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('so-yeu-ly-lich.pdf', 'inline'))
        .send(bytes);
    },
  );
  api.post(
    '/registry/schools/:id/students',
    {
      schema: {
        tags,
        summary: 'Thêm một học sinh vào một lớp của trường trong năm học',
        params: idParams,
        querystring: yearQuery,
        body: studentCreateBody,
        response: { 201: studentRecord },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createStudent(db, requireScope(request), {
          schoolId: request.params.id,
          schoolYear: request.query.year,
          body: request.body,
        }),
      ),
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
