import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams as id } from '../../../core/contract.ts';
import type { Db } from '../../../db/connection.ts';
import { requireScope } from '../../../core/http/context.ts';
import { assignIncomingBody, incomingStudentRow, yearQuery as year } from '../contract.ts';
import { STUDENT_TAGS } from '../route-tags.ts';
import { assignIncomingClass, listIncomingStudents } from './incoming-students.ts';

/** The school's incoming students (admitted by a campaign) and their class assignment. */
export function registerIntakeRoutes(instance: FastifyInstance, deps: { db: Db }): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  api.get(
    '/registry/schools/:id/incoming',
    {
      schema: {
        tags: STUDENT_TAGS,
        summary: 'Học sinh trúng tuyển chuyển về trường trong năm học, chờ xếp lớp',
        params: id,
        querystring: year,
        response: { 200: z.array(incomingStudentRow) },
      },
    },
    (request) =>
      listIncomingStudents(db, requireScope(request), {
        schoolId: request.params.id,
        schoolYear: request.query.year,
      }),
  );
  api.post(
    '/registry/schools/:id/incoming/assign',
    {
      schema: {
        tags: STUDENT_TAGS,
        summary: 'Xếp học sinh trúng tuyển vào một lớp cùng khối, cùng năm học',
        params: id,
        body: assignIncomingBody,
        response: { 200: z.object({ assigned: z.number().int() }) },
      },
    },
    (request) =>
      assignIncomingClass(db, requireScope(request), {
        schoolId: request.params.id,
        ...request.body,
      }),
  );
}
