import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { requireScope } from '../../core/http/context.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import { didWebOf } from '../../core/http/public-url.ts';
import { RateLimiter } from '../../core/http/rate-limit.ts';
import { fileAnswer } from '../../core/contract.ts';
import {
  blanksQuery,
  blankStock as blankStockAnswer,
  copyBody,
  copyParams,
  correctBody,
  decision,
  didDocument,
  diplomaDetail,
  diplomaPage,
  graduateImportResult,
  graduatesAnswer,
  graduatesQuery,
  idParams,
  importQuery,
  issueBody,
  issuedDiplomas,
  issueFromStudentsAnswer,
  issueFromStudentsBody,
  listQuery,
  lookupAnswer,
  lookupQuery,
  publicKeys,
  receiveBlanksBody,
  spoilBlankBody,
  registerPdfQuery,
  signedCredential,
  statusParams,
  type SignedCredential,
} from './contract.ts';
import { blankStock } from './blank-stock.ts';
import { correctDiploma } from './correct-diploma.ts';
import { didDocument as didDocumentOf } from './did-document.ts';
import { diplomaQrPng } from './diploma-qr.ts';
import { getDiploma } from './get-diploma.ts';
import { importGraduates } from './import-graduates.ts';
import { issueDiplomas } from './issue-diplomas.ts';
import { issueFromStudents } from './issue-from-students.ts';
import { listIssuerKeys } from './keys.ts';
import { listDiplomas } from './list-diplomas.ts';
import { lookupDiploma } from './lookup-diploma.ts';
import { passphraseFromEnv } from './passphrase.ts';
import { previewGraduates } from './preview-graduates.ts';
import { printCopy } from './print-copy.ts';
import { printDataSheet } from './print-data-sheet.ts';
import { printRegister } from './print-register.ts';
import { receiveBlanks } from './receive-blanks.ts';
import { recordCopy } from './record-copy.ts';
import { revokeDiploma } from './revoke-diploma.ts';
import type { IssueContext } from './signing.ts';
import { spoilBlank } from './spoil-blank.ts';
import { statusListCredential, StatusListCache } from './status-list.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';

/**
 * The diplomas routes: each declares its request and answer schemas
 * (contract.ts) and calls its use case, which checks access itself.
 */

function issueContext(publicUrl: string): IssueContext {
  let passphrase: string;
  try {
    passphrase = passphraseFromEnv();
  } catch (error) {
    throw new AppError(503, 'Chưa cấu hình khoá ký', (error as Error).message);
  }
  return { passphrase, publicUrl };
}

/** Status lists one client may fetch per minute: verifiers fetch them often, and each costs a query. */
export const STATUS_LISTS_PER_MINUTE = 60;

/** An unreadable workbook is the client's file: 400 with the reader's reason. */
const unreadableAsBadRequest = (error: unknown): never => {
  throw error instanceof UnreadableWorkbookError ? badRequest(error.message) : error;
};

const tooMany = (wait: number, what: string) =>
  new AppError(
    429,
    `${what} quá nhiều lần`,
    `Bạn đã ${what.toLowerCase()} quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ${wait} giây.`,
  );

