import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../core/contract.ts';
import { badRequest } from '../../core/errors.ts';
import { requireScope } from '../../core/http/context.ts';
import type { FileStore } from '../../core/files/store.ts';
import type { Db } from '../../db/connection.ts';
import { z } from 'zod';
import {
  accessLog,
  edxmlFile,
  importedIncoming,
  certificateImportBody,
  attachmentList,
  composeBody,
  assignmentStats,
  statsQuery,
  attachmentFile,
  attachmentParams,
  attachmentRow,
  draftBody,
  draftDetail,
  draftList,
  draftStepBody,
  registerPdf,
  assignBody,
  assignmentList,
  assignmentQuery,
  assignmentRow,
  calendarEntryBody,
  calendarWeek,
  incomingDetail,
  incomingPage,
  listQuery,
  memberList,
  noticeList,
  officeSettings,
  outgoingDetail,
  outgoingPage,
  publicCalendarParams,
  publishBody,
  registeredIncoming,
  registerFile,
  registerQuery,
  XLSX,
  registeredOutgoing,
  registerIncomingBody,
  registerOutgoingBody,
  reportBody,
  settingsBody,
  signCompleteBody,
  signedPdf,
  signPrepared,
  trustedRootBody,
  trustedRootList,
  weekQuery,
  withdrawBody,
} from './contract.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';

const tags = ['Văn bản, điều hành'];

async function readPdf(request: FastifyRequest): Promise<{ pdf: Buffer; fileName: string }> {
  const file = await request.file();
  if (!file) throw badRequest('Chưa chọn tệp PDF của văn bản.');
  return { pdf: await file.toBuffer(), fileName: file.filename || 'van-ban.pdf' };
}

/** The PDF (field `file`) and, for a raw signature, the signer's certificate (field `certificate`). */
async function readPdfAndCertificate(
  request: FastifyRequest,
): Promise<{ pdf: Buffer; fileName: string; certificate: Buffer | null }> {
  let pdf: { pdf: Buffer; fileName: string } | null = null;
  let certificate: Buffer | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname === 'file' && !pdf)
        pdf = { pdf: await part.toBuffer(), fileName: part.filename || 'van-ban.pdf' };
      else if (part.fieldname === 'certificate') certificate = await part.toBuffer();
      else await part.toBuffer();
    } else if (part.fieldname === 'certificate' && typeof part.value === 'string' && part.value)
      // PEM text, or the DER in base64.
      certificate = part.value.includes('-----BEGIN')
        ? Buffer.from(part.value, 'latin1')
        : Buffer.from(part.value.replace(/\s/g, ''), 'base64');
  }
  if (!pdf) throw badRequest('Chưa chọn tệp PDF của văn bản.');
  return { ...pdf, certificate };
}

/**
 * The e-office's routes: thin, contract → use case (each loaded when first
 * called, so the app starts without node-forge and @signpdf).
 */
