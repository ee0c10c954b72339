import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams as id } from '../../../core/contract.ts';
import type { Db } from '../../../db/connection.ts';
import { requireScope } from '../../../core/http/context.ts';
import {
  facilitiesBody,
  facilitySummary as facilitySummaryAnswer,
  files,
  schoolFacilities,
  schoolListAnswer,
  schoolListFilters,
  schoolListQuery,
  schoolProfile,
  schoolProfilePatch,
  schoolProfileRow,
  unitYearQuery as unitYear,
  XLSX,
  yearQuery as year,
} from '../contract.ts';
import { SCHOOL_TAGS } from '../route-tags.ts';
import { workbookBytes } from '../workbook-bytes.ts';
import { exportFacilities, exportSchoolFacilities } from './export-facilities.ts';
import { exportSchoolList } from './export-schools.ts';
import { listSchoolsPage } from './list-schools.ts';
import { facilitySummary } from './facility-summary.ts';
import { getFacilities } from './get-facilities.ts';
import { getSchoolProfile } from './get-profile.ts';
import { listSchoolProfiles } from './list-profiles.ts';
import { replaceFacilities } from './replace-facilities.ts';
import { updateSchoolProfile } from './update-profile.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

/** School attributes per year, facilities and their exports (issue "Sector registry"). */
export function registerSchoolRoutes(instance: FastifyInstance, deps: { db: Db }): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = SCHOOL_TAGS;

  api.get(
    '/registry/schools',
    {
      schema: {
        tags,
        summary:
          'Danh sách trường trong phạm vi: mã, tên, cấp học, loại hình, xã, số học sinh, lớp, cán bộ, chuẩn quốc gia, kiểm định, 2 buổi/ngày (lọc, sắp xếp, phân trang)',
        querystring: schoolListQuery,
        response: { 200: schoolListAnswer },
      },
    },
    (request) => listSchoolsPage(db, requireScope(request), request.query),
  );
  api.get(
    '/registry/schools/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách trường trong phạm vi (xlsx, theo bộ lọc và thứ tự đang chọn)',
        querystring: schoolListFilters,
        response: { 200: files.schools },
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      const bytes = await workbookBytes((out) =>
        exportSchoolList(db, scope, { ...request.query, out }),
      );
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(`truong-hoc-${request.query.year}.xlsx`))
        .send(bytes);
    },
  );

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
    (request) =>
      getSchoolProfile(db, requireScope(request), {
        schoolId: request.params.id,
        schoolYear: request.query.year,
      }),
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
      updateSchoolProfile(db, requireScope(request), {
        schoolId: request.params.id,
        schoolYear: request.query.year,
        patch: request.body,
      }),
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
    (request) =>
      listSchoolProfiles(db, requireScope(request), {
        unitId: request.query.unitId,
        schoolYear: request.query.year,
      }),
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
    (request) =>
      getFacilities(db, requireScope(request), {
        schoolId: request.params.id,
        schoolYear: request.query.year,
      }),
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
      replaceFacilities(db, requireScope(request), {
        schoolId: request.params.id,
        schoolYear: request.query.year,
        items: request.body.items,
        loaded: request.body.versions,
      }),
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
      const bytes = await workbookBytes((out) =>
        exportSchoolFacilities(db, scope, {
          schoolId: request.params.id,
          schoolYear: request.query.year,
          out,
        }),
      );
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          contentDisposition(`co-so-vat-chat-${request.query.year}.xlsx`),
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
    (request) =>
      facilitySummary(db, requireScope(request), {
        unitId: request.query.unitId,
        schoolYear: request.query.year,
      }),
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
        exportFacilities(db, scope, {
          unitId: request.query.unitId,
          schoolYear: request.query.year,
          out,
        }),
      );
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          contentDisposition(`co-so-vat-chat-${request.query.year}.xlsx`),
        )
        .send(bytes);
    },
  );
}
