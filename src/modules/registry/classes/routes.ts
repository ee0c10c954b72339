import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams as id } from '../../../core/contract.ts';
import type { Db } from '../../../db/connection.ts';
import { requireScope } from '../../../core/http/context.ts';
import {
  classBody,
  classPatch,
  classRow,
  classStudent,
  classSummary,
  files,
  schoolYears,
  optionalYearQuery,
  staffOption,
  XLSX,
  yearQuery as year,
} from '../contract.ts';
import { SCHOOL_TAGS, STUDENT_TAGS } from '../route-tags.ts';
import { workbookBytes } from '../workbook-bytes.ts';
import { createClass } from './create-class.ts';
import { exportSchoolClasses } from './export-classes.ts';
import { listHomeroomCandidates } from './homeroom-candidates.ts';
import { listClassStudents } from './list-class-students.ts';
import { listClasses } from './list-classes.ts';
import { listSchoolClasses } from './list-school-classes.ts';
import { listSchoolYears } from './list-school-years.ts';
import { updateClass } from './update-class.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

/** Class lists (of a unit, of a class) and the school page's classes: edit, homeroom, export. */
export function registerClassRoutes(instance: FastifyInstance, deps: { db: Db }): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  api.get(
    '/orgs/:id/classes',
    {
      schema: {
        tags: STUDENT_TAGS,
        summary: 'Các lớp của trường',
        params: id,
        querystring: optionalYearQuery,
        response: { 200: z.array(classSummary) },
      },
    },
    (request) =>
      listClasses(db, requireScope(request), {
        schoolId: request.params.id,
        schoolYear: request.query.year,
      }),
  );
  api.get(
    '/registry/school-years',
    {
      schema: {
        tags: STUDENT_TAGS,
        summary: 'Các năm học có lớp trong phạm vi, cùng năm học hiện tại và năm sau',
        response: { 200: schoolYears },
      },
    },
    (request) => listSchoolYears(db, requireScope(request)),
  );
  api.get(
    '/classes/:id/students',
    {
      schema: {
        tags: STUDENT_TAGS,
        summary: 'Danh sách học sinh của lớp (thứ tự tên tiếng Việt)',
        params: id,
        response: { 200: z.array(classStudent) },
      },
    },
    (request) => listClassStudents(db, requireScope(request), { classId: request.params.id }),
  );

  const tags = SCHOOL_TAGS;
  api.get(
    '/registry/schools/:id/classes',
    {
      schema: {
        tags,
        summary: 'Các lớp của trường trong năm học, kèm giáo viên chủ nhiệm và sĩ số',
        params: id,
        querystring: year,
        response: { 200: z.array(classRow) },
      },
    },
    (request) =>
      listSchoolClasses(db, requireScope(request), {
        schoolId: request.params.id,
        schoolYear: request.query.year,
      }),
  );
  api.post(
    '/registry/schools/:id/classes',
    {
      schema: {
        tags,
        summary: 'Thêm lớp',
        params: id,
        querystring: year,
        body: classBody,
        response: { 201: classRow },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createClass(db, requireScope(request), {
          schoolId: request.params.id,
          schoolYear: request.query.year,
          fields: request.body,
        }),
      ),
  );
  api.patch(
    '/registry/classes/:id',
    {
      schema: {
        tags,
        summary:
          'Sửa lớp: tên, khối, số buổi/ngày, giáo viên chủ nhiệm (chỉ các trường gửi lên; version: phiên bản đã mở)',
        params: id,
        body: classPatch,
        response: { 200: classRow },
      },
    },
    (request) =>
      updateClass(db, requireScope(request), { classId: request.params.id, patch: request.body }),
  );
  api.get(
    '/registry/schools/:id/homeroom-candidates',
    {
      schema: {
        tags,
        summary: 'Cán bộ, giáo viên đang làm việc tại trường (chọn giáo viên chủ nhiệm)',
        params: id,
        response: { 200: z.array(staffOption) },
      },
    },
    (request) => listHomeroomCandidates(db, requireScope(request), { schoolId: request.params.id }),
  );
  api.get(
    '/registry/schools/:id/classes/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách lớp (xlsx)',
        params: id,
        querystring: year,
        response: { 200: files.classes },
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      const bytes = await workbookBytes((out) =>
        exportSchoolClasses(db, scope, {
          schoolId: request.params.id,
          schoolYear: request.query.year,
          out,
        }),
      );
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(`lop-${request.query.year}.xlsx`))
        .send(bytes);
    },
  );
}
