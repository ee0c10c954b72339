import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams as id } from '../../../core/contract.ts';
import type { Db } from '../../../db/connection.ts';
import { requireScope } from '../../../core/http/context.ts';
import {
  acceptBody,
  reasonBody,
  schoolLookup,
  schoolLookupQuery,
  studentHistory as studentHistoryAnswer,
  transferBody,
  transferListQuery,
  transferView,
} from '../contract.ts';
import { acceptTransfer } from './accept-transfer.ts';
import { cancelTransfer, rejectTransfer } from './close-transfer.ts';
import { findSchools } from './find-schools.ts';
import { listTransfers } from './list-transfers.ts';
import { requestTransfer } from './request-transfer.ts';
import { studentHistory } from './student-history.ts';

/** Transfers between schools and a student's history (registered by registerYearEndRoutes). */
export function registerTransferRoutes(instance: FastifyInstance, deps: { db: Db }): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['Lên lớp, chuyển trường'];

  api.get(
    '/registry/schools/lookup',
    {
      schema: {
        tags,
        summary: 'Tìm trường toàn tỉnh theo mã hoặc tên (chỉ trả mã và tên)',
        querystring: schoolLookupQuery,
        response: { 200: schoolLookup },
      },
    },
    (request) => findSchools(db, requireScope(request), request.query),
  );

  api.post(
    '/registry/transfers',
    {
      schema: {
        tags,
        summary:
          'Chuyển trường: một bước khi phạm vi gồm cả hai trường (cần toClassId), nếu không thì gửi đề nghị cho trường đến',
        body: transferBody,
        response: { 200: transferView },
      },
    },
    (request) =>
      requestTransfer(db, requireScope(request), {
        ...request.body,
        schoolYear: request.body.year,
      }),
  );
  api.get(
    '/registry/transfers',
    {
      schema: {
        tags,
        summary: 'Đề nghị chuyển đến (incoming) hoặc chuyển đi (outgoing) của một trường',
        querystring: transferListQuery,
        response: { 200: z.array(transferView) },
      },
    },
    (request) => listTransfers(db, requireScope(request), request.query),
  );
  api.post(
    '/registry/transfers/:id/accept',
    {
      schema: {
        tags,
        summary: 'Trường đến tiếp nhận học sinh vào một lớp',
        params: id,
        body: acceptBody,
        response: { 200: transferView },
      },
    },
    (request) => acceptTransfer(db, requireScope(request), request.params.id, request.body),
  );
  api.post(
    '/registry/transfers/:id/reject',
    {
      schema: {
        tags,
        summary: 'Trường đến từ chối, kèm lý do',
        params: id,
        body: reasonBody,
        response: { 200: transferView },
      },
    },
    (request) => rejectTransfer(db, requireScope(request), request.params.id, request.body),
  );
  api.post(
    '/registry/transfers/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Trường đi huỷ đề nghị đang chờ, kèm lý do',
        params: id,
        body: reasonBody,
        response: { 200: transferView },
      },
    },
    (request) => cancelTransfer(db, requireScope(request), request.params.id, request.body),
  );
  api.get(
    '/registry/students/:id/history',
    {
      schema: {
        tags,
        summary: 'Quá trình học của học sinh: lớp theo năm học, chuyển trường, đổi trạng thái',
        params: id,
        response: { 200: studentHistoryAnswer },
      },
    },
    (request) => studentHistory(db, requireScope(request), request.params.id),
  );
}