export function registerDiplomaRoutes(
  instance: FastifyInstance,
  deps: {
    db: Db;
    /** Base of every public URL in what is signed (SOGD_PUBLIC_URL), never the Host header. */
    publicUrl: string;
    lookupsPerMinute?: number;
    statusListsPerMinute?: number;
  },
): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db, publicUrl } = deps;
  const context = () => issueContext(publicUrl);
  const limiter = new RateLimiter(deps.lookupsPerMinute ?? 20, deps.lookupsPerMinute ?? 20);
  const statusLimiter = new RateLimiter(deps.statusListsPerMinute ?? STATUS_LISTS_PER_MINUTE);
  const statusLists = new StatusListCache();
  const publicTags = ['Tra cứu văn bằng (công khai)'];

  api.get(
    '/public/diplomas/lookup',
    {
      schema: {
        tags: publicTags,
        summary: 'Tra cứu văn bằng: số hiệu hoặc số vào sổ + họ tên + ngày sinh',
        description: 'Giới hạn số lần tra cứu mỗi phút cho mỗi địa chỉ (429 khi vượt).',
        querystring: lookupQuery,
        response: { 200: lookupAnswer },
      },
      // Counted before validation: malformed guesses use up the allowance too.
      onRequest: async (request, reply) => {
        const wait = limiter.take(request.ip);
        if (wait > 0) {
          void reply.header('retry-after', String(wait));
          throw tooMany(wait, 'Tra cứu');
        }
      },
    },
    async (request) => lookupDiploma(db, request.query),
  );

  api.get(
    '/public/status/:code',
    {
      schema: {
        tags: publicTags,
        summary: 'Danh sách trạng thái thu hồi (Bitstring Status List)',
        description: `Ký lại chỉ khi danh sách đổi (cấp, chỉnh sửa, thu hồi, đổi khoá); 404 cho đơn vị không cấp văn bằng; giới hạn ${STATUS_LISTS_PER_MINUTE} lần mỗi phút cho mỗi địa chỉ (429 khi vượt).`,
        params: statusParams,
        response: { 200: signedCredential },
      },
      onRequest: async (request, reply) => {
        const wait = statusLimiter.take(request.ip);
        if (wait > 0) {
          void reply.header('retry-after', String(wait));
          throw tooMany(wait, 'Tải danh sách trạng thái');
        }
      },
    },
    async (request, reply) => {
      const credential = await statusListCredential(db, request.params, context, statusLists);
      return reply
        .header('cache-control', 'public, max-age=300')
        .send(credential as SignedCredential);
    },
  );

  api.get(
    '/public/keys',
    {
      schema: {
        tags: publicTags,
        summary: 'Khoá công khai của các đơn vị cấp (kể cả khoá cũ)',
        response: { 200: publicKeys },
      },
    },
    // The schema lists what is public of a key (not the authority's id).
    async () => listIssuerKeys(db),
  );

  // ---- Back office ----
  const tags = ['Văn bằng'];
  const pdf = fileAnswer('application/pdf', 'Tệp PDF');

  api.get(
    '/diplomas',
    {
      schema: {
        tags,
        summary: 'Sổ gốc: danh sách văn bằng của đơn vị cấp',
        querystring: listQuery,
        response: { 200: diplomaPage },
      },
    },
    async (request) => listDiplomas(db, requireScope(request), request.query),
  );
  api.get(
    '/diplomas/register.pdf',
    {
      schema: {
        tags,
        summary: 'In sổ gốc (PDF, A4 ngang)',
        querystring: registerPdfQuery,
        response: { 200: fileAnswer('application/pdf', 'Sổ gốc cấp văn bằng') },
      },
    },
    async (request, reply) => {
      const pdf = await printRegister(db, requireScope(request), request.query);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`so-goc${request.query.year ? `-${request.query.year}` : ''}.pdf`),
        )
        .send(pdf);
    },
  );
  api.get(
    '/diplomas/:id/sheet.pdf',
    {
      schema: {
        tags,
        summary: 'Phiếu thông tin văn bằng có mã QR (PDF)',
        params: idParams,
        response: { 200: pdf },
      },
    },
    async (request, reply) => {
      const sheet = await printDataSheet(db, requireScope(request), request.params);
      return reply.type('application/pdf').send(sheet);
    },
  );
  api.get(
    '/diplomas/:id/copies/:eventId/ban-sao.pdf',
    {
      schema: {
        tags,
        summary: 'Bản sao từ sổ gốc đã cấp (PDF)',
        params: copyParams,
        response: { 200: fileAnswer('application/pdf', 'Bản sao từ sổ gốc') },
      },
    },
    async (request, reply) => {
      const copy = await printCopy(db, requireScope(request), request.params);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`ban-sao-${copy.copyNumber.replaceAll('/', '-')}.pdf`),
        )
        .send(copy.pdf);
    },
  );
  api.get(
    '/diplomas/graduates',
    {
      schema: {
        tags,
        summary: 'Xem trước danh sách học sinh lớp cuối cấp của một trường (trước khi cấp)',
        querystring: graduatesQuery,
        response: { 200: graduatesAnswer },
      },
    },
    async (request) => previewGraduates(db, requireScope(request), request.query),
  );
  api.get(
    '/diplomas/blanks',
    {
      schema: {
        tags,
        summary: 'Phôi văn bằng: các dãy số hiệu đã nhận, đã dùng, hỏng và còn lại',
        querystring: blanksQuery,
        response: { 200: blankStockAnswer },
      },
    },
    async (request) => blankStock(db, requireScope(request), request.query),
  );
  api.post(
    '/diplomas/blanks',
    {
      schema: {
        tags,
        summary: 'Nhập phôi văn bằng theo dãy số hiệu',
        body: receiveBlanksBody,
        response: { 201: blankStockAnswer },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await receiveBlanks(db, requireScope(request), request.body)),
  );
  api.post(
    '/diplomas/blanks/spoiled',
    {
      schema: {
        tags,
        summary: 'Ghi nhận phôi văn bằng bị hỏng (kèm lý do)',
        body: spoilBlankBody,
        response: { 201: blankStockAnswer },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await spoilBlank(db, requireScope(request), request.body)),
  );
  api.get(
    '/diplomas/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết và lịch sử một văn bằng',
        params: idParams,
        response: { 200: diplomaDetail },
      },
    },
    async (request) => getDiploma(db, requireScope(request), request.params),
  );
  api.get(
    '/diplomas/:id/credential.json',
    {
      schema: {
        tags,
        summary: 'Tải chứng chỉ số (W3C Verifiable Credential)',
        params: idParams,
        response: { 200: signedCredential },
      },
    },
    async (request, reply) => {
      const d = await getDiploma(db, requireScope(request), request.params);
      return reply
        .header('content-disposition', contentDisposition(`van-bang-${d.serialNumber}.json`))
        .send(d.credential);
    },
  );
  api.get(
    '/diplomas/:id/qr.png',
    {
      schema: {
        tags,
        summary: 'Mã QR xác minh ngoại tuyến',
        params: idParams,
        response: { 200: fileAnswer('image/png', 'Ảnh mã QR') },
      },
    },
    async (request, reply) => {
      const png = await diplomaQrPng(db, requireScope(request), request.params);
      return reply.type('image/png').send(png);
    },
  );
  api.post(
    '/diplomas/issue',
    {
      schema: {
        tags,
        summary: 'Cấp văn bằng (đánh số tự động, ký số)',
        body: issueBody,
        response: { 201: issuedDiplomas },
      },
    },
    async (request, reply) => {
      const issued = await issueDiplomas(db, requireScope(request), request.body, context);
      return reply.status(201).send(issued);
    },
  );
  api.post(
    '/diplomas/import',
    {
      schema: {
        tags,
        summary: 'Cấp văn bằng từ danh sách công nhận tốt nghiệp (xlsx; tất cả hoặc không gì cả)',
        querystring: importQuery,
        response: { 200: graduateImportResult, 422: graduateImportResult },
      },
    },
    async (request, reply) => {
      const result = await importGraduates(
        db,
        requireScope(request),
        {
          ...request.query,
          dryRun: request.query.dryRun === '1',
          file: async () => {
            const file = await request.file();
            return file ? file.toBuffer() : null;
          },
        },
        context,
      ).catch(unreadableAsBadRequest);
      return reply.status(result.errorList.length ? 422 : 200).send(result);
    },
  );
  api.post(
    '/diplomas/issue-from-students',
    {
      schema: {
        tags,
        summary: 'Cấp văn bằng cho học sinh lớp cuối cấp của một trường, từ cơ sở dữ liệu ngành',
        body: issueFromStudentsBody,
        response: { 201: issueFromStudentsAnswer },
      },
    },
    async (request, reply) => {
      const result = await issueFromStudents(db, requireScope(request), request.body, context);
      return reply.status(201).send(result);
    },
  );
  api.post(
    '/diplomas/:id/correct',
    {
      schema: {
        tags,
        summary: 'Chỉnh sửa nội dung văn bằng theo quyết định',
        params: idParams,
        body: correctBody,
        response: { 200: diplomaDetail },
      },
    },
    async (request) =>
      correctDiploma(
        db,
        requireScope(request),
        { ...request.body, id: request.params.id },
        context,
      ),
  );
  api.post(
    '/diplomas/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi văn bằng theo quyết định',
        params: idParams,
        body: decision,
        response: { 200: diplomaDetail },
      },
    },
    async (request) =>
      revokeDiploma(db, requireScope(request), { ...request.body, id: request.params.id }),
  );
  api.post(
    '/diplomas/:id/copy',
    {
      schema: {
        tags,
        summary: 'Ghi nhận cấp bản sao từ sổ gốc',
        params: idParams,
        body: copyBody,
        response: { 200: diplomaDetail },
      },
    },
    async (request) =>
      recordCopy(db, requireScope(request), { ...request.body, id: request.params.id }),
  );
}

/** did:web document of this host: every issuer key, current and retired. */
export function registerDidDocument(
  instance: FastifyInstance,
  deps: { db: Db; publicUrl: string },
): void {
  const did = didWebOf(deps.publicUrl);
  const api = instance.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/.well-known/did.json',
    { schema: { hide: true, response: { 200: didDocument } } },
    async () => didDocumentOf(deps.db, { did }),
  );
}
