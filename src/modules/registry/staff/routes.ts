import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../../db/connection.ts';
import { requireScope } from '../../../core/http/context.ts';
import { files, staffFilters, staffSearchAnswer, staffSearchQuery } from '../contract.ts';
import { staffExportRows, writeStaffExport } from './export-staff.ts';
import { searchStaff } from './search-staff.ts';

/** Staff search and export; the staff import is in ../imports/routes.ts. */
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
        .header('content-disposition', 'attachment; filename="can-bo-giao-vien.xlsx"')
        .send(stream);
    },
  );
}
