import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { badRequest } from '../../../core/errors.ts';
import { requireScope } from '../../../core/http/context.ts';
import type { ModuleServices } from '../../../core/module.ts';
import { UnreadableWorkbookError } from '../../../lib/xlsx.ts';
import {
  catchmentAreaList,
  catchmentImportQuery,
  catchmentImportResult,
  communeParams,
} from './contract.ts';
import { importCatchments } from './import-catchments.ts';
import { listCatchments } from './list-catchments.ts';

const tags = ['Tuyển sinh đầu cấp'];

export function registerEntryRoutes(app: FastifyInstance, { db }: ModuleServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/admissions/catchments/import',
    {
      schema: {
        tags,
        summary: 'Nhập tuyến tuyển sinh lớp 1, lớp 6 từ tệp Excel (tất cả hoặc không gì cả)',
        querystring: catchmentImportQuery,
        response: { 200: catchmentImportResult, 422: catchmentImportResult },
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      // Checked again by the use case; here so that no upload is read for someone who may not import.
      scope.require('admissions.catchments');
      const file = await request.file();
      if (!file) throw badRequest('Chưa chọn tệp Excel tuyến tuyển sinh để nhập.');
      try {
        const result = await importCatchments(db, scope, {
          file: await file.toBuffer(),
          dryRun: request.query.dryRun === '1',
        });
        return reply.status(result.errors.length ? 422 : 200).send(result);
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) throw badRequest(error.message);
        throw error;
      }
    },
  );
  api.get(
    '/admissions/catchments/:communeId',
    {
      schema: {
        tags,
        summary: 'Các khu dân cư của một xã/phường và trường tuyển sinh của từng khu',
        params: communeParams,
        response: { 200: catchmentAreaList },
      },
    },
    (request) => listCatchments(db, requireScope(request), request.params.communeId),
  );
}
