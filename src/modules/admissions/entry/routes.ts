import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer, noContent } from '../../../core/contract.ts';
import { badRequest } from '../../../core/errors.ts';
import { receiveUpload } from '../../../core/files/upload.ts';
import { RateLimiter } from '../../../core/http/rate-limit.ts';
import { lookupThrottle } from '../lookup-throttle.ts';
import { requireScope } from '../../../core/http/context.ts';
import type { ModuleServices } from '../../../core/module.ts';
import { UnreadableWorkbookError } from '../../../lib/xlsx.ts';
import { answerCandidateSignIn } from '../candidate-cookie.ts';
import { CANDIDATE_COOKIE, requireCandidate } from '../candidate-session.ts';
import {
  birthYearExceptionBody,
  campaignSummary,
  candidateEligibility,
  entryRulesEditBody,
  entryRulesHistory,
  lookupAnswer,
  publicParams,
  signInAnswer,
  submittedAnswer,
} from '../contract.ts';
import { EVIDENCE } from '../priority-claims.ts';
import {
  admittedEvidenceFileParams,
  admittedEvidenceParams,
  entryEvidenceAnswer,
  entryEvidenceFile,
  evidenceFileParams,
  documentsCheckAnswer,
  documentsCheckBody,
  entryApplicationAnswer,
  entryApplicationBody,
  entryAreaList,
  entryCountsAnswer,
  entryLookupQuery,
  personalIdSignInBody,
  unservedList,
  unservedQuery,
  catchmentArea,
  catchmentAreaList,
  catchmentEditBody,
  catchmentImportQuery,
  catchmentImportResult,
  communeParams,
  entrySchoolsQuery,
  entryUnitList,
  seatBody,
  seatList,
  seatParams,
  seatRow,
  seatsQuery,
} from './contract.ts';
import { listSeats, saveSeats } from './seats.ts';
import {
  editEntryRules,
  entryRulesHistory as rulesHistory,
  publicEntryRulesHistory,
} from './edit-rules.ts';
import { listEntryCommunes, listEntrySchools } from './units.ts';
import { editCatchment } from './edit-catchment.ts';
import { importCatchments } from './import-catchments.ts';
import { listCatchments } from './list-catchments.ts';
import { checkDocuments, lookupEntryResult } from './documents.ts';
import { recordBirthYearException } from './eligibility.ts';
import {
  addEntryEvidence,
  admittedEvidence,
  checkEvidenceUpload,
  myEntryEvidence,
  openAdmittedEvidence,
  openMyEntryEvidence,
  removeEntryEvidence,
} from './evidence.ts';
import { entryReceipt } from './receipt.ts';
import { listUnservedResidences } from './list-unserved.ts';
import { entryAreas, entryCounts } from './public-entry.ts';
import { signInByPersonalId } from './sign-in.ts';
import { getEntryApplication, submitEntryApplication } from './submit-entry.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';

const tags = ['Tuyển sinh đầu cấp'];
const publicTags = ['Tuyển sinh đầu cấp (công khai)'];
const candidateCodeParams = z.object({ id: z.string().max(64), code: z.string().max(32) });
const campaignParams = z.object({ id: z.string().max(64) });

