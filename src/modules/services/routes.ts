import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/contract.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { receiveUpload } from '../../core/files/upload.ts';
import { requireScope } from '../../core/http/context.ts';
import { RateLimiter } from '../../core/http/rate-limit.ts';
import type { ModuleServices } from '../../core/module.ts';
import { keyPassphrase } from '../diplomas/index.ts';
import { officeKeyPassphrase } from '../office/index.ts';
import { PROCEDURES, procedureById } from './catalogue.ts';
import {
  actionBody,
  apologyBody,
  handoverBody,
  applicantAuth,
  applicantParams,
  applicantQuery,
  applicationDetail,
  applicationPage,
  applyBody,
  listQuery,
  otpAnswer,
  otpBody,
  pdfFile,
  procedure,
  procedureList,
  procedureParams,
  publicStatus,
  receipt,
  statsAnswer,
  statsQuery,
  UPLOAD_MAX_BYTES,
  UPLOAD_TYPES,
  uploadAnswer,
  XLSX,
  xlsxFile,
} from './contract.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';

const publicTags = ['Dịch vụ công (công khai)'];
const tags = ['Dịch vụ công'];

/** Public calls a client address may make per minute (codes, applications, tracking). */
const PUBLIC_CALLS_PER_MINUTE = 30;

/**
 * The public services' routes: thin, contract → use case (each loaded at
 * its first call). Public routes need no account; the applicant proves
 * itself with the one-time code (applying) and then with the application
 * code and its personal id (tracking, uploads, downloads).
 */
