import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, noContent } from '../../core/contract.ts';
import { AppError } from '../../core/errors.ts';
import { requireScope } from '../../core/http/context.ts';
import { RateLimiter } from '../../core/http/rate-limit.ts';
import type { ModuleServices } from '../../core/module.ts';
import {
  answerAccepted,
  answerBody,
  codeBody,
  createSurveyBody,
  editSurveyBody,
  issueCodesBody,
  issuedCodes,
  pendingTexts,
  publicForm,
  resultsAnswer,
  resultsQuery,
  reviewBody,
  surveyDetail,
  surveyList,
  surveySummary,
  trendAnswer,
  XLSX,
  xlsxFile,
} from './contract.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';

const tags = ['Khảo sát ý kiến'];
const publicTags = ['Khảo sát ý kiến (công khai)'];

/** Answers a client address may send per minute (a school's shared computer: generous). */
const PUBLIC_CALLS_PER_MINUTE = 120;

/** The surveys' routes: thin, contract → use case (each loaded at its first call). */
export function registerSurveyRoutes(instance: FastifyInstance, deps: ModuleServices): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const limiter = new RateLimiter(PUBLIC_CALLS_PER_MINUTE);
  const limited = {
    onRequest: (request: FastifyRequest): Promise<void> => {
      const wait = limiter.take(request.ip);
      return wait > 0
        ? Promise.reject(new AppError(429, 'Quá nhiều yêu cầu', `Hãy thử lại sau ${wait} giây.`))
        : Promise.resolve();
    },
  };

  api.post(
    '/public/surveys/form',
    {
      schema: {
        tags: publicTags,
        summary: 'Mở phiếu khảo sát bằng mã nhà trường phát',
        body: codeBody,
        response: { 200: publicForm },
      },
      ...limited,
    },
    async (request) => {
      const { openForm } = await import('./open-form.ts');
      return openForm(db, request.body.code);
    },
  );

  api.post(
    '/public/surveys/answers',
    {
      schema: {
        tags: publicTags,
        summary: 'Gửi phiếu trả lời (ẩn danh; mỗi mã một lần)',
        body: answerBody,
        response: { 201: answerAccepted },
      },
      ...limited,
    },
    async (request, reply) => {
      const { submitAnswer } = await import('./submit-answer.ts');
      return reply.code(201).send(await submitAnswer(db, request.body));
    },
  );

  api.get(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Các phiếu khảo sát đến đơn vị mình',
        response: { 200: surveyList },
      },
    },
    async (request) => {
      const { listSurveys } = await import('./list-surveys.ts');
      return listSurveys(db, requireScope(request));
    },
  );

  api.post(
    '/surveys',
    {
      schema: {
        tags,
        summary: 'Tạo phiếu khảo sát và gửi cho phụ huynh của một phạm vi',
        body: createSurveyBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const { createSurvey } = await import('./create-survey.ts');
      return reply.code(201).send(await createSurvey(db, requireScope(request), request.body));
    },
  );

  api.get(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Một phiếu khảo sát',
        params: idParams,
        response: { 200: surveyDetail },
      },
    },
    async (request) => {
      const { getSurvey } = await import('./get-survey.ts');
      return getSurvey(db, requireScope(request), request.params.id);
    },
  );

  api.patch(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Sửa phiếu khảo sát (chỉ khi chưa có phiếu trả lời nào)',
        params: idParams,
        body: editSurveyBody,
        response: { 200: surveyDetail },
      },
    },
    async (request) => {
      const { editSurvey } = await import('./edit-survey.ts');
      return editSurvey(db, requireScope(request), { id: request.params.id, ...request.body });
    },
  );

  api.post(
    '/surveys/:id/open',
    {
      schema: {
        tags,
        summary: 'Mở phiếu khảo sát nháp cho phụ huynh trả lời',
        params: idParams,
        response: { 200: surveyDetail },
      },
    },
    async (request) => {
      const { openSurvey } = await import('./edit-survey.ts');
      return openSurvey(db, requireScope(request), request.params.id);
    },
  );

  api.post(
    '/surveys/:id/close',
    {
      schema: {
        tags,
        summary: 'Đóng khảo sát: không nhận thêm phiếu trả lời (đơn vị gửi phiếu)',
        params: idParams,
        response: { 200: surveySummary },
      },
    },
    async (request) => {
      const { closeSurvey } = await import('./close-survey.ts');
      return closeSurvey(db, requireScope(request), request.params.id);
    },
  );

  api.post(
    '/surveys/:id/codes',
    {
      schema: {
        tags,
        summary: 'Cấp mã trả lời cho một lớp (chỉ hiện một lần)',
        params: idParams,
        body: issueCodesBody,
        response: { 201: issuedCodes },
      },
    },
    async (request, reply) => {
      const { issueCodes } = await import('./issue-codes.ts');
      return reply.code(201).send(
        await issueCodes(db, requireScope(request), {
          surveyId: request.params.id,
          ...request.body,
        }),
      );
    },
  );

  api.get(
    '/surveys/:id/results',
    {
      schema: {
        tags,
        summary: 'Kết quả theo trường (ẩn nhóm dưới 10 phiếu)',
        params: idParams,
        querystring: resultsQuery,
        response: { 200: resultsAnswer },
      },
    },
    async (request) => {
      const { surveyResults } = await import('./survey-results.ts');
      return surveyResults(db, requireScope(request), {
        surveyId: request.params.id,
        schoolId: request.query.schoolId,
      });
    },
  );

  api.get(
    '/surveys/:id/trend',
    {
      schema: {
        tags,
        summary: 'Xu hướng qua các đợt khảo sát cùng loạt (ẩn nhóm dưới 10 phiếu)',
        params: idParams,
        querystring: resultsQuery,
        response: { 200: trendAnswer },
      },
    },
    async (request) => {
      const { surveyTrend } = await import('./survey-trend.ts');
      return surveyTrend(db, requireScope(request), {
        surveyId: request.params.id,
        schoolId: request.query.schoolId,
      });
    },
  );

  api.get(
    '/surveys/:id/results.xlsx',
    {
      schema: {
        tags,
        summary: 'Kết quả theo trường, tệp xlsx (ẩn nhóm dưới 10 phiếu)',
        params: idParams,
        querystring: resultsQuery,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const { exportResults } = await import('./export-results.ts');
      const file = await exportResults(db, requireScope(request), {
        surveyId: request.params.id,
        schoolId: request.query.schoolId,
      });
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(file.fileName))
        .send(file.xlsx);
    },
  );

  api.get(
    '/surveys/:id/texts',
    {
      schema: {
        tags,
        summary: 'Ý kiến chờ duyệt',
        params: idParams,
        response: { 200: pendingTexts },
      },
    },
    async (request) => {
      const { listPendingTexts } = await import('./review-texts.ts');
      return listPendingTexts(db, requireScope(request), request.params.id);
    },
  );

  api.post(
    '/surveys/texts/:id/review',
    {
      schema: {
        tags,
        summary: 'Duyệt hoặc ẩn một ý kiến',
        params: idParams,
        body: reviewBody,
        response: { 200: noContent },
      },
    },
    async (request) => {
      const { reviewText } = await import('./review-texts.ts');
      return reviewText(db, requireScope(request), { id: request.params.id, ...request.body });
    },
  );
}