export function registerEntryRoutes(app: FastifyInstance, services: ModuleServices): void {
  const { db } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Staff routes refuse an anonymous caller before reading the body (401, not a 400).
  const signedIn = {
    onRequest: (request: FastifyRequest, _reply: unknown, done: () => void) => {
      requireScope(request);
      done();
    },
  };
  const candidate = (request: FastifyRequest<{ Params: { campaign: string } }>, write: boolean) =>
    requireCandidate(db, {
      campaignId: request.params.campaign,
      token: request.cookies[CANDIDATE_COOKIE],
      csrf: request.headers['x-csrf-token'] as string | undefined,
      candidateCsrf: request.headers['x-candidate-csrf'] as string | undefined,
      staff: request.session && !request.session.mustChangePassword ? requireScope(request) : null,
      write,
      ip: request.ip,
    });
  const lookups = new RateLimiter(services.lookupsPerMinute ?? 20);
  api.post(
    '/admissions/catchments/import',
    {
      schema: {
        tags,
        summary: 'Nhập tuyến tuyển sinh lớp 1, lớp 6 từ tệp Excel (tất cả hoặc không gì cả)',
        querystring: catchmentImportQuery,
        response: { 200: catchmentImportResult, 422: catchmentImportResult },
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      // Checked again by the use case; here so that no upload is read for someone who may not import.
      scope.require('admissions.catchments');
      const file = await request.file();
      if (!file) throw badRequest('Chưa chọn tệp Excel tuyến tuyển sinh để nhập.');
      try {
        const result = await importCatchments(db, scope, {
          file: await file.toBuffer(),
          dryRun: request.query.dryRun === '1',
        });
        return reply.status(result.errors.length ? 422 : 200).send(result);
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) throw badRequest(error.message);
        throw error;
      }
    },
  );
  api.get(
    '/admissions/catchments/:communeId',
    {
      schema: {
        tags,
        summary: 'Các khu dân cư của một xã/phường và trường tuyển sinh của từng khu',
        params: communeParams,
        response: { 200: catchmentAreaList },
      },
    },
    (request) => listCatchments(db, requireScope(request), request.params.communeId),
  );

  api.patch(
    '/admissions/catchments/:communeId/areas',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Sửa tuyến tuyển sinh trên web: thêm hoặc bỏ một trường của một khu dân cư (có ghi nhật ký)',
        params: communeParams,
        body: catchmentEditBody,
        response: { 200: catchmentArea },
      },
    },
    (request) => editCatchment(db, requireScope(request), request.params.communeId, request.body),
  );

  api.get(
    '/admissions/communes',
    {
      schema: {
        tags,
        summary:
          'Mọi xã/phường trong phạm vi của người dùng (chọn xã/phường ở trang tuyến tuyển sinh)',
        response: { 200: entryUnitList },
      },
    },
    (request) => listEntryCommunes(db, requireScope(request)),
  );
  api.get(
    '/admissions/entry-schools',
    {
      schema: {
        tags,
        summary:
          'Các trường tiểu học (lớp 1) hoặc THCS (lớp 6) trong phạm vi, để chọn trường tham gia',
        querystring: entrySchoolsQuery,
        response: { 200: entryUnitList },
      },
    },
    (request) =>
      listEntrySchools(
        db,
        requireScope(request),
        request.query.grade === '1' ? 1 : 6,
        request.query.communeId,
      ),
  );

  // ---- Entry-grade campaigns (grade 1, grade 6; issue #15) ----

  api.get(
    '/admissions/campaigns/:id/seats',
    {
      schema: {
        tags,
        summary:
          'Số lớp và chỉ tiêu lớp đầu cấp của từng trường của một xã/phường trong kỳ tuyển sinh',
        params: campaignParams,
        querystring: seatsQuery,
        response: { 200: seatList },
      },
    },
    (request) => listSeats(db, requireScope(request), request.params.id, request.query.communeId),
  );
  api.put(
    '/admissions/campaigns/:id/seats/:schoolId',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Sửa số lớp và chỉ tiêu lớp đầu cấp của một trường (kiểm tra phiên bản; có ghi nhật ký)',
        params: seatParams,
        body: seatBody,
        response: { 200: seatRow },
      },
    },
    (request) =>
      saveSeats(
        db,
        requireScope(request),
        request.params.id,
        request.params.schoolId,
        request.body,
      ),
  );

  api.put(
    '/admissions/campaigns/:id/entry-rules',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Sửa quy tắc tuyển sinh đầu cấp (thứ tự ưu tiên, số gốc bốc thăm, điều tiết, giấy tờ): tự do trước khi mở đăng ký, cần lý do sau đó, không sửa sau khi xét tuyển',
        params: campaignParams,
        body: entryRulesEditBody,
        response: { 200: campaignSummary },
      },
    },
    (request) => editEntryRules(db, requireScope(request), request.params.id, request.body),
  );
  api.get(
    '/admissions/campaigns/:id/entry-rules/history',
    {
      schema: {
        tags,
        summary: 'Lịch sử thay đổi quy tắc tuyển sinh đầu cấp (ai, khi nào, trước/sau, lý do)',
        params: campaignParams,
        response: { 200: entryRulesHistory },
      },
    },
    (request) => rulesHistory(db, requireScope(request), request.params.id),
  );

  api.put(
    '/admissions/campaigns/:id/candidates/:code/birth-year-exception',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Trường ghi lý do ngoại lệ năm sinh của trẻ vào lớp 1 (hoặc xoá, với null)',
        params: candidateCodeParams,
        body: birthYearExceptionBody,
        response: { 200: candidateEligibility },
      },
    },
    (request) =>
      recordBirthYearException(
        db,
        requireScope(request),
        request.params.id,
        request.params.code,
        request.body.reason,
      ),
  );
  api.get(
    '/admissions/campaigns/:id/unserved',
    {
      schema: {
        tags,
        summary: 'Trẻ đăng ký với nơi cư trú chưa có trường nào tuyển (báo cho xã/phường)',
        params: campaignParams,
        querystring: unservedQuery,
        response: { 200: unservedList },
      },
    },
    (request) =>
      listUnservedResidences(db, requireScope(request), request.params.id, request.query.communeId),
  );
  api.post(
    '/admissions/campaigns/:id/admitted/:code/documents',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Trường xác nhận đã kiểm tra hồ sơ của trẻ trúng tuyển',
        params: candidateCodeParams,
        body: documentsCheckBody,
        response: { 200: documentsCheckAnswer },
      },
    },
    (request) =>
      checkDocuments(
        db,
        requireScope(request),
        request.params.id,
        request.params.code,
        request.body.checked,
      ),
  );

  api.post(
    '/public/admissions/:campaign/sign-in/personal-id',
    {
      schema: {
        tags: publicTags,
        summary: 'Đăng nhập bằng mã định danh cá nhân và ngày sinh của trẻ',
        params: publicParams,
        body: personalIdSignInBody,
        response: { 200: signInAnswer },
      },
    },
    async (request, reply) =>
      answerCandidateSignIn(
        reply,
        signInByPersonalId(db, {
          campaignId: request.params.campaign,
          ...request.body,
          ip: request.ip,
        }),
        services.secureCookies,
      ),
  );
  api.get(
    '/public/admissions/:campaign/entry-application',
    {
      schema: {
        tags: publicTags,
        summary: 'Hồ sơ đăng ký của trẻ đang có hiệu lực và mọi phiên bản trước',
        params: publicParams,
        response: { 200: entryApplicationAnswer },
      },
    },
    async (request) => getEntryApplication(db, await candidate(request, false)),
  );
  api.put(
    '/public/admissions/:campaign/entry-application',
    {
      schema: {
        tags: publicTags,
        summary: 'Đăng ký hoặc thay đổi hồ sơ: nơi cư trú và trường chọn (phiên bản mới)',
        params: publicParams,
        body: entryApplicationBody,
        response: { 200: submittedAnswer },
      },
    },
    async (request) => {
      const receivedAt = new Date();
      return submitEntryApplication(db, await candidate(request, true), {
        ...request.body,
        receivedAt,
      });
    },
  );
  api.get(
    '/public/admissions/:campaign/entry-counts',
    {
      schema: {
        tags: publicTags,
        summary: 'Số chỉ tiêu và số hồ sơ trong tuyến, ngoài tuyến của từng trường (trực tiếp)',
        params: publicParams,
        response: { 200: entryCountsAnswer },
      },
    },
    // From the read-only standby when there is one (DATABASE_READ_URL), as grade 10's counts.
    (request) => entryCounts(services.readDb, request.params.campaign),
  );
  api.get(
    '/public/admissions/:campaign/entry-rules/history',
    {
      schema: {
        tags: publicTags,
        summary: 'Các thay đổi quy tắc tuyển sinh sau khi mở đăng ký (khi nào, trước/sau, lý do)',
        params: publicParams,
        response: { 200: entryRulesHistory },
      },
    },
    (request) => publicEntryRulesHistory(db, request.params.campaign),
  );
  api.get(
    '/public/admissions/:campaign/areas',
    {
      schema: {
        tags: publicTags,
        summary: 'Các khu dân cư của kỳ tuyển sinh và trường tuyển sinh của từng khu',
        params: publicParams,
        response: { 200: entryAreaList },
      },
    },
    (request) => entryAreas(db, request.params.campaign),
  );
  api.get(
    '/public/admissions/:campaign/entry-lookup',
    {
      schema: {
        tags: publicTags,
        summary: 'Tra cứu kết quả theo mã định danh cá nhân và ngày sinh của trẻ',
        params: publicParams,
        querystring: entryLookupQuery,
        response: { 200: lookupAnswer },
      },
      onRequest: lookupThrottle(lookups),
    },
    (request) =>
      lookupEntryResult(services.readDb, { campaignId: request.params.campaign, ...request.query }),
  );

  // ---- Evidence uploads and the receipt (entry/evidence.ts, entry/receipt.ts) ----

  api.post(
    '/public/admissions/:campaign/entry-evidence',
    {
      schema: {
        tags: publicTags,
        summary:
          'Tải lên giấy tờ minh chứng của hồ sơ (multipart: kind, rồi file; PDF, PNG, JPEG tối đa 10 MB)',
        params: publicParams,
        consumes: ['multipart/form-data'],
        response: { 201: entryEvidenceFile },
      },
    },
    async (request, reply) => {
      // The child (and the CSRF token), the window and the application first: nothing is
      // streamed into the store for a request that would be refused anyway.
      const me = await candidate(request, true);
      await checkEvidenceUpload(db, me);
      const file = await receiveUpload(request, services.files, EVIDENCE);
      return reply
        .status(201)
        .send(await addEntryEvidence(db, me, { kind: file.fields.kind, file }));
    },
  );
  api.get(
    '/public/admissions/:campaign/entry-evidence',
    {
      schema: {
        tags: publicTags,
        summary: 'Giấy tờ kỳ tuyển sinh yêu cầu và các tệp gia đình đã tải lên',
        params: publicParams,
        response: { 200: entryEvidenceAnswer },
      },
    },
    async (request) => myEntryEvidence(db, await candidate(request, false)),
  );
  api.get(
    '/public/admissions/:campaign/entry-evidence/:fileId',
    {
      schema: {
        tags: publicTags,
        summary: 'Một tệp minh chứng của chính hồ sơ này',
        params: evidenceFileParams,
        response: { 200: fileAnswer('application/pdf, image/png, image/jpeg', 'Tệp minh chứng') },
      },
    },
    async (request, reply) => {
      const me = await candidate(request, false);
      const file = await openMyEntryEvidence(db, me, services.files, request.params.fileId);
      return reply
        .type(file.type)
        .header('content-disposition', contentDisposition(file.name, 'inline'))
        .send(file.stream);
    },
  );
  api.delete(
    '/public/admissions/:campaign/entry-evidence/:fileId',
    {
      schema: {
        tags: publicTags,
        summary: 'Xoá một tệp minh chứng (trước hạn đăng ký)',
        params: evidenceFileParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await removeEntryEvidence(db, await candidate(request, true), request.params.fileId);
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/public/admissions/:campaign/entry-receipt',
    {
      schema: {
        tags: publicTags,
        summary: 'Phiếu đăng ký tuyển sinh (PDF) của phiên bản hồ sơ đang có hiệu lực',
        params: publicParams,
        response: { 200: fileAnswer('application/pdf', 'Phiếu đăng ký tuyển sinh') },
      },
    },
    async (request, reply) => {
      const receipt = await entryReceipt(db, await candidate(request, false));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(receipt.fileName))
        .send(receipt.pdf);
    },
  );
  api.get(
    '/admissions/campaigns/:id/admitted/:code/evidence',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Giấy tờ minh chứng của trẻ trúng tuyển vào trường mình (kiểm tra hồ sơ)',
        params: admittedEvidenceParams,
        response: { 200: entryEvidenceAnswer },
      },
    },
    (request) =>
      admittedEvidence(db, requireScope(request), request.params.id, request.params.code),
  );
  api.get(
    '/admissions/campaigns/:id/admitted/:code/evidence/:fileId',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Một tệp minh chứng của trẻ trúng tuyển vào trường mình',
        params: admittedEvidenceFileParams,
        response: { 200: fileAnswer('application/pdf, image/png, image/jpeg', 'Tệp minh chứng') },
      },
    },
    async (request, reply) => {
      const file = await openAdmittedEvidence(
        db,
        requireScope(request),
        services.files,
        request.params.id,
        request.params.code,
        request.params.fileId,
      );
      return reply
        .type(file.type)
        .header('content-disposition', contentDisposition(file.name, 'inline'))
        .send(file.stream);
    },
  );
}