export function registerServicesRoutes(instance: FastifyInstance, deps: ModuleServices): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db, files, mail, publicUrl } = deps;
  const limiter = new RateLimiter(PUBLIC_CALLS_PER_MINUTE);
  const limited = {
    // Counted before validation: malformed guesses use up the allowance too.
    onRequest: (request: FastifyRequest): Promise<void> => {
      const wait = limiter.take(request.ip);
      return wait > 0
        ? Promise.reject(new AppError(429, 'Quá nhiều yêu cầu', `Hãy thử lại sau ${wait} giây.`))
        : Promise.resolve();
    },
  };

  api.get(
    '/public/services/procedures',
    {
      schema: {
        tags: publicTags,
        summary: 'Danh mục thủ tục hành chính của Sở',
        response: { 200: procedureList },
      },
    },
    () => ({ items: [...PROCEDURES] }),
  );

  api.get(
    '/public/services/procedures/:id',
    {
      schema: {
        tags: publicTags,
        summary: 'Một thủ tục: căn cứ, hồ sơ, phí, các bước, thời hạn',
        params: procedureParams,
        response: { 200: procedure },
      },
    },
    (request) => {
      const p = procedureById(request.params.id);
      if (!p) throw notFound('thủ tục');
      return p;
    },
  );

  api.post(
    '/public/services/otp',
    {
      schema: {
        tags: publicTags,
        summary: 'Gửi mã xác nhận một lần đến thư điện tử của người nộp',
        body: otpBody,
        response: { 200: otpAnswer },
      },
      ...limited,
    },
    async (request) => {
      const { requestOtp } = await import('./request-otp.ts');
      return requestOtp(db, mail, request.body);
    },
  );

  api.post(
    '/public/services/applications',
    {
      schema: {
        tags: publicTags,
        summary: 'Nộp hồ sơ trực tuyến (không cần tài khoản)',
        body: applyBody,
        response: { 201: receipt },
      },
      ...limited,
    },
    async (request, reply) => {
      const { submitApplication } = await import('./apply.ts');
      return reply.code(201).send(await submitApplication(db, mail, request.body));
    },
  );

  api.post(
    '/public/services/applications/status',
    {
      schema: {
        tags: publicTags,
        summary: 'Tình trạng hồ sơ theo mã hồ sơ và số định danh cá nhân',
        body: applicantQuery,
        response: { 200: publicStatus },
      },
      ...limited,
    },
    async (request) => {
      const { applicationStatus } = await import('./application-status.ts');
      return applicationStatus(db, request.body);
    },
  );

  api.post(
    '/public/services/applications/:code/documents',
    {
      schema: {
        tags: publicTags,
        summary: `Tải lên tài liệu (PDF, JPEG, PNG; tối đa ${UPLOAD_MAX_BYTES / 1024 / 1024} MB mỗi tệp)`,
        description:
          'multipart/form-data: trường personalId, requirement (mã loại tài liệu) rồi trường file.',
        params: applicantParams,
        response: { 201: uploadAnswer },
      },
      ...limited,
    },
    async (request, reply) => {
      const upload = await receiveUpload(request, files, {
        maxBytes: UPLOAD_MAX_BYTES,
        accept: UPLOAD_TYPES,
        what: 'PDF, JPEG hay PNG',
      });
      const auth = applicantAuth.parse({ personalId: upload.fields.personalId ?? '' });
      const { attachDocument } = await import('./attach-document.ts');
      const row = await attachDocument(
        db,
        { code: request.params.code, personalId: auth.personalId },
        { ...upload, requirement: upload.fields.requirement ?? '' },
      );
      return reply.code(201).send(row);
    },
  );

  api.post(
    '/public/services/applications/receipt',
    {
      schema: {
        tags: publicTags,
        summary: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)',
        body: applicantQuery,
        response: { 200: pdfFile },
      },
      ...limited,
    },
    async (request, reply) => {
      const { receiptPdf } = await import('./receipt-pdf.ts');
      const pdf = await receiptPdf(db, request.body);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`tiep-nhan-${request.body.code}.pdf`))
        .send(pdf);
    },
  );

  api.post(
    '/public/services/applications/result',
    {
      schema: {
        tags: publicTags,
        summary: 'Tải kết quả (bản sao văn bằng có số trong sổ cấp bản sao)',
        body: applicantQuery,
        response: { 200: pdfFile },
      },
      ...limited,
    },
    async (request, reply) => {
      const { resultFile } = await import('./result-file.ts');
      const file = await resultFile(db, files, request.body);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(file.fileName))
        .send(file.stream);
    },
  );

  // ------------------------------------------------------------ staff

  api.get(
    '/services/applications',
    {
      schema: {
        tags,
        summary: 'Hồ sơ của Sở: theo trạng thái, thủ tục, sắp đến hạn, quá hạn',
        querystring: listQuery,
        response: { 200: applicationPage },
      },
    },
    async (request) => {
      const { listApplicationsFor } = await import('./list-applications.ts');
      return listApplicationsFor(db, requireScope(request), request.query);
    },
  );

  api.get(
    '/services/applications/:id',
    {
      schema: {
        tags,
        summary: 'Một hồ sơ',
        params: idParams,
        response: { 200: applicationDetail },
      },
    },
    async (request) => {
      const { getApplication } = await import('./get-application.ts');
      return getApplication(db, requireScope(request), request.params.id);
    },
  );

  api.post(
    '/services/applications/:id/actions',
    {
      schema: {
        tags,
        summary: 'Một bước xử lý: yêu cầu bổ sung, chuyển phòng, trình, phê duyệt, từ chối',
        params: idParams,
        body: actionBody,
        response: { 200: applicationDetail },
      },
    },
    async (request) => {
      const { actOnApplication } = await import('./act-on-application.ts');
      return actOnApplication(
        db,
        requireScope(request),
        { id: request.params.id, ...request.body },
        {
          files,
          mail,
          diplomaSigning: () => ({ passphrase: keyPassphrase().passphrase, publicUrl }),
          officeSigning: officeKeyPassphrase,
        },
      );
    },
  );

  api.post(
    '/services/applications/:id/handover',
    {
      schema: {
        tags,
        summary: 'Giao bản sao giấy: người nhận, thời điểm, số trong sổ cấp bản sao',
        params: idParams,
        body: handoverBody,
        response: { 200: applicationDetail },
      },
    },
    async (request) => {
      const { handOverPaper } = await import('./hand-over-paper.ts');
      return handOverPaper(db, requireScope(request), { id: request.params.id, ...request.body });
    },
  );

  api.post(
    '/services/applications/:id/apology.pdf',
    {
      schema: {
        tags,
        summary: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (hồ sơ quá hạn)',
        params: idParams,
        body: apologyBody,
        response: { 200: pdfFile },
      },
    },
    async (request, reply) => {
      const { apologyLetter } = await import('./apology-letter.ts');
      const pdf = await apologyLetter(
        db,
        requireScope(request),
        { id: request.params.id, ...request.body },
        { mail },
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('phieu-xin-loi.pdf'))
        .send(pdf);
    },
  );

  api.get(
    '/services/statistics',
    {
      schema: {
        tags,
        summary: 'Thống kê theo tháng và thủ tục (Bộ chỉ số 766/QĐ-TTg)',
        querystring: statsQuery,
        response: { 200: statsAnswer },
      },
    },
    async (request) => {
      const { monthlyStatistics } = await import('./statistics.ts');
      return monthlyStatistics(db, requireScope(request), request.query);
    },
  );

  api.get(
    '/services/statistics.xlsx',
    {
      schema: {
        tags,
        summary: 'Thống kê theo tháng, tệp xlsx',
        querystring: statsQuery,
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const { exportStatistics } = await import('./export-statistics.ts');
      const file = await exportStatistics(db, requireScope(request), request.query);
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(`thong-ke-${file.month}.xlsx`))
        .send(file.xlsx);
    },
  );

  api.post(
    '/services/calendar/import',
    {
      schema: {
        tags,
        summary: 'Nhập lịch nghỉ lễ, nghỉ bù, làm bù của một hay nhiều năm (CSV)',
        body: z.object({ csv: z.string().max(200_000) }),
        response: { 200: z.object({ years: z.array(z.number()), days: z.number() }) },
      },
    },
    async (request) => {
      const { importCalendar } = await import('./import-calendar.ts');
      return importCalendar(db, requireScope(request), { csv: request.body.csv });
    },
  );
}
