import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer } from '../../core/contract.ts';
import { requireScope } from '../../core/http/context.ts';
import { RateLimiter } from '../../core/http/rate-limit.ts';
import { lookupThrottle } from './lookup-throttle.ts';
import type { ModuleServices } from '../../core/module.ts';
import {
  admittedList,
  allocationSummary,
  applicationAnswer,
  campaignDetail,
  campaignList,
  campaignParams,
  campaignSummary,
  candidateList,
  candidatesQuery,
  confirmBody,
  publishSpecialisedBody,
  specialisedAnswer,
  countsAnswer,
  checkClaimBody,
  claimParams,
  createCampaignBody,
  freeCandidateBody,
  priorityClaim,
  priorityClaimList,
  slip,
  directBody,
  updateCampaignBody,
  zonesBody,
  importSummary,
  issueAnswer,
  lookupAnswer,
  lookupQuery,
  programsBody,
  publicCampaign,
  publicCampaignList,
  publicParams,
  putApplicationBody,
  resultAnswer,
  scoresBody,
  signInAnswer,
  signInBody,
  submittedAnswer,
  topUpAnswer,
  handOverAnswer,
  handOverPreview,
  withdrawBody,
} from './contract.ts';
import { answerCandidateSignIn } from './candidate-cookie.ts';
import { CANDIDATE_COOKIE } from './candidate-session.ts';

const STAFF_TAGS = ['Tuyển sinh lớp 10'];
const PUBLIC_TAGS = ['Tuyển sinh lớp 10 (công khai)'];

import { allocateCampaign } from './allocate-campaign.ts';
import { publishSpecialised, respondSpecialised, specialisedResult } from './specialised-stage.ts';
import { candidateResult } from './candidate-result.ts';
import { candidateSignIn, requireCandidate } from './candidate-session.ts';
import { createCampaign } from './create-campaign.ts';
import { getApplication } from './get-application.ts';
import { getCampaign } from './get-campaign.ts';
import { importPrograms } from './import-programs.ts';
import { receiveUpload } from '../../core/files/upload.ts';
import { PassThrough } from 'node:stream';
import { addFreeCandidate } from './add-free-candidate.ts';
import { exportAdmitted, exportCandidates } from './export-lists.ts';
import { applicationReceipt } from './receipt.ts';
import { importDirect } from './import-direct.ts';
import {
  checkPriorityClaim,
  EVIDENCE,
  listPriorityClaims,
  myPriorityClaim,
  priorityEvidence,
  submitPriorityClaim,
} from './priority-claims.ts';
import { importScores } from './import-scores.ts';
import { importZones } from './import-zones.ts';
import { updateCampaign } from './update-campaign.ts';
import { issueCandidates } from './issue-candidates.ts';
import { listAdmitted } from './list-admitted.ts';
import { listCandidates } from './list-candidates.ts';
import { listCampaigns, listPublicCampaigns } from './list-campaigns.ts';
import { lookupResult } from './lookup-result.ts';
import { publicCountsText } from './public-counts.ts';
import { publishResults } from './publish-results.ts';
import { respondOffer } from './respond-offer.ts';
import { submitApplication } from './submit-application.ts';
import { submitOnBehalf } from './submit-on-behalf.ts';
import { topUp } from './top-up.ts';
import { handOverToRegistry, previewHandOver } from './hand-over.ts';
import { confirmationDeadlineJob } from './jobs.ts';
import { publicCampaignRow, toPublic } from './access.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';

const candidateCodeParams = z.object({ id: z.string().max(64), code: z.string().max(32) });

