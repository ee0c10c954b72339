import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { requireScope } from '../../server/context.ts';
import { installRegistryHooks, listClasses, listClassStudents } from './service.ts';

export function registerRegistryRoutes(instance: FastifyInstance, deps: { db: Db }): void {
  installRegistryHooks();
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['Lớp, học sinh'];
  api.get(
    '/orgs/:id/classes',
    {
      schema: {
        tags,
        summary: 'Các lớp của trường',
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({
          year: z
            .string()
            .regex(/^\d{4}-\d{4}$/)
            .optional(),
        }),
      },
    },
    (request) => listClasses(db, requireScope(request), request.params.id, request.query.year),
  );
  api.get(
    '/classes/:id/students',
    {
      schema: {
        tags,
        summary: 'Danh sách học sinh của lớp (thứ tự tên tiếng Việt)',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    (request) => listClassStudents(db, requireScope(request), request.params.id),
  );
}
