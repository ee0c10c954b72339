import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { requireScope } from '../../server/context.ts';
import { applyPromotion, previewPromotion } from './promotion.ts';
import {
  acceptTransfer,
  cancelTransfer,
  findSchools,
  listTransfers,
  rejectTransfer,
  requestTransfer,
  studentHistory,
} from './transfers.ts';

/** School-year promotion, transfers between schools and a student's history. */
export function registerYearEndRoutes(instance: FastifyInstance, deps: { db: Db }): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['Lên lớp, chuyển trường'];
  const id = z.object({ id: z.string().max(64) });
  // The year is checked by the service, whose message says what was expected.
  const promotion = z.object({
    schoolId: z.string().max(64),
    fromYear: z.string().max(20),
    repeaterIds: z.array(z.string().max(64)).max(5000).optional(),
  });

  api.post(
    '/registry/promotions/preview',
    {
      schema: {
        tags,
        summary: 'Xem trước lên lớp của một trường (không ghi gì)',
        body: promotion,
      },
    },
    (request) => previewPromotion(db, requireScope(request), request.body),
  );
  api.post(
    '/registry/promotions',
    {
      schema: {
        tags,
        summary:
          'Lên lớp: đúng như bản xem trước, trong một giao dịch; chạy lại thì bỏ qua học sinh đã có lớp năm sau',
        body: promotion,
      },
    },
    (request) => applyPromotion(db, requireScope(request), request.body),
  );

  api.get(
    '/registry/schools/lookup',
    {
      schema: {
        tags,
        summary: 'Tìm trường toàn tỉnh theo mã hoặc tên (chỉ trả mã và tên)',
        querystring: z.object({ q: z.string().max(120).default('') }),
      },
    },
    (request) => {
      requireScope(request);
      return findSchools(db, request.query.q);
    },
  );

  api.post(
    '/registry/transfers',
    {
      schema: {
        tags,
        summary:
          'Chuyển trường: một bước khi phạm vi gồm cả hai trường (cần toClassId), nếu không thì gửi đề nghị cho trường đến',
        body: z.object({
          studentId: z.string().max(64),
          toSchoolCode: z.string().max(40),
          toClassId: z.string().max(64).optional(),
          reason: z.string().max(500),
          decisionNumber: z.string().max(60).optional(),
          year: z
            .string()
            .regex(/^\d{4}-\d{4}$/, 'Năm học cần dạng 2025-2026.')
            .optional(),
        }),
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
        querystring: z.object({
          schoolId: z.string().max(64),
          direction: z.enum(['incoming', 'outgoing']),
          status: z.enum(['requested', 'accepted', 'rejected', 'cancelled']).optional(),
        }),
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
        body: z.object({
          toClassId: z.string().max(64),
          decisionNumber: z.string().max(60).optional(),
        }),
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
        body: z.object({ reason: z.string().max(500) }),
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
        body: z.object({ reason: z.string().max(500) }),
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
      },
    },
    (request) => studentHistory(db, requireScope(request), request.params.id),
  );
}
