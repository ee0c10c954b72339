import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireScope } from '../../core/http/context.ts';
import type { Db } from '../../db/connection.ts';
import {
  dataQuality,
  dashboard,
  dashboardQuery,
  drillQuery,
  planBody,
  planCreated,
  subjectNeed,
  teacherReport,
} from './contract.ts';
import { getDashboard } from './dashboard.ts';
import { getDataQuality } from './data-quality.ts';
import { createPlan } from './plans.ts';
import { getSubjectNeed } from './subject-need.ts';
import { getTeacherReport } from './teacher-report.ts';

export function registerIndicatorRoutes(api: FastifyInstance, { db }: { db: Db }): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/indicators/dashboard',
    {
      schema: {
        summary: 'Chỉ tiêu của đơn vị và các đơn vị cấp dưới trong năm học',
        tags: ['indicators'],
        querystring: dashboardQuery,
        response: { 200: dashboard },
      },
    },
    (request) => getDashboard(db, requireScope(request), request.query),
  );
  r.get(
    '/indicators/teachers',
    {
      schema: {
        summary: 'Thừa, thiếu giáo viên theo định mức, theo đơn vị cấp dưới và cấp học',
        tags: ['indicators'],
        querystring: drillQuery,
        response: { 200: teacherReport },
      },
    },
    (request) => getTeacherReport(db, requireScope(request), request.query),
  );
  r.get(
    '/indicators/teachers/subjects',
    {
      schema: {
        summary:
          'Nhu cầu giáo viên theo môn học (số tiết theo chương trình ÷ định mức tiết dạy) so với giáo viên hiện có',
        tags: ['indicators'],
        querystring: drillQuery,
        response: { 200: subjectNeed },
      },
    },
    (request) => getSubjectNeed(db, requireScope(request), request.query),
  );
  r.get(
    '/indicators/data-quality',
    {
      schema: {
        summary: 'Danh sách kiểm tra chất lượng dữ liệu của đơn vị trong năm học',
        tags: ['indicators'],
        querystring: drillQuery,
        response: { 200: dataQuality },
      },
    },
    (request) => getDataQuality(db, requireScope(request), request.query),
  );
  r.post(
    '/indicators/plans',
    {
      schema: {
        summary: 'Thêm kế hoạch với các chỉ tiêu theo năm học',
        tags: ['indicators'],
        body: planBody,
        response: { 201: planCreated },
      },
    },
    async (request, reply) => {
      const created = await createPlan(db, requireScope(request), request.body);
      return reply.code(201).send(created);
    },
  );
}