export function registerOfficeRoutes(
  instance: FastifyInstance,
  deps: { db: Db; files: FileStore },
): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db, files } = deps;
  // Refuses an anonymous caller before the body is read (401, not a 400).
  const signedIn = {
    onRequest: (request: FastifyRequest, _reply: unknown, done: () => void) => {
      requireScope(request);
      done();
    },
  };

  // ---- Files of documents ----
  api.post(
    '/office/:kind/:id/files',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Thêm tệp cho văn bản (bản quét, dự thảo DOCX/PDF, bản cuối), tối đa 50 MB',
        params: attachmentParams,
        response: { 200: attachmentRow },
      },
    },
    async (request) => {
      const scope = requireScope(request);
      const { attachFile } = await import('./attach-file.ts');
      const { receiveUpload } = await import('../../core/files/upload.ts');
      const { DOCUMENT_MEDIA, MAX_DOCUMENT_BYTES } = await import('./document-files.ts');
      return attachFile(db, scope, files, request.params, () =>
        receiveUpload(request, files, {
          maxBytes: MAX_DOCUMENT_BYTES,
          accept: DOCUMENT_MEDIA,
          what: 'PDF, DOCX hay ảnh quét (PNG, JPEG)',
        }),
      );
    },
  );
  api.get(
    '/office/files/:id',
    {
      schema: {
        tags,
        summary: 'Tải một tệp của văn bản (trong phạm vi đơn vị, hoặc nơi nhận)',
        params: idParams,
        response: { 200: attachmentFile },
      },
    },
    async (request, reply) => {
      const file = await (
        await import('./open-attachment.ts')
      ).openAttachment(db, requireScope(request), files, request.params.id);
      return reply
        .type(file.mediaType)
        .header('x-content-sha256', file.sha256)
        .header('content-disposition', contentDisposition(file.fileName))
        .send(file.stream);
    },
  );

  // ---- Drafts and approval ----
  api.get(
    '/office/drafts',
    { schema: { tags, summary: 'Dự thảo văn bản đi của đơn vị', response: { 200: draftList } } },
    async (request) => (await import('./get-draft.ts')).listDraftsOf(db, requireScope(request)),
  );
  api.post(
    '/office/drafts',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Soạn dự thảo văn bản đi (Điều 10 Nghị định 30/2020)',
        body: draftBody,
        response: { 200: draftDetail },
      },
    },
    async (request) =>
      (await import('./save-draft.ts')).saveDraft(db, requireScope(request), request.body),
  );
  api.get(
    '/office/drafts/:id',
    {
      schema: {
        tags,
        summary: 'Một dự thảo, các bước duyệt và tệp',
        params: idParams,
        response: { 200: draftDetail },
      },
    },
    async (request) =>
      (await import('./get-draft.ts')).getDraft(db, requireScope(request), request.params.id),
  );
  api.put(
    '/office/drafts/:id',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Sửa dự thảo (người soạn, khi đang soạn hoặc bị trả lại)',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        body: draftBody,
        response: { 200: draftDetail },
      },
    },
    async (request) =>
      (await import('./save-draft.ts')).saveDraft(db, requireScope(request), request.body, {
        id: request.params.id,
        version: request.query.version,
      }),
  );
  api.post(
    '/office/drafts/:id/step',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Trình, kiểm tra, duyệt hoặc trả lại dự thảo (Điều 10–13)',
        params: idParams,
        body: draftStepBody,
        response: { 200: draftDetail },
      },
    },
    async (request) =>
      (await import('./step-draft.ts')).stepDraft(
        db,
        requireScope(request),
        request.params.id,
        request.body,
      ),
  );
  api.post(
    '/office/drafts/:id/number',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Cấp số cho dự thảo đã duyệt và vào sổ văn bản đi (Điều 15–16)',
        params: idParams,
        body: z.object({ version: z.number().int().min(1) }),
        response: { 200: outgoingDetail },
      },
    },
    async (request) =>
      (await import('./number-draft.ts')).numberDraft(
        db,
        requireScope(request),
        request.params.id,
        request.body.version,
      ),
  );
  api.post(
    '/office/outgoing/:id/compose',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Trình bày văn bản theo Phụ lục I Nghị định 30/2020 (DOCX và PDF, thêm vào tệp)',
        params: idParams,
        body: composeBody,
        response: { 200: attachmentList },
      },
    },
    async (request) =>
      (await import('./compose-outgoing.ts')).composeOutgoing(
        db,
        requireScope(request),
        files,
        request.params.id,
        request.body,
      ),
  );
  api.post(
    '/office/outgoing/:id/sign-composed',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Trình bày văn bản theo Phụ lục I với hình chữ ký và hình dấu đỏ, rồi ký số bản PDF đó (PAdES)',
        params: idParams,
        body: composeBody,
        response: { 200: outgoingDetail },
      },
    },
    async (request) => {
      const scope = requireScope(request);
      const { signComposedOutgoing } = await import('./sign-composed.ts');
      const { officeKeyPassphrase } = await import('./keys.ts');
      return signComposedOutgoing(db, scope, request.params.id, {
        ...request.body,
        passphrase: () => officeKeyPassphrase(),
      });
    },
  );
  api.post(
    '/office/outgoing/:id/issue',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Phát hành văn bản đi đã cấp số cho các nơi nhận (Điều 18)',
        params: idParams,
        response: { 200: outgoingDetail },
      },
    },
    async (request) =>
      (await import('./issue-outgoing.ts')).issueOutgoing(
        db,
        requireScope(request),
        request.params.id,
      ),
  );

  api.get(
    '/office/settings',
    {
      schema: {
        tags,
        summary: 'Cài đặt văn thư của đơn vị mình',
        response: { 200: officeSettings },
      },
    },
    async (request) => (await import('./get-settings.ts')).getSettings(db, requireScope(request)),
  );
  api.put(
    '/office/settings',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Khai báo tên viết tắt của đơn vị và các phòng soạn thảo',
        body: settingsBody,
        response: { 200: officeSettings },
      },
    },
    async (request) =>
      (await import('./save-settings.ts')).saveSettings(db, requireScope(request), request.body),
  );
  api.post(
    '/office/settings/certificate',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Nhập chứng thư số và khoá của đơn vị từ tệp PKCS#12 (.p12/.pfx, base64)',
        body: certificateImportBody,
        response: { 200: officeSettings },
      },
    },
    async (request) => {
      const scope = requireScope(request);
      const { importCertificate } = await import('./import-certificate.ts');
      const { officeKeyPassphrase } = await import('./keys.ts');
      return importCertificate(db, scope, { ...request.body, passphrase: officeKeyPassphrase });
    },
  );
  api.get(
    '/office/settings/trusted-roots',
    {
      schema: {
        tags,
        summary: 'Chứng thư gốc tin cậy khi kiểm tra chữ ký số (ngoài CA của Sở)',
        response: { 200: trustedRootList },
      },
    },
    async (request) =>
      (await import('./signing/trusted-roots.ts')).listTrustedRoots(db, requireScope(request)),
  );
  api.post(
    '/office/settings/trusted-roots',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Thêm một chứng thư gốc tin cậy (PEM hoặc DER base64)',
        body: trustedRootBody,
        response: { 200: trustedRootList },
      },
    },
    async (request) =>
      (await import('./signing/trusted-roots.ts')).addTrustedRoot(
        db,
        requireScope(request),
        request.body,
      ),
  );
  api.post(
    '/office/settings/trusted-roots/:id/remove',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Bỏ một chứng thư gốc khỏi danh sách tin cậy',
        params: idParams,
        response: { 200: trustedRootList },
      },
    },
    async (request) =>
      (await import('./signing/trusted-roots.ts')).removeTrustedRoot(
        db,
        requireScope(request),
        request.params.id,
      ),
  );
  api.get(
    '/office/members',
    {
      schema: { tags, summary: 'Cán bộ của đơn vị (để giao xử lý)', response: { 200: memberList } },
    },
    async (request) => (await import('./list-members.ts')).listMembers(db, requireScope(request)),
  );

  // ---- Outgoing ----
  api.post(
    '/office/outgoing',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Cấp số và vào sổ văn bản đi (Điều 15 Nghị định 30/2020), gửi ngay cho nơi nhận',
        body: registerOutgoingBody,
        response: { 200: registeredOutgoing },
      },
    },
    async (request) =>
      (await import('./register-outgoing.ts')).registerOutgoing(
        db,
        requireScope(request),
        request.body,
      ),
  );
  api.get(
    '/office/outgoing',
    {
      schema: {
        tags,
        summary: 'Sổ văn bản đi của đơn vị',
        querystring: listQuery,
        response: { 200: outgoingPage },
      },
    },
    async (request) =>
      (await import('./list-outgoing.ts')).listOutgoing(db, requireScope(request), request.query),
  );
  api.get(
    '/office/outgoing/:id',
    {
      schema: {
        tags,
        summary: 'Một văn bản đi và tình trạng ở từng nơi nhận',
        params: idParams,
        response: { 200: outgoingDetail },
      },
    },
    async (request) =>
      (await import('./get-outgoing.ts')).getOutgoing(
        db,
        requireScope(request),
        request.params.id,
        {
          view: true,
        },
      ),
  );
  api.post(
    '/office/outgoing/:id/withdraw',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Thu hồi văn bản đi (Điều 18): giữ số, đánh dấu đã thu hồi',
        params: idParams,
        body: withdrawBody,
        response: { 200: outgoingDetail },
      },
    },
    async (request) =>
      (await import('./withdraw-outgoing.ts')).withdrawOutgoing(
        db,
        requireScope(request),
        request.params.id,
        request.body.reason,
      ),
  );
  api.post(
    '/office/outgoing/:id/sign',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Ký số tệp PDF của văn bản đi bằng chứng thư của đơn vị (PAdES)',
        params: idParams,
        response: { 200: outgoingDetail },
      },
    },
    async (request) => {
      const scope = requireScope(request);
      const { signOutgoing } = await import('./sign-outgoing.ts');
      const { officeKeyPassphrase } = await import('./keys.ts');
      return signOutgoing(db, scope, request.params.id, {
        upload: () => readPdf(request),
        passphrase: () => officeKeyPassphrase(),
      });
    },
  );
  // Signing with the signer's own tool (USB token, remote service): docs/office.md.
  api.post(
    '/office/outgoing/:id/sign/prepare',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Chuẩn bị ký bằng thiết bị ký số của người ký: PDF có chỗ chữ ký, trả mã băm vùng ký và mã chuẩn bị',
        params: idParams,
        response: { 200: signPrepared },
      },
    },
    async (request) =>
      (await import('./signing/external-signature.ts')).prepareExternalSignature(
        db,
        requireScope(request),
        request.params.id,
        { upload: () => readPdfAndCertificate(request) },
      ),
  );
  api.post(
    '/office/outgoing/:id/sign/complete',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Hoàn tất ký bằng thiết bị ký số: nhận chữ ký CMS (hoặc chữ ký thô và chứng thư), kiểm tra, gắn vào PDF và lưu',
        params: idParams,
        body: signCompleteBody,
        response: { 200: outgoingDetail },
      },
    },
    async (request) =>
      (await import('./signing/external-signature.ts')).completeExternalSignature(
        db,
        requireScope(request),
        request.params.id,
        request.body,
      ),
  );
  api.get(
    '/office/outgoing/:id/signed.pdf',
    {
      schema: {
        tags,
        summary: 'Tệp PDF đã ký số của văn bản đi',
        params: idParams,
        response: { 200: signedPdf },
      },
    },
    async (request, reply) => {
      const bytes = await (
        await import('./sign-outgoing.ts')
      ).signedFileOf(db, requireScope(request), request.params.id);
      return reply.type('application/pdf').send(bytes);
    },
  );

  for (const kind of ['outgoing', 'incoming'] as const)
    api.get(
      `/office/${kind}/register.xlsx`,
      {
        schema: {
          tags,
          summary:
            kind === 'outgoing'
              ? 'Sổ đăng ký văn bản đi của năm (xlsx)'
              : 'Sổ đăng ký văn bản đến của năm (xlsx)',
          querystring: registerQuery,
          response: { 200: registerFile },
        },
      },
      async (request, reply) => {
        const bytes = await (
          await import('./export-register.ts')
        ).exportRegister(db, requireScope(request), { kind, year: request.query.year });
        return reply
          .type(XLSX)
          .header(
            'content-disposition',
            contentDisposition(`so-van-ban-${kind === 'outgoing' ? 'di' : 'den'}.xlsx`),
          )
          .send(bytes);
      },
    );

  for (const kind of ['outgoing', 'incoming'] as const)
    api.get(
      `/office/${kind}/register.pdf`,
      {
        schema: {
          tags,
          summary:
            kind === 'outgoing'
              ? 'Sổ đăng ký văn bản đi của năm (PDF, A4 ngang)'
              : 'Sổ đăng ký văn bản đến của năm (PDF, A4 ngang)',
          querystring: registerQuery,
          response: { 200: registerPdf },
        },
      },
      async (request, reply) => {
        const bytes = await (
          await import('./register-pdf.ts')
        ).registerPdf(db, requireScope(request), { kind, year: request.query.year });
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            contentDisposition(`so-van-ban-${kind === 'outgoing' ? 'di' : 'den'}.pdf`),
          )
          .send(bytes);
      },
    );

  for (const kind of ['outgoing', 'incoming'] as const)
    api.get(
      `/office/${kind}/:id/access-log`,
      {
        ...signedIn,
        schema: {
          tags,
          summary:
            kind === 'outgoing'
              ? 'Nhật ký truy cập văn bản đi: ai mở, ai tải tệp, lúc nào (văn thư, lãnh đạo)'
              : 'Nhật ký truy cập văn bản đến: ai mở, ai tải tệp, lúc nào (văn thư, lãnh đạo)',
          params: idParams,
          response: { 200: accessLog },
        },
      },
      async (request) =>
        (await import('./access-log.ts')).documentAccessLog(
          db,
          requireScope(request),
          kind,
          request.params.id,
        ),
    );

  // ---- edXML interchange (issue #17 item 8) ----
  api.get(
    '/office/outgoing/:id/edxml',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Xuất văn bản đi thành gói tin edXML (liên thông văn bản, kèm các tệp)',
        params: idParams,
        response: { 200: edxmlFile },
      },
    },
    async (request, reply) => {
      const { xml, fileName } = await (
        await import('./edxml-exchange.ts')
      ).exportOutgoingEdxml(db, requireScope(request), files, request.params.id);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', contentDisposition(fileName))
        .send(xml);
    },
  );
  api.post(
    '/office/incoming/edxml',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Vào sổ văn bản đến từ một gói tin edXML (multipart, trường "file")',
        response: { 200: importedIncoming },
      },
    },
    async (request) => {
      const scope = requireScope(request);
      const { importIncomingEdxml, MAX_EDXML_BYTES } = await import('./edxml-exchange.ts');
      // The access check first: a caller who may not register sends nothing in.
      scope.require('office.register');
      if (!request.isMultipart())
        throw badRequest('Hãy gửi gói tin edXML dạng multipart/form-data, trường "file".');
      const part = await request.file({ limits: { fileSize: MAX_EDXML_BYTES } });
      if (!part) throw badRequest('Chưa chọn tệp gói tin edXML (trường "file").');
      const xml = await part.toBuffer();
      return importIncomingEdxml(db, scope, files, { xml });
    },
  );

  // ---- Incoming ----
  api.post(
    '/office/incoming',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Vào sổ văn bản đến nhận bản giấy hoặc thư điện tử (Điều 22)',
        body: registerIncomingBody,
        response: { 200: registeredIncoming },
      },
    },
    async (request) =>
      (await import('./register-incoming.ts')).registerIncoming(
        db,
        requireScope(request),
        request.body,
      ),
  );
  api.get(
    '/office/incoming',
    {
      schema: {
        tags,
        summary: 'Sổ văn bản đến của đơn vị',
        querystring: listQuery,
        response: { 200: incomingPage },
      },
    },
    async (request) =>
      (await import('./list-incoming.ts')).listIncoming(db, requireScope(request), request.query),
  );
  api.get(
    '/office/incoming/:id',
    {
      schema: {
        tags,
        summary: 'Một văn bản đến và ý kiến chỉ đạo xử lý',
        params: idParams,
        response: { 200: incomingDetail },
      },
    },
    async (request) =>
      (await import('./get-incoming.ts')).getIncoming(
        db,
        requireScope(request),
        request.params.id,
        {
          view: true,
        },
      ),
  );
  api.post(
    '/office/incoming/:id/assign',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Giao xử lý văn bản đến: chủ trì, phối hợp, hạn xử lý (Điều 23)',
        params: idParams,
        body: assignBody,
        response: { 200: incomingDetail },
      },
    },
    async (request) =>
      (await import('./assign-incoming.ts')).assignIncoming(
        db,
        requireScope(request),
        request.params.id,
        request.body,
      ),
  );

  // ---- Assignments ----
  api.get(
    '/office/assignments',
    {
      schema: {
        tags,
        summary: 'Việc được giao: của tôi hoặc cả đơn vị; quá hạn, sắp đến hạn',
        querystring: assignmentQuery,
        response: { 200: assignmentList },
      },
    },
    async (request) =>
      (await import('./list-assignments.ts')).listAssignments(
        db,
        requireScope(request),
        request.query,
      ),
  );
  api.post(
    '/office/assignments/:id/report',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Báo cáo tiến độ hoặc kết quả xử lý',
        params: idParams,
        body: reportBody,
        response: { 200: assignmentRow },
      },
    },
    async (request) =>
      (await import('./report-assignment.ts')).reportAssignment(
        db,
        requireScope(request),
        request.params.id,
        request.body,
      ),
  );
  api.get(
    '/office/assignments/stats',
    {
      schema: {
        tags,
        summary: 'Thống kê xử lý đúng hạn theo đơn vị và tháng (đơn vị mình và trực thuộc)',
        querystring: statsQuery,
        response: { 200: assignmentStats },
      },
    },
    async (request) =>
      (await import('./assignment-stats.ts')).assignmentStats(db, requireScope(request), {
        year: request.query.year,
      }),
  );
  api.get(
    '/office/notices',
    { schema: { tags, summary: 'Nhắc hạn xử lý gửi cho tôi', response: { 200: noticeList } } },
    async (request) => (await import('./list-notices.ts')).listNotices(db, requireScope(request)),
  );

  // ---- Work calendar ----
  api.get(
    '/office/calendar',
    {
      schema: {
        tags,
        summary: 'Lịch công tác tuần của lãnh đạo đơn vị',
        querystring: weekQuery,
        response: { 200: calendarWeek },
      },
    },
    async (request) =>
      (await import('./get-week.ts')).getWeek(db, requireScope(request), request.query.week),
  );
  api.post(
    '/office/calendar',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Thêm một mục lịch công tác',
        body: calendarEntryBody,
        response: { 200: calendarWeek },
      },
    },
    async (request) =>
      (await import('./save-calendar-entry.ts')).saveCalendarEntry(
        db,
        requireScope(request),
        request.body,
      ),
  );
  api.put(
    '/office/calendar/:id',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Sửa một mục lịch công tác (đánh dấu nếu tuần đã công bố)',
        params: idParams,
        body: calendarEntryBody,
        response: { 200: calendarWeek },
      },
    },
    async (request) =>
      (await import('./save-calendar-entry.ts')).saveCalendarEntry(
        db,
        requireScope(request),
        request.body,
        request.params.id,
      ),
  );
  api.delete(
    '/office/calendar/:id',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Xoá một mục lịch công tác',
        params: idParams,
        response: { 200: calendarWeek },
      },
    },
    async (request) =>
      (await import('./delete-calendar-entry.ts')).deleteCalendarEntry(
        db,
        requireScope(request),
        request.params.id,
      ),
  );
  api.post(
    '/office/calendar/publish',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Công bố lịch công tác tuần trên trang công khai',
        body: publishBody,
        response: { 200: calendarWeek },
      },
    },
    async (request) =>
      (await import('./publish-week.ts')).publishWeek(db, requireScope(request), request.body.week),
  );
  api.get(
    '/public/office/calendar/:code',
    {
      schema: {
        tags,
        summary: 'Lịch công tác đã công bố của một đơn vị (công khai)',
        params: publicCalendarParams,
        querystring: weekQuery,
        response: { 200: calendarWeek },
      },
    },
    async (request) =>
      (await import('./public-calendar.ts')).publicCalendar(
        db,
        request.params.code,
        request.query.week,
      ),
  );
}
