import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../../db/connection.ts';
import { requireScope } from '../../../core/http/context.ts';
import { idParams as id } from '../../../core/contract.ts';
import {
  files,
  staffCreateBody,
  staffFilters,
  staffLeaveBody,
  staffPatch,
  staffRecord,
  staffSearchAnswer,
  staffSearchQuery,
  staffTrainingBody,
} from '../contract.ts';
import { addTraining } from './add-training.ts';
import { createStaff } from './create-staff.ts';
import { staffExportRows, writeStaffExport } from './export-staff.ts';
import { getStaff } from './get-staff.ts';
import { leaveStaff } from './leave-staff.ts';
import { searchStaff } from './search-staff.ts';
import { updateStaff } from './update-staff.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

/** Staff search, export and the staff record; the staff import is in ../imports/routes.ts. */
export function registerStaffRoutes(instance: FastifyInstance, db: Db): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['Cán bộ, giáo viên'];
  const toQuery = <T extends z.output<typeof staffFilters>>(q: T) => ({
    ...q,
    active: q.active === undefined ? undefined : q.active === '1',
  });

  api.get(
    '/registry/staff',
    {
      schema: {
        tags,
        summary:
          'Tìm cán bộ, giáo viên, nhân viên trong phạm vi: tên (không dấu, một phần), mã định danh, ngày sinh; lọc theo trường, vị trí, đang công tác',
        querystring: staffSearchQuery,
        response: { 200: staffSearchAnswer },
      },
    },
    (request) => searchStaff(db, requireScope(request), toQuery(request.query)),
  );

  api.get(
    '/registry/staff/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách cán bộ, giáo viên (xlsx, theo trường rồi thứ tự tên tiếng Việt)',
        querystring: staffFilters,
        response: { 200: files.staff },
      },
    },
    async (request, reply) => {
      // Access and the row limit are decided before the download starts, so a
      // refusal is a clean problem answer, never a cut-short file.
      const rows = await staffExportRows(db, requireScope(request), toQuery(request.query));
      const stream = new PassThrough();
      void writeStaffExport(rows, stream).catch((error: unknown) => stream.destroy(error as Error));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('can-bo-giao-vien.xlsx'))
        .send(stream);
    },
  );

  api.get(
    '/registry/staff/:id',
    {
      schema: {
        tags,
        summary: 'Hồ sơ cán bộ, giáo viên: vị trí, môn, trình độ, loại hợp đồng, hạng, bồi dưỡng',
        params: id,
        response: { 200: staffRecord },
      },
    },
    (request) => getStaff(db, requireScope(request), { staffId: request.params.id }),
  );
  api.post(
    '/registry/schools/:id/staff',
    {
      schema: {
        tags,
        summary: 'Thêm một cán bộ, giáo viên vào trường',
        params: id,
        body: staffCreateBody,
        response: { 200: staffRecord },
      },
    },
    (request) =>
      createStaff(db, requireScope(request), { schoolId: request.params.id, body: request.body }),
  );
  api.patch(
    '/registry/staff/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hồ sơ cán bộ, giáo viên (chỉ các trường gửi lên; 409 khi hồ sơ đã đổi)',
        params: id,
        body: staffPatch,
        response: { 200: staffRecord },
      },
    },
    (request) =>
      updateStaff(db, requireScope(request), { staffId: request.params.id, patch: request.body }),
  );
  api.post(
    '/registry/staff/:id/leave',
    {
      schema: {
        tags,
        summary: 'Ghi nghỉ công tác tại trường, với ngày và lý do (không bao giờ xoá hồ sơ)',
        params: id,
        body: staffLeaveBody,
        response: { 200: staffRecord },
      },
    },
    (request) =>
      leaveStaff(db, requireScope(request), { staffId: request.params.id, body: request.body }),
  );
  api.post(
    '/registry/staff/:id/training',
    {
      schema: {
        tags,
        summary: 'Thêm một mục bồi dưỡng, đào tạo vào hồ sơ cán bộ, giáo viên',
        params: id,
        body: staffTrainingBody,
        response: { 200: staffRecord },
      },
    },
    (request) =>
      addTraining(db, requireScope(request), { staffId: request.params.id, body: request.body }),
  );
}
