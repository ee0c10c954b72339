import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/connection.ts';
import { requireScope } from '../../../core/http/context.ts';
import { promotionBody as promotion, promotionPlan, promotionResult } from '../contract.ts';
import { registerTransferRoutes } from '../transfers/routes.ts';
import { applyPromotion } from './apply-promotion.ts';
import { previewPromotion } from './preview-promotion.ts';

/**
 * School-year promotion; with it (same tag, same registration as before the
 * split) the transfers between schools and a student's history.
 */
export function registerYearEndRoutes(instance: FastifyInstance, deps: { db: Db }): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['Lên lớp, chuyển trường'];

  api.post(
    '/registry/promotions/preview',
    {
      schema: {
        tags,
        summary: 'Xem trước lên lớp của một trường (không ghi gì)',
        body: promotion,
        response: { 200: promotionPlan },
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
        response: { 200: promotionResult },
      },
    },
    (request) => applyPromotion(db, requireScope(request), request.body),
  );
  registerTransferRoutes(instance, deps);
}
