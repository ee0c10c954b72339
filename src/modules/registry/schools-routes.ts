import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PassThrough, type Writable } from 'node:stream';
import { z } from 'zod';
import { idParams as id } from '../../core/contract.ts';
import type { Db } from '../../db/connection.ts';
import { requireScope } from '../../core/http/context.ts';
import {
  classBody,
  classPatch,
  classRow,
  facilitiesBody,
  facilitySummary as facilitySummaryAnswer,
  files,
  schoolFacilities,
  schoolProfile,
  schoolProfilePatch,
  schoolProfileRow,
  staffOption,
  unitYearQuery as unitYear,
  XLSX,
  yearQuery as year,
} from './contract.ts';
import {
  createClass,
  exportFacilities,
  exportSchoolClasses,
  facilitySummary,
  getFacilities,
  getSchoolProfile,
  listHomeroomCandidates,
  listSchoolClasses,
  listSchoolProfiles,
  replaceFacilities,
  updateClass,
  updateSchoolProfile,
} from './schools.ts';

/** Runs a workbook writer into memory, so a refusal or error is a clean problem answer. */
async function workbookBytes(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((ok, fail) => {
    out.on('end', ok);
    out.on('error', fail);
  });
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

/** School attributes per year, classes, facilities and their exports (issue "Sector registry"). */
export function registerSchoolRoutes(instance: FastifyInstance, deps: { db: Db }): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['Trường học, cơ sở vật chất'];

  api.get(
    '/registry/schools/:id/profile',
    {
      schema: {
        tags,
        summary: 'Thông tin trường theo năm học (chuẩn quốc gia, kiểm định, 2 buổi/ngày)',
        params: id,
        querystring: year,
        response: { 200: schoolProfile },
      },
    },
    (request) => getSchoolProfile(db, requireScope(request), request.params.id, request.query.year),
  );
  api.put(
    '/registry/schools/:id/profile',
    {
      schema: {
        tags,
        summary:
          'Ghi thông tin trường theo năm học (chỉ các trường gửi lên; version: phiên bản đã mở, 0 nếu năm học chưa ghi)',
        params: id,
        querystring: year,
        body: schoolProfilePatch,
        response: { 200: schoolProfile },
      },
    },
    (request) =>
      updateSchoolProfile(
        db,
        requireScope(request),
        request.params.id,
        request.query.year,
        request.body,
      ),
  );
  api.get(
    '/registry/profiles',
    {
      schema: {
        tags,
        summary: 'Thông tin theo năm học của mọi trường trong phạm vi một đơn vị',
        querystring: unitYear,
        response: { 200: z.array(schoolProfileRow) },
      },
    },
    (request) => {
      const scope = requireScope(request);
      return listSchoolProfiles(
        db,
        scope,
        request.query.unitId ?? scope.user.orgUnitId,
        request.query.year,
      );
    },
  );

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
      listSchoolClasses(db, requireScope(request), request.params.id, request.query.year),
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
      reply
        .status(201)
        .send(
          await createClass(
            db,
            requireScope(request),
            request.params.id,
            request.query.year,
            request.body,
          ),
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
    (request) => updateClass(db, requireScope(request), request.params.id, request.body),
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
    (request) => listHomeroomCandidates(db, requireScope(request), request.params.id),
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
        exportSchoolClasses(db, scope, request.params.id, request.query.year, out),
      );
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="lop-${request.query.year}.xlsx"`)
        .send(bytes);
    },
  );

  api.get(
    '/registry/schools/:id/facilities',
    {
      schema: {
        tags,
        summary: 'Cơ sở vật chất của trường trong năm học',
        params: id,
        querystring: year,
        response: { 200: schoolFacilities },
      },
    },
    (request) => getFacilities(db, requireScope(request), request.params.id, request.query.year),
  );
  api.put(
    '/registry/schools/:id/facilities',
    {
      schema: {
        tags,
        summary:
          'Ghi toàn bộ cơ sở vật chất của trường trong năm học (thay thế; versions: các dòng đã mở kèm phiên bản)',
        params: id,
        querystring: year,
        body: facilitiesBody,
        response: { 200: schoolFacilities },
      },
    },
    (request) =>
      replaceFacilities(
        db,
        requireScope(request),
        request.params.id,
        request.query.year,
        request.body.items,
        request.body.versions,
      ),
  );
  api.get(
    '/registry/schools/:id/facilities/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất cơ sở vật chất của trường (xlsx)',
        params: id,
        querystring: year,
        response: { 200: files.facilities },
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      // A school's own list: the same sheet as the subtree export, after checking it is a school.
      await getFacilities(db, scope, request.params.id, request.query.year);
      const bytes = await workbookBytes((out) =>
        exportFacilities(db, scope, request.params.id, request.query.year, out),
      );
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="co-so-vat-chat-${request.query.year}.xlsx"`,
        )
        .send(bytes);
    },
  );
  api.get(
    '/registry/facilities/summary',
    {
      schema: {
        tags,
        summary: 'Tổng hợp cơ sở vật chất các trường trong phạm vi một đơn vị',
        querystring: unitYear,
        response: { 200: facilitySummaryAnswer },
      },
    },
    (request) => {
      const scope = requireScope(request);
      return facilitySummary(
        db,
        scope,
        request.query.unitId ?? scope.user.orgUnitId,
        request.query.year,
      );
    },
  );
  api.get(
    '/registry/facilities/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất cơ sở vật chất các trường trong phạm vi một đơn vị (xlsx)',
        querystring: unitYear,
        response: { 200: files.facilities },
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      const bytes = await workbookBytes((out) =>
        exportFacilities(
          db,
          scope,
          request.query.unitId ?? scope.user.orgUnitId,
          request.query.year,
          out,
        ),
      );
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="co-so-vat-chat-${request.query.year}.xlsx"`,
        )
        .send(bytes);
    },
  );
}
