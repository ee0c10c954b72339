import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { requireScope } from '../../server/context.ts';
import { AppError, badRequest, notFound } from '../../server/errors.ts';
import { didWebOf } from '../../server/public-url.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { Readable } from 'node:stream';
import { RateLimiter } from '../../server/rate-limit.ts';
import { importGraduates } from './import.ts';
import { listIssuerKeys, passphraseFromEnv } from './keys.ts';
import { copyPdf, dataSheetPdf, registerPdf } from './pdf.ts';
import {
  correctDiploma,
  findCopy,
  issueFromStudents,
  getDiploma,
  issueDiplomas,
  listDiplomas,
  publicLookup,
  recordCopy,
  revokeDiploma,
  statusListCredential,
  StatusListCache,
  type IssueContext,
} from './service.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày cần dạng yyyy-mm-dd');
/** Accepts dd/mm/yyyy as people type it, or yyyy-mm-dd. */
const anyDate = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : s;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso))) {
      ctx.addIssue({ code: 'custom', message: 'Ngày sinh cần đầy đủ dạng dd/mm/yyyy' });
      return z.NEVER;
    }
    return iso;
  });

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
        querystring: z.object({
          serial: z.string().trim().max(40).optional(),
          registerNumber: z.string().trim().max(40).optional(),
          fullName: z.string().trim().min(2).max(120),
          birthDate: anyDate,
        }),
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
    async (request) => {
      const found = await publicLookup(db, request.query);
      return { found: found.length > 0, diplomas: found };
    },
  );

  api.get(
    '/public/status/:code',
    {
      schema: {
        tags: publicTags,
        summary: 'Danh sách trạng thái thu hồi (Bitstring Status List)',
        description: `Ký lại chỉ khi danh sách đổi (cấp, chỉnh sửa, thu hồi, đổi khoá); 404 cho đơn vị không cấp văn bằng; giới hạn ${STATUS_LISTS_PER_MINUTE} lần mỗi phút cho mỗi địa chỉ (429 khi vượt).`,
        params: z.object({ code: z.string().max(32) }),
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
      const credential = await statusListCredential(db, request.params.code, context, statusLists);
      return reply.header('cache-control', 'public, max-age=300').send(credential);
    },
  );

  api.get(
    '/public/keys',
    { schema: { tags: publicTags, summary: 'Khoá công khai của các đơn vị cấp (kể cả khoá cũ)' } },
    async () => {
      const keys = await listIssuerKeys(db);
      return keys.map(({ kid, did, publicKeyMultibase, createdAt, retiredAt }) => ({
        kid,
        did,
        publicKeyMultibase,
        createdAt,
        retiredAt,
      }));
    },
  );

  // ---- Back office ----
  const tags = ['Văn bằng'];
  const idParams = z.object({ id: z.string().max(64) });
  const decision = z.object({
    decisionNumber: z.string().trim().min(1).max(60),
    decisionDate: isoDate,
    reason: z.string().trim().min(1).max(500),
  });
  const requireDiploma = async (
    request: FastifyRequest,
    id: string,
    permission: 'registry.read' | 'registry.write',
  ) => {
    const scope = requireScope(request);
    if (!isUuid(id)) throw notFound('văn bằng');
    const d = await db
      .selectFrom('diploma')
      .select('authority_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!d) throw notFound('văn bằng');
    await scope.requireUnit(db, d.authority_id, permission);
    return scope;
  };

  api.get(
    '/diplomas',
    {
      schema: {
        tags,
        summary: 'Sổ gốc: danh sách văn bằng của đơn vị cấp',
        querystring: z.object({
          authorityId: z.string().max(64),
          q: z.string().max(120).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => {
      const scope = requireScope(request);
      await scope.requireUnit(db, request.query.authorityId, 'registry.read');
      return listDiplomas(db, request.query);
    },
  );
  api.get(
    '/diplomas/register.pdf',
    {
      schema: {
        tags,
        summary: 'In sổ gốc (PDF, A4 ngang)',
        querystring: z.object({
          authorityId: z.string().max(64),
          year: z.coerce.number().int().min(1950).max(2100).optional(),
        }),
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      await scope.requireUnit(db, request.query.authorityId, 'registry.read');
      const pdf = await registerPdf(db, request.query);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="so-goc${request.query.year ? `-${request.query.year}` : ''}.pdf"`,
        )
        .send(pdf);
    },
  );
  api.get(
    '/diplomas/:id/sheet.pdf',
    { schema: { tags, summary: 'Phiếu thông tin văn bằng có mã QR (PDF)', params: idParams } },
    async (request, reply) => {
      await requireDiploma(request, request.params.id, 'registry.read');
      const d = await getDiploma(db, request.params.id);
      const authority = await db
        .selectFrom('org_unit')
        .select('name')
        .where('id', '=', d.authorityId)
        .executeTakeFirstOrThrow();
      return reply.type('application/pdf').send(await dataSheetPdf(d, authority.name));
    },
  );
  api.get(
    '/diplomas/:id/copies/:eventId/ban-sao.pdf',
    {
      schema: {
        tags,
        summary: 'Bản sao từ sổ gốc đã cấp (PDF)',
        params: z.object({ id: z.string().max(64), eventId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      await requireDiploma(request, request.params.id, 'registry.read');
      const d = await getDiploma(db, request.params.id);
      const copy = findCopy(d, request.params.eventId);
      const authority = await db
        .selectFrom('org_unit')
        .select('name')
        .where('id', '=', d.authorityId)
        .executeTakeFirstOrThrow();
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="ban-sao-${copy.copyNumber.replaceAll('/', '-')}.pdf"`,
        )
        .send(await copyPdf(d, copy, authority.name));
    },
  );
  api.get(
    '/diplomas/:id',
    { schema: { tags, summary: 'Chi tiết và lịch sử một văn bằng', params: idParams } },
    async (request) => {
      await requireDiploma(request, request.params.id, 'registry.read');
      return getDiploma(db, request.params.id);
    },
  );
  api.get(
    '/diplomas/:id/credential.json',
    { schema: { tags, summary: 'Tải chứng chỉ số (W3C Verifiable Credential)', params: idParams } },
    async (request, reply) => {
      await requireDiploma(request, request.params.id, 'registry.read');
      const d = await getDiploma(db, request.params.id);
      return reply
        .header('content-disposition', `attachment; filename="van-bang-${d.serialNumber}.json"`)
        .send(d.credential);
    },
  );
  api.get(
    '/diplomas/:id/qr.png',
    { schema: { tags, summary: 'Mã QR xác minh ngoại tuyến', params: idParams } },
    async (request, reply) => {
      await requireDiploma(request, request.params.id, 'registry.read');
      const d = await getDiploma(db, request.params.id);
      const png = await QRCode.toBuffer(d.qr, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
      return reply.type('image/png').send(png);
    },
  );
  api.post(
    '/diplomas/issue',
    {
      schema: {
        tags,
        summary: 'Cấp văn bằng (đánh số tự động, ký số)',
        body: z.object({
          authorityId: z.string().max(64),
          diplomaType: z.enum(['upper_secondary', 'lower_secondary']),
          issueDate: isoDate,
          signerName: z.string().trim().min(1).max(120),
          signerTitle: z.string().trim().min(1).max(120),
          entries: z
            .array(
              z.object({
                fullName: z.string().trim().min(2).max(120),
                birthDate: isoDate,
                birthPlace: z.string().max(200).nullable().optional(),
                gender: z.enum(['male', 'female']),
                ethnicity: z.string().max(60).nullable().optional(),
                schoolName: z.string().trim().min(1).max(200),
                examCouncil: z.string().max(200).nullable().optional(),
                graduationYear: z.number().int().min(1950).max(2100),
                decisionNumber: z.string().trim().min(1).max(60),
                decisionDate: isoDate,
                notes: z.string().max(500).nullable().optional(),
              }),
            )
            .min(1)
            .max(5000),
        }),
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      await scope.requireUnit(db, request.body.authorityId, 'registry.write');
      const issued = await issueDiplomas(db, scope.actor, request.body, context());
      return reply.status(201).send(issued);
    },
  );
  api.post(
    '/diplomas/import',
    {
      schema: {
        tags,
        summary: 'Cấp văn bằng từ danh sách công nhận tốt nghiệp (xlsx; tất cả hoặc không gì cả)',
        querystring: z.object({
          authorityId: z.string().max(64),
          diplomaType: z.enum(['upper_secondary', 'lower_secondary']),
          issueDate: isoDate,
          signerName: z.string().trim().min(1).max(120),
          signerTitle: z.string().trim().min(1).max(120),
          dryRun: z.enum(['0', '1']).default('1'),
        }),
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      await scope.requireUnit(db, request.query.authorityId, 'registry.write');
      const file = await request.file();
      if (!file) throw badRequest('Chưa chọn tệp danh sách tốt nghiệp (xlsx).');
      const bytes = await file.toBuffer();
      try {
        const result = await importGraduates(db, Readable.from(bytes), {
          ...request.query,
          actor: scope.actor,
          dryRun: request.query.dryRun === '1',
          context: context(),
        });
        return reply.status(result.errorList.length ? 422 : 200).send(result);
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) throw badRequest(error.message);
        throw error;
      }
    },
  );
  api.post(
    '/diplomas/issue-from-students',
    {
      schema: {
        tags,
        summary: 'Cấp văn bằng cho học sinh lớp cuối cấp của một trường, từ cơ sở dữ liệu ngành',
        body: z.object({
          authorityId: z.string().max(64),
          schoolId: z.string().max(64),
          schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
          diplomaType: z.enum(['upper_secondary', 'lower_secondary']),
          graduationYear: z.number().int().min(1950).max(2100),
          decisionNumber: z.string().trim().min(1).max(60),
          decisionDate: isoDate,
          issueDate: isoDate,
          signerName: z.string().trim().min(1).max(120),
          signerTitle: z.string().trim().min(1).max(120),
        }),
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      await scope.requireUnit(db, request.body.authorityId, 'registry.write');
      await scope.requireUnit(db, request.body.schoolId, 'registry.read');
      const result = await issueFromStudents(db, scope.actor, request.body, context());
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
        body: decision.extend({
          changes: z.object({
            fullName: z.string().trim().min(2).max(120).optional(),
            birthDate: isoDate.optional(),
            birthPlace: z.string().max(200).nullable().optional(),
            gender: z.enum(['male', 'female']).optional(),
            ethnicity: z.string().max(60).nullable().optional(),
          }),
        }),
      },
    },
    async (request) => {
      const scope = await requireDiploma(request, request.params.id, 'registry.write');
      const { changes, ...d } = request.body;
      await correctDiploma(db, scope.actor, request.params.id, d, changes, context());
      return getDiploma(db, request.params.id);
    },
  );
  api.post(
    '/diplomas/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi văn bằng theo quyết định',
        params: idParams,
        body: decision,
      },
    },
    async (request) => {
      const scope = await requireDiploma(request, request.params.id, 'registry.write');
      await revokeDiploma(db, scope.actor, request.params.id, request.body);
      return getDiploma(db, request.params.id);
    },
  );
  api.post(
    '/diplomas/:id/copy',
    {
      schema: {
        tags,
        summary: 'Ghi nhận cấp bản sao từ sổ gốc',
        params: idParams,
        body: z.object({
          requester: z.string().trim().min(2).max(120),
          copies: z.number().int().min(1).max(20),
          reason: z.string().trim().min(1).max(300),
        }),
      },
    },
    async (request) => {
      const scope = await requireDiploma(request, request.params.id, 'registry.write');
      await recordCopy(db, scope.actor, request.params.id, request.body);
      return getDiploma(db, request.params.id);
    },
  );
}

/** did:web document of this host: every issuer key, current and retired. */
export function registerDidDocument(
  instance: FastifyInstance,
  deps: { db: Db; publicUrl: string },
): void {
  const did = didWebOf(deps.publicUrl);
  instance.get('/.well-known/did.json', { schema: { hide: true } }, async () => {
    const keys = await listIssuerKeys(deps.db);
    const methods = keys.map((k) => ({
      id: `${did}#${k.kid}`,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: k.publicKeyMultibase,
    }));
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      alsoKnownAs: keys.map((k) => k.did),
      verificationMethod: methods,
      assertionMethod: methods.map((m) => m.id),
    };
  });
}
