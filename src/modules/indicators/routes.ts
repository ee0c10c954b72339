import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../core/contract.ts';
import { badRequest } from '../../core/errors.ts';
import { requireScope } from '../../core/http/context.ts';
import type { Db } from '../../db/connection.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import {
  dataQuality,
  dashboard,
  dashboardQuery,
  drillQuery,
  satisfactionAnswer,
  planBody,
  budgetBody,
  budgetList,
  budgetQuery,
  planCreated,
  planImportResult,
  reportDecisionBody,
  reportFiles,
  reportForm,
  reportFormQuery,
  reportQuery,
  reportSaveBody,
  reportStatusList,
  XLSX,
  subjectNeed,
  teacherReport,
} from './contract.ts';
import { listBudgets, saveBudget } from './budget.ts';
import { getDashboard } from './dashboard.ts';
import { dashboardPdf } from './dashboard-pdf.ts';
import { exportDashboard } from './dashboard-xlsx.ts';
import { getDataQuality } from './data-quality.ts';
import { importPlanTargets } from './plan-import/import-targets.ts';
import { MAX_PLAN_BYTES, planTemplateFor, TEMPLATE_FILE } from './plan-import/sheet.ts';
import { createPlan } from './plans.ts';
import { reportFormPdf, reportTable, writeReportTable } from './reports/report-files.ts';
import {
  decideReport,
  getReportForm,
  listReports,
  saveReport,
} from './reports/report-use-cases.ts';
import { parentSatisfaction } from './satisfaction.ts';
import { getSubjectNeed } from './subject-need.ts';
import { getTeacherReport } from './teacher-report.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';

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
    '/indicators/satisfaction',
    {
      schema: {
        summary:
          'Mức hài lòng của cha mẹ học sinh theo các khảo sát của năm học (trường có từ 10 phiếu trở lên)',
        tags: ['indicators'],
        querystring: drillQuery,
        response: { 200: satisfactionAnswer },
      },
    },
    (request) => parentSatisfaction(db, requireScope(request), request.query),
  );
  r.get(
    '/indicators/dashboard/export.xlsx',
    {
      schema: {
        summary:
          'Tải bảng chỉ tiêu (xlsx) của đơn vị và các đơn vị cấp dưới, theo năm học và bộ lọc',
        tags: ['indicators'],
        querystring: dashboardQuery,
        response: { 200: reportFiles.dashboard },
      },
    },
    async (request, reply) => {
      const { data, bytes } = await exportDashboard(db, requireScope(request), request.query);
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          contentDisposition(`chi-tieu-${data.unit.code}-${data.year}.xlsx`),
        )
        .send(bytes);
    },
  );
  r.get(
    '/indicators/dashboard/report.pdf',
    {
      schema: {
        summary:
          'In báo cáo chỉ tiêu so với mục tiêu kế hoạch (PDF), chung và theo từng cấp học, theo năm học và bộ lọc',
        tags: ['indicators'],
        querystring: dashboardQuery,
        response: { 200: reportFiles.dashboardPdf },
      },
    },
    async (request, reply) => {
      const { data, bytes } = await dashboardPdf(db, requireScope(request), request.query);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`bao-cao-chi-tieu-${data.unit.code}-${data.year}.pdf`, 'inline'),
        )
        .send(bytes);
    },
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
  r.get(
    '/indicators/plans/template.xlsx',
    {
      schema: {
        summary: 'Tải tệp mẫu nhập chỉ tiêu kế hoạch (xlsx, kèm danh mục mã chỉ tiêu)',
        tags: ['indicators'],
        response: { 200: reportFiles.planTemplate },
      },
    },
    async (request, reply) => {
      const bytes = await planTemplateFor(requireScope(request));
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(TEMPLATE_FILE))
        .send(bytes);
    },
  );
  r.post(
    '/indicators/plans/import',
    {
      schema: {
        summary:
          'Nhập chỉ tiêu của một kế hoạch từ tệp Excel (multipart: unitId, name, decision, decisionDate rồi file; tất cả hoặc không gì cả)',
        tags: ['indicators'],
        response: { 200: planImportResult, 422: planImportResult },
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      // Checked again by the use case; here so that no upload is read for someone who may not.
      scope.require('indicators.write');
      if (!request.isMultipart())
        throw badRequest('Hãy gửi tệp dạng multipart/form-data, trường "file".');
      const part = await request.file({ limits: { fileSize: MAX_PLAN_BYTES } });
      if (!part) throw badRequest('Chưa chọn tệp Excel chỉ tiêu kế hoạch để nhập.');
      const fields: Record<string, string> = {};
      for (const [name, field] of Object.entries(part.fields)) {
        const value = Array.isArray(field) ? field[0] : field;
        if (value && value.type === 'field' && typeof value.value === 'string')
          fields[name] = value.value;
      }
      const file = await part.toBuffer().catch(() => {
        throw badRequest(
          `Tệp quá lớn: tệp chỉ tiêu kế hoạch tối đa ${MAX_PLAN_BYTES / 1024 / 1024} MB.`,
        );
      });
      try {
        const result = await importPlanTargets(db, scope, { fields, file });
        return await reply.status(result.errors.length ? 422 : 200).send(result);
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) throw badRequest(error.message);
        throw error;
      }
    },
  );
  r.get(
    '/indicators/budget',
    {
      schema: {
        summary: 'Số liệu chi ngân sách cho giáo dục theo năm của đơn vị',
        tags: ['indicators'],
        querystring: budgetQuery,
        response: { 200: budgetList },
      },
    },
    (request) => listBudgets(db, requireScope(request), request.query),
  );
  r.put(
    '/indicators/budget',
    {
      // Signed in before the body is checked: an anonymous caller hears 401, not a 400.
      onRequest: (request, _reply, done) => {
        requireScope(request);
        done();
      },
      schema: {
        summary: 'Nhập hoặc sửa số liệu chi ngân sách cho giáo dục của một năm (cấp tỉnh)',
        tags: ['indicators'],
        body: budgetBody,
        response: { 200: budgetList },
      },
    },
    (request) => saveBudget(db, requireScope(request), request.body),
  );
  const tags = ['indicators'];
  r.get(
    '/indicators/reports',
    {
      schema: {
        summary:
          'Báo cáo thống kê (TT 25/2024) của các trường thuộc đơn vị: trạng thái từng trường',
        tags,
        querystring: reportQuery,
        response: { 200: reportStatusList },
      },
    },
    (request) => listReports(db, requireScope(request), request.query),
  );
  r.get(
    '/indicators/reports/export.xlsx',
    {
      schema: {
        summary: 'Tải biểu thống kê của các trường thuộc đơn vị (xlsx), có dòng cộng',
        tags,
        querystring: reportQuery,
        response: { 200: reportFiles.table },
      },
    },
    async (request, reply) => {
      const table = await reportTable(db, requireScope(request), request.query);
      const stream = new PassThrough();
      void writeReportTable(table, stream).catch((error: unknown) =>
        stream.destroy(error as Error),
      );
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          contentDisposition(`bao-cao-thong-ke-${request.query.period}-${request.query.year}.xlsx`),
        )
        .send(stream);
    },
  );
  r.get(
    '/indicators/reports/:id',
    {
      schema: {
        summary:
          'Báo cáo thống kê của một trường: số liệu từ sogd, số liệu trường nhập, trạng thái',
        tags,
        params: idParams,
        querystring: reportFormQuery,
        response: { 200: reportForm },
      },
    },
    (request) =>
      getReportForm(db, requireScope(request), { schoolId: request.params.id, ...request.query }),
  );
  r.get(
    '/indicators/reports/:id/form.pdf',
    {
      schema: {
        summary: 'In báo cáo thống kê của một trường (PDF, thể thức Nghị định 30/2020)',
        tags,
        params: idParams,
        querystring: reportFormQuery,
        response: { 200: reportFiles.form },
      },
    },
    async (request, reply) => {
      const bytes = await reportFormPdf(db, requireScope(request), {
        schoolId: request.params.id,
        ...request.query,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('bao-cao-thong-ke.pdf', 'inline'))
        .send(bytes);
    },
  );
  r.put(
    '/indicators/reports/:id',
    {
      schema: {
        summary: 'Trường lưu (và gửi cấp trên) các số liệu báo cáo thống kê mà sogd không có',
        tags,
        params: idParams,
        body: reportSaveBody,
        response: { 200: reportForm },
      },
    },
    (request) =>
      saveReport(db, requireScope(request), { schoolId: request.params.id, ...request.body }),
  );
  r.post(
    '/indicators/reports/:id/decision',
    {
      schema: {
        summary: 'Cấp trên duyệt hoặc trả lại báo cáo thống kê đã gửi của một trường',
        tags,
        params: idParams,
        body: reportDecisionBody,
        response: { 200: reportForm },
      },
    },
    (request) =>
      decideReport(db, requireScope(request), { schoolId: request.params.id, ...request.body }),
  );
}