export function registerAdmissionsRoutes(
  instance: FastifyInstance,
  services: ModuleServices,
): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = services;
  // Staff routes refuse an anonymous caller before reading the body (401, not a 400).
  const signedIn = {
    onRequest: (request: FastifyRequest, _reply: unknown, done: () => void) => {
      requireScope(request);
      done();
    },
  };

  // ---- Department and schools (signed in) ----
  api.get(
    '/admissions/campaigns',
    {
      ...signedIn,
      schema: {
        summary: 'Các kỳ tuyển sinh lớp 10',
        tags: STAFF_TAGS,
        response: { 200: campaignList },
      },
    },
    (request) => listCampaigns(db, requireScope(request)),
  );
  api.post(
    '/admissions/campaigns',
    {
      ...signedIn,
      schema: {
        summary: 'Tạo kỳ tuyển sinh (quy định, lịch)',
        tags: STAFF_TAGS,
        body: createCampaignBody.extend({ orgUnitId: z.string().max(64).optional() }),
        response: { 201: campaignSummary },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCampaign(db, requireScope(request), request.body)),
  );
  api.get(
    '/admissions/campaigns/:id',
    {
      ...signedIn,
      schema: {
        summary: 'Kỳ tuyển sinh: chương trình, chỉ tiêu, số liệu',
        tags: STAFF_TAGS,
        params: campaignParams,
        response: { 200: campaignDetail },
      },
    },
    (request) => getCampaign(db, requireScope(request), request.params.id),
  );
  api.patch(
    '/admissions/campaigns/:id',
    {
      ...signedIn,
      schema: {
        summary: 'Sửa kỳ tuyển sinh (quy định không sửa được sau khi mở đăng ký: 409)',
        tags: STAFF_TAGS,
        params: campaignParams,
        body: updateCampaignBody,
        response: { 200: campaignSummary },
      },
    },
    (request) => updateCampaign(db, requireScope(request), request.params.id, request.body),
  );
  api.put(
    '/admissions/campaigns/:id/zones',
    {
      ...signedIn,
      schema: {
        summary: 'Nhập khu vực tuyển sinh của thí sinh (không ghi gì nếu có dòng lỗi)',
        tags: STAFF_TAGS,
        params: campaignParams,
        body: zonesBody,
        response: { 200: importSummary },
      },
    },
    (request) => importZones(db, requireScope(request), request.params.id, request.body),
  );
  api.put(
    '/admissions/campaigns/:id/direct',
    {
      ...signedIn,
      schema: {
        summary: 'Danh sách tuyển thẳng (thay cả danh sách; không ghi gì nếu có dòng lỗi)',
        tags: STAFF_TAGS,
        params: campaignParams,
        body: directBody,
        response: { 200: importSummary },
      },
    },
    (request) => importDirect(db, requireScope(request), request.params.id, request.body),
  );
  api.post(
    '/admissions/campaigns/:id/candidates/free',
    {
      ...signedIn,
      schema: {
        summary: 'Trường THCS ghi nhận thí sinh tự do (không có trong CSDL học sinh)',
        tags: STAFF_TAGS,
        params: campaignParams,
        body: freeCandidateBody,
        response: { 201: slip },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addFreeCandidate(db, requireScope(request), request.params.id, request.body)),
  );
  api.get(
    '/admissions/campaigns/:id/priority-claims',
    {
      ...signedIn,
      schema: {
        summary: 'Minh chứng ưu tiên, khuyến khích của thí sinh các trường mình',
        tags: STAFF_TAGS,
        params: campaignParams,
        response: { 200: priorityClaimList },
      },
    },
    (request) => listPriorityClaims(db, requireScope(request), request.params.id),
  );
  api.get(
    '/admissions/campaigns/:id/priority-claims/:code/evidence',
    {
      ...signedIn,
      schema: {
        summary: 'Tệp minh chứng ưu tiên',
        tags: STAFF_TAGS,
        params: claimParams,
        response: { 200: fileAnswer('application/pdf, image/png, image/jpeg', 'Tệp minh chứng') },
      },
    },
    async (request, reply) => {
      const file = await priorityEvidence(
        db,
        requireScope(request),
        services.files,
        request.params.id,
        request.params.code,
      );
      return reply
        .type(file.type)
        .header('content-disposition', contentDisposition(file.name, 'inline'))
        .send(file.stream);
    },
  );
  api.post(
    '/admissions/campaigns/:id/priority-claims/:code/check',
    {
      ...signedIn,
      schema: {
        summary: 'Trường xác nhận hoặc không chấp nhận minh chứng ưu tiên',
        tags: STAFF_TAGS,
        params: claimParams,
        body: checkClaimBody,
        response: { 200: priorityClaim },
      },
    },
    (request) =>
      checkPriorityClaim(
        db,
        requireScope(request),
        request.params.id,
        request.params.code,
        request.body,
      ),
  );
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  for (const [path, summary, name, write] of [
    [
      '/admissions/campaigns/:id/admitted.xlsx',
      'Danh sách trúng tuyển (xlsx) của các trường mình',
      'trung-tuyen.xlsx',
      exportAdmitted,
    ],
    [
      '/admissions/campaigns/:id/candidates.xlsx',
      'Danh sách thí sinh của các trường mình, đã/chưa đăng ký (xlsx)',
      'thi-sinh.xlsx',
      exportCandidates,
    ],
  ] as const)
    api.get(
      path,
      {
        ...signedIn,
        schema: {
          summary,
          tags: STAFF_TAGS,
          params: campaignParams,
          response: { 200: fileAnswer(XLSX, summary) },
        },
      },
      async (request, reply) => {
        const stream = new PassThrough();
        const { written } = await write(db, requireScope(request), request.params.id, stream);
        void written.catch((error: unknown) => stream.destroy(error as Error));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', contentDisposition(name))
          .send(stream);
      },
    );
  api.put(
    '/admissions/campaigns/:id/programs',
    {
      ...signedIn,
      schema: {
        summary: 'Nhập chương trình và chỉ tiêu (không ghi gì nếu có dòng lỗi)',
        tags: STAFF_TAGS,
        params: campaignParams,
        body: programsBody,
        response: { 200: importSummary },
      },
    },
    (request) => importPrograms(db, requireScope(request), request.params.id, request.body),
  );
  api.put(
    '/admissions/campaigns/:id/scores',
    {
      ...signedIn,
      schema: {
        summary: 'Nhập điểm xét tuyển (không ghi gì nếu có dòng lỗi)',
        tags: STAFF_TAGS,
        params: campaignParams,
        body: scoresBody,
        response: { 200: importSummary },
      },
    },
    (request) => importScores(db, requireScope(request), request.params.id, request.body),
  );
  api.post(
    '/admissions/campaigns/:id/candidates/issue',
    {
      ...signedIn,
      schema: {
        summary: 'Cấp phiếu dự tuyển (mã và PIN) cho học sinh lớp 9',
        tags: STAFF_TAGS,
        params: campaignParams,
        response: { 200: issueAnswer },
      },
    },
    (request) => issueCandidates(db, requireScope(request), request.params.id),
  );
  api.get(
    '/admissions/campaigns/:id/candidates',
    {
      ...signedIn,
      schema: {
        summary: 'Thí sinh của các trường mình, đã/chưa đăng ký',
        tags: STAFF_TAGS,
        params: campaignParams,
        querystring: candidatesQuery,
        response: { 200: candidateList },
      },
    },
    (request) => listCandidates(db, requireScope(request), request.params.id, request.query),
  );
  api.put(
    '/admissions/campaigns/:id/candidates/:code/application',
    {
      ...signedIn,
      schema: {
        summary: 'Nhà trường đăng ký nguyện vọng thay cho gia đình (được ghi lại)',
        tags: STAFF_TAGS,
        params: candidateCodeParams,
        body: putApplicationBody,
        response: { 200: submittedAnswer },
      },
    },
    (request) =>
      submitOnBehalf(db, requireScope(request), {
        campaignId: request.params.id,
        code: request.params.code,
        ...request.body,
        receivedAt: new Date(),
      }),
  );
  api.post(
    '/admissions/campaigns/:id/allocate',
    {
      ...signedIn,
      schema: {
        summary: 'Xét tuyển (bản nháp đến khi công bố)',
        tags: STAFF_TAGS,
        params: campaignParams,
        response: { 200: allocationSummary },
      },
    },
    (request) => allocateCampaign(db, requireScope(request), request.params.id),
  );
  api.post(
    '/admissions/campaigns/:id/specialised/allocate',
    {
      ...signedIn,
      schema: {
        summary: 'Xét tuyển vòng chuyên, tích hợp (trước vòng thường)',
        tags: STAFF_TAGS,
        params: campaignParams,
        response: { 200: allocationSummary },
      },
    },
    (request) =>
      allocateCampaign(db, requireScope(request), request.params.id, { stage: 'specialised' }),
  );
  api.post(
    '/admissions/campaigns/:id/specialised/publish',
    {
      ...signedIn,
      schema: {
        summary: 'Công bố kết quả vòng chuyên, tích hợp, với hạn xác nhận',
        tags: STAFF_TAGS,
        params: campaignParams,
        body: publishSpecialisedBody,
        response: { 200: campaignSummary },
      },
    },
    (request) => publishSpecialised(db, requireScope(request), request.params.id, request.body),
  );
  api.post(
    '/admissions/campaigns/:id/publish',
    {
      ...signedIn,
      schema: {
        summary: 'Công bố kết quả và điểm chuẩn',
        tags: STAFF_TAGS,
        params: campaignParams,
        response: { 200: campaignSummary },
      },
    },
    async (request) => {
      const published = await publishResults(db, requireScope(request), request.params.id);
      // Unanswered offers lapse at the deadline: a durable job due then.
      if (published.confirmBy && services.jobs)
        await services.jobs.enqueue(
          confirmationDeadlineJob,
          { campaignId: published.id },
          { runAt: new Date(published.confirmBy), singletonKey: published.id },
        );
      return published;
    },
  );
  api.post(
    '/admissions/campaigns/:id/top-up',
    {
      ...signedIn,
      schema: {
        summary: 'Tuyển bổ sung vào chỗ còn trống',
        tags: STAFF_TAGS,
        params: campaignParams,
        response: { 200: topUpAnswer },
      },
    },
    (request) => topUp(db, requireScope(request), request.params.id),
  );
  api.get(
    '/admissions/campaigns/:id/hand-over',
    {
      ...signedIn,
      schema: {
        summary: 'Số học sinh trúng tuyển đã xác nhận sẽ chuyển sang cơ sở dữ liệu ngành',
        tags: STAFF_TAGS,
        params: campaignParams,
        response: { 200: handOverPreview },
      },
    },
    (request) => previewHandOver(db, requireScope(request), request.params.id),
  );
  api.post(
    '/admissions/campaigns/:id/hand-over',
    {
      ...signedIn,
      schema: {
        summary:
          'Chuyển học sinh trúng tuyển đã xác nhận sang cơ sở dữ liệu ngành (học sinh chờ xếp lớp của trường)',
        tags: STAFF_TAGS,
        params: campaignParams,
        response: { 200: handOverAnswer },
      },
    },
    (request) => handOverToRegistry(db, requireScope(request), request.params.id),
  );
  api.get(
    '/admissions/campaigns/:id/admitted',
    {
      ...signedIn,
      schema: {
        summary: 'Danh sách trúng tuyển của các trường mình, ai đã xác nhận',
        tags: STAFF_TAGS,
        params: campaignParams,
        response: { 200: admittedList },
      },
    },
    (request) => listAdmitted(db, requireScope(request), request.params.id),
  );

  // ---- Candidates and the public (docs/formats/admissions-campaign.md) ----
  const lookups = new RateLimiter(services.lookupsPerMinute ?? 20);
  const candidate = (request: FastifyRequest<{ Params: { campaign: string } }>, write: boolean) =>
    requireCandidate(db, {
      campaignId: request.params.campaign,
      token: request.cookies[CANDIDATE_COOKIE],
      csrf: request.headers['x-csrf-token'] as string | undefined,
      candidateCsrf: request.headers['x-candidate-csrf'] as string | undefined,
      // A staff session in the same browser (its CSRF token checked by the kernel already).
      staff: request.session && !request.session.mustChangePassword ? requireScope(request) : null,
      write,
      ip: request.ip,
    });

  api.get(
    '/public/admissions',
    {
      schema: {
        summary: 'Các kỳ tuyển sinh lớp 10',
        tags: PUBLIC_TAGS,
        response: { 200: publicCampaignList },
      },
    },
    () => listPublicCampaigns(db),
  );
  api.get(
    '/public/admissions/:campaign',
    {
      schema: {
        summary: 'Một kỳ tuyển sinh: lịch và quy định',
        tags: PUBLIC_TAGS,
        params: publicParams,
        response: { 200: publicCampaign },
      },
    },
    async (request) => toPublic(await publicCampaignRow(db, request.params.campaign)),
  );
  api.post(
    '/public/admissions/:campaign/sign-in',
    {
      schema: {
        summary: 'Đăng nhập bằng mã thí sinh và mã PIN trên phiếu',
        tags: PUBLIC_TAGS,
        params: publicParams,
        body: signInBody,
        response: { 200: signInAnswer },
      },
    },
    async (request, reply) =>
      answerCandidateSignIn(
        reply,
        candidateSignIn(db, {
          campaignId: request.params.campaign,
          ...request.body,
          ip: request.ip,
        }),
        services.secureCookies,
      ),
  );
  api.get(
    '/public/admissions/:campaign/application',
    {
      schema: {
        summary: 'Nguyện vọng đang có hiệu lực và mọi phiên bản trước',
        tags: PUBLIC_TAGS,
        params: publicParams,
        response: { 200: applicationAnswer },
      },
    },
    async (request) => getApplication(db, await candidate(request, false)),
  );
  api.put(
    '/public/admissions/:campaign/application',
    {
      schema: {
        summary: 'Đăng ký hoặc thay đổi nguyện vọng (phiên bản mới)',
        tags: PUBLIC_TAGS,
        params: publicParams,
        body: putApplicationBody,
        response: { 200: submittedAnswer },
      },
    },
    async (request) => {
      const receivedAt = new Date();
      return submitApplication(db, await candidate(request, true), { ...request.body, receivedAt });
    },
  );
  api.delete(
    '/public/admissions/:campaign/application',
    {
      schema: {
        summary: 'Rút hồ sơ (phiên bản mới không có nguyện vọng)',
        tags: PUBLIC_TAGS,
        params: publicParams,
        body: withdrawBody,
        response: { 200: submittedAnswer },
      },
    },
    async (request) => {
      const receivedAt = new Date();
      return submitApplication(db, await candidate(request, true), {
        preferences: [],
        baseVersion: request.body.baseVersion,
        receivedAt,
      });
    },
  );
  api.post(
    '/public/admissions/:campaign/priority-claim',
    {
      schema: {
        summary: 'Nộp minh chứng ưu tiên, khuyến khích (multipart: group, prize, rồi file)',
        tags: PUBLIC_TAGS,
        params: publicParams,
        consumes: ['multipart/form-data'],
        response: { 200: priorityClaim },
      },
    },
    async (request) => {
      // The candidate (and the CSRF token) first: nothing is stored for an unsigned request.
      const me = await candidate(request, true);
      const file = await receiveUpload(request, services.files, EVIDENCE);
      return submitPriorityClaim(db, me, {
        group: file.fields.group,
        prize: file.fields.prize,
        file,
      });
    },
  );
  api.get(
    '/public/admissions/:campaign/priority-claim',
    {
      schema: {
        summary: 'Minh chứng ưu tiên đã nộp và kết quả xác nhận của trường',
        tags: PUBLIC_TAGS,
        params: publicParams,
        response: { 200: priorityClaim },
      },
    },
    async (request) => myPriorityClaim(db, await candidate(request, false)),
  );
  api.get(
    '/public/admissions/:campaign/receipt',
    {
      schema: {
        summary: 'Phiếu xác nhận đăng ký (PDF) của phiên bản đang có hiệu lực',
        tags: PUBLIC_TAGS,
        params: publicParams,
        response: { 200: fileAnswer('application/pdf', 'Phiếu xác nhận đăng ký') },
      },
    },
    async (request, reply) => {
      const receipt = await applicationReceipt(db, await candidate(request, false));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(receipt.fileName))
        .send(receipt.pdf);
    },
  );
  api.get(
    '/public/admissions/:campaign/counts',
    {
      schema: {
        summary: 'Số nguyện vọng theo chương trình và thứ tự, tỉ lệ chọi (trực tiếp)',
        tags: PUBLIC_TAGS,
        params: publicParams,
        response: { 200: countsAnswer },
      },
    },
    async (request, typedReply) => {
      // From the read-only standby when there is one (DATABASE_READ_URL): the
      // registration peak's most asked page stays off the primary.
      const counts = await publicCountsText(services.readDb, request.params.campaign);
      // The bytes were serialised once a second for everyone (public-counts.ts);
      // the schema's type checks them there, not per request.
      const reply = typedReply as unknown as FastifyReply;
      void reply.header('cache-control', 'public, max-age=1').header('etag', counts.etag);
      if (request.headers['if-none-match'] === counts.etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(counts.json);
    },
  );
  api.get(
    '/public/admissions/:campaign/result',
    {
      schema: {
        summary: 'Kết quả của thí sinh đang đăng nhập (sau khi công bố)',
        tags: PUBLIC_TAGS,
        params: publicParams,
        response: { 200: resultAnswer },
      },
    },
    async (request) => candidateResult(db, await candidate(request, false)),
  );
  api.post(
    '/public/admissions/:campaign/confirmation',
    {
      schema: {
        summary: 'Xác nhận nhập học hoặc từ chối',
        tags: PUBLIC_TAGS,
        params: publicParams,
        body: confirmBody,
        response: { 200: resultAnswer },
      },
    },
    async (request) => respondOffer(db, await candidate(request, true), request.body),
  );
  api.get(
    '/public/admissions/:campaign/specialised-result',
    {
      schema: {
        summary: 'Kết quả vòng chuyên, tích hợp của thí sinh đang đăng nhập (sau khi công bố)',
        tags: PUBLIC_TAGS,
        params: publicParams,
        response: { 200: specialisedAnswer },
      },
    },
    async (request) => specialisedResult(db, await candidate(request, false)),
  );
  api.post(
    '/public/admissions/:campaign/specialised-confirmation',
    {
      schema: {
        summary: 'Nhận hoặc từ chối chỗ học vòng chuyên, tích hợp',
        tags: PUBLIC_TAGS,
        params: publicParams,
        body: confirmBody,
        response: { 200: specialisedAnswer },
      },
    },
    async (request) => respondSpecialised(db, await candidate(request, true), request.body),
  );
  api.get(
    '/public/admissions/:campaign/lookup',
    {
      schema: {
        summary: 'Tra cứu kết quả theo mã thí sinh và ngày sinh',
        tags: PUBLIC_TAGS,
        params: publicParams,
        querystring: lookupQuery,
        response: { 200: lookupAnswer },
      },
      onRequest: lookupThrottle(lookups),
    },
    // From the read-only standby when there is one (DATABASE_READ_URL), as the counts.
    (request) =>
      lookupResult(services.readDb, { campaignId: request.params.campaign, ...request.query }),
  );
}
