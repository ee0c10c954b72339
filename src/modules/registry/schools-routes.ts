import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PassThrough, type Writable } from 'node:stream';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { requireScope } from '../../server/context.ts';
import { versionField } from '../../server/versions.ts';
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
import { schoolYearOf } from './service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  const id = z.object({ id: z.string().max(64) });
  const year = z.object({
    year: z
      .string()
      .regex(/^\d{4}-\d{4}$/, 'Năm học cần dạng 2025-2026')
      .default(schoolYearOf()),
  });
  const unitYear = year.extend({ unitId: z.string().max(64).optional() });

  api.get(
    '/registry/schools/:id/profile',
    {
      schema: {
        tags,
        summary: 'Thông tin trường theo năm học (chuẩn quốc gia, kiểm định, 2 buổi/ngày)',
        params: id,
        querystring: year,
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
        body: z.object({
          nationalStandardLevel: z.number().int().optional(),
          nationalStandardDecision: z.string().max(500).nullable().optional(),
          nationalStandardDate: z.string().max(20).nullable().optional(),
          accreditationLevel: z.number().int().optional(),
          twoSessionsADay: z.boolean().optional(),
          notes: z.string().max(5000).nullable().optional(),
          version: versionField,
        }),
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
      },
    },
    (request) =>
      listSchoolClasses(db, requireScope(request), request.params.id, request.query.year),
  );
  const classBody = z.object({
    name: z.string().max(100),
    grade: z.number().int().nullable(),
    sessionsPerDay: z.number().int(),
    homeroomStaffId: z.string().max(64).nullable().optional(),
  });
  api.post(
    '/registry/schools/:id/classes',
    {
      schema: { tags, summary: 'Thêm lớp', params: id, querystring: year, body: classBody },
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
        body: classBody.partial().extend({ version: versionField }),
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
      },
    },
    (request) => listHomeroomCandidates(db, requireScope(request), request.params.id),
  );
  api.get(
    '/registry/schools/:id/classes/export.xlsx',
    {
      schema: { tags, summary: 'Xuất danh sách lớp (xlsx)', params: id, querystring: year },
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
        body: z.object({
          items: z
            .array(
              z.object({
                roomType: z.string().max(40),
                condition: z.string().max(40),
                count: z.number(),
                areaM2: z.number().nullable().optional(),
              }),
            )
            .max(200),
          /** The rows the form was loaded with; a 409 if they are not the rows recorded now. */
          versions: z
            .array(
              z.object({
                roomType: z.string().max(40),
                condition: z.string().max(40),
                version: z.number().int().min(0),
              }),
            )
            .max(200)
            .optional(),
        }),
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
