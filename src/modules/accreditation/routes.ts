import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../core/http/context.ts';
import type { FileStore } from '../../core/files/store.ts';
import { receiveUpload } from '../../core/files/upload.ts';
import type { Db } from '../../db/connection.ts';
import {
  analysisBody,
  campaign,
  campaignBody,
  campaignList,
  commentBody,
  commentParams,
  copyFindings,
  criterionTextBody,
  cycleDetail,
  cycleParams,
  evidenceFile,
  evidenceItem,
  evidenceParams,
  externalLevelFourBody,
  externalRatingBody,
  levelFourImportBody,
  levelFourRatingBody,
  levelFourVersionList,
  levelFourView,
  linkEvidenceBody,
  memberBody,
  openCycleBody,
  planTaskBody,
  planTaskDoneBody,
  planTaskParams,
  publicResultList,
  publicResultsQuery,
  publishBody,
  progressPage,
  progressQuery,
  ratingBody,
  recognition,
  recognitionBody,
  recognitionList,
  reportFile,
  reportQuery,
  resolveBody,
  reviewBody,
  setList,
  setParams,
  textVersionList,
  textVersionsParams,
} from './contract.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';

const tags = ['Kiểm định chất lượng, chuẩn quốc gia'];
const campaignParams = z.object({ id: z.string().max(64) });

/** Thin routes: contract → use case (each loaded at its first call). */
export function registerAccreditationRoutes(
  instance: FastifyInstance,
  deps: { db: Db; files: FileStore },
): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db, files } = deps;
  // New body routes refuse an anonymous caller before reading the body (401, not a 400).
  const signedIn = {
    onRequest: (request: FastifyRequest, _reply: unknown, done: () => void) => {
      requireScope(request);
      done();
    },
  };

  api.get(
    '/accreditation/sets',
    {
      schema: {
        tags,
        summary: 'Các bộ tiêu chuẩn có sẵn, với căn cứ và độ tin cậy',
        response: { 200: setList },
      },
    },
    async (request) => (await import('./list-sets.ts')).listSets(requireScope(request)),
  );
  api.get(
    '/accreditation/recognitions/expiring',
    {
      schema: {
        tags,
        summary: 'Quyết định công nhận hết hạn trong vòng một năm',
        response: { 200: recognitionList },
      },
    },
    async (request) => (await import('./list-expiring.ts')).listExpiring(db, requireScope(request)),
  );
  api.get(
    '/accreditation/campaigns',
    {
      schema: {
        tags,
        summary: 'Các đợt tự đánh giá của đơn vị mình',
        response: { 200: campaignList },
      },
    },
    async (request) =>
      (await import('./list-campaigns.ts')).listCampaigns(db, requireScope(request)),
  );
  api.post(
    '/accreditation/campaigns',
    {
      schema: {
        tags,
        summary: 'Mở đợt tự đánh giá và chọn bộ tiêu chuẩn',
        body: campaignBody,
        response: { 200: campaign },
      },
    },
    async (request) =>
      (await import('./create-campaign.ts')).createCampaign(
        db,
        requireScope(request),
        request.body,
      ),
  );
  api.get(
    '/accreditation/campaigns/:id/progress',
    {
      schema: {
        tags,
        summary: 'Tiến độ tự đánh giá của từng trường trong đợt',
        params: campaignParams,
        querystring: progressQuery,
        response: { 200: progressPage },
      },
    },
    async (request) =>
      (await import('./get-progress.ts')).getProgress(db, requireScope(request), {
        campaignId: request.params.id,
        ...request.query,
      }),
  );
  api.post(
    '/accreditation/cycles',
    {
      schema: {
        tags,
        summary: 'Bắt đầu (hoặc mở) hồ sơ tự đánh giá của trường trong đợt',
        body: openCycleBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./open-cycle.ts')).openCycle(db, requireScope(request), request.body),
  );
  api.get(
    '/accreditation/cycles/:id',
    {
      schema: {
        tags,
        summary: 'Hồ sơ tự đánh giá: đánh giá, mức đạt, minh chứng, hội đồng',
        params: cycleParams,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./get-cycle.ts')).getCycle(db, requireScope(request), request.params.id),
  );
  api.post(
    '/accreditation/cycles/:id/members',
    {
      schema: {
        tags,
        summary: 'Thêm thành viên hội đồng tự đánh giá và phân công tiêu chí',
        params: cycleParams,
        body: memberBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./add-member.ts')).addMember(db, requireScope(request), {
        cycleId: request.params.id,
        member: request.body,
      }),
  );
  api.post(
    '/accreditation/cycles/:id/plan',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Thêm công việc vào kế hoạch tự đánh giá (bước, tiêu chí, người phụ trách, thời gian)',
        params: cycleParams,
        body: planTaskBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./plan.ts')).addPlanTask(db, requireScope(request), {
        cycleId: request.params.id,
        task: request.body,
      }),
  );
  api.put(
    '/accreditation/cycles/:id/plan/:taskId/done',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Đánh dấu công việc trong kế hoạch đã (hoặc chưa) hoàn thành',
        params: planTaskParams,
        body: planTaskDoneBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./plan.ts')).markPlanTask(db, requireScope(request), {
        cycleId: request.params.id,
        taskId: request.params.taskId,
        done: request.body.done,
      }),
  );
  api.post(
    '/accreditation/cycles/:id/plan/:taskId/remove',
    {
      schema: {
        tags,
        summary: 'Bỏ một công việc khỏi kế hoạch tự đánh giá',
        params: planTaskParams,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./plan.ts')).removePlanTask(db, requireScope(request), {
        cycleId: request.params.id,
        taskId: request.params.taskId,
      }),
  );
  api.put(
    '/accreditation/cycles/:id/ratings',
    {
      schema: {
        tags,
        summary: 'Đánh giá một yêu cầu (đạt/không đạt), lý giải dẫn mã minh chứng',
        params: cycleParams,
        body: ratingBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./rate-requirement.ts')).rateRequirement(db, requireScope(request), {
        cycleId: request.params.id,
        rating: request.body,
      }),
  );
  api.put(
    '/accreditation/cycles/:id/texts',
    {
      schema: {
        tags,
        summary: 'Phần II của báo cáo cho một tiêu chí (mô tả, điểm mạnh, điểm yếu, kế hoạch)',
        params: cycleParams,
        body: criterionTextBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./save-criterion-text.ts')).saveCriterionTextUseCase(
        db,
        requireScope(request),
        { cycleId: request.params.id, text: request.body },
      ),
  );
  api.put(
    '/accreditation/cycles/:id/analysis',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Phiếu xác định nội hàm: nội hàm, câu hỏi đặt ra, minh chứng cần thu thập, nơi thu thập của một yêu cầu',
        params: cycleParams,
        body: analysisBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./save-analysis.ts')).saveAnalysisUseCase(db, requireScope(request), {
        cycleId: request.params.id,
        analysis: request.body,
      }),
  );
  api.get(
    '/accreditation/sets/:setId/level4',
    {
      schema: {
        tags,
        summary: 'Danh sách tiêu chí Mức 4 của bộ tiêu chuẩn (Sở nhập từ văn bản gốc)',
        params: setParams,
        response: { 200: levelFourView },
      },
    },
    async (request) =>
      (await import('./level-four.ts')).getLevelFour(
        db,
        requireScope(request),
        request.params.setId,
      ),
  );
  api.put(
    '/accreditation/sets/:setId/level4',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Sở nhập (thay) danh sách tiêu chí Mức 4 của bộ tiêu chuẩn: mỗi dòng một tiêu chí, có phiên bản',
        params: setParams,
        body: levelFourImportBody,
        response: { 200: levelFourView },
      },
    },
    async (request) =>
      (await import('./level-four.ts')).importLevelFour(db, requireScope(request), {
        setId: request.params.setId,
        body: request.body,
      }),
  );
  api.get(
    '/accreditation/sets/:setId/level4/versions',
    {
      schema: {
        tags,
        summary:
          'Lịch sử danh sách tiêu chí Mức 4 của bộ tiêu chuẩn: mỗi phiên bản Sở lưu (nguồn, người lưu, thời điểm, nội dung)',
        params: setParams,
        response: { 200: levelFourVersionList },
      },
    },
    async (request) =>
      (await import('./level-four.ts')).listLevelFourVersions(
        db,
        requireScope(request),
        request.params.setId,
      ),
  );
  api.put(
    '/accreditation/cycles/:id/level4-ratings',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Đánh giá một tiêu chí Mức 4 (trường đã đạt Mức 3), dẫn mã minh chứng',
        params: cycleParams,
        body: levelFourRatingBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./level-four.ts')).rateLevelFour(db, requireScope(request), {
        cycleId: request.params.id,
        rating: request.body,
      }),
  );
  api.post(
    '/accreditation/cycles/:id/publication',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Công bố kết quả tự đánh giá (mức đạt, mức từng tiêu chí, chốt tại thời điểm công bố)',
        params: cycleParams,
        body: publishBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./publish.ts')).publishResult(db, requireScope(request), {
        cycleId: request.params.id,
        body: request.body,
      }),
  );
  api.post(
    '/accreditation/cycles/:id/publication/withdraw',
    {
      schema: {
        tags,
        summary: 'Rút kết quả tự đánh giá đã công bố',
        params: cycleParams,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./publish.ts')).withdrawResult(db, requireScope(request), request.params.id),
  );
  api.get(
    '/public/accreditation/results',
    {
      schema: {
        tags,
        summary:
          'Công khai: kết quả tự đánh giá và quyết định công nhận của một trường (theo mã trường)',
        querystring: publicResultsQuery,
        response: { 200: publicResultList },
      },
    },
    async (request) => (await import('./publish.ts')).listPublicResults(db, request.query),
  );
  api.get(
    '/accreditation/cycles/:id/texts/:criterionCode/versions',
    {
      schema: {
        tags,
        summary: 'Các phiên bản đã lưu của báo cáo một tiêu chí (người lưu, thời điểm)',
        params: textVersionsParams,
        response: { 200: textVersionList },
      },
    },
    async (request) =>
      (await import('./text-comments.ts')).listTextVersions(db, requireScope(request), {
        cycleId: request.params.id,
        criterionCode: request.params.criterionCode,
      }),
  );
  api.post(
    '/accreditation/cycles/:id/comments',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Góp ý của thành viên hội đồng về báo cáo một tiêu chí (mở luồng hoặc trả lời)',
        params: cycleParams,
        body: commentBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./text-comments.ts')).addComment(db, requireScope(request), {
        cycleId: request.params.id,
        comment: request.body,
      }),
  );
  api.put(
    '/accreditation/cycles/:id/comments/:commentId/resolved',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Đóng (đã xử lý) hoặc mở lại một luồng góp ý',
        params: commentParams,
        body: resolveBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./text-comments.ts')).resolveThread(db, requireScope(request), {
        cycleId: request.params.id,
        commentId: request.params.commentId,
        resolved: request.body.resolved,
      }),
  );
  api.post(
    '/accreditation/cycles/:id/evidence/links',
    {
      schema: {
        tags,
        summary: 'Thêm minh chứng là đường dẫn',
        params: cycleParams,
        body: linkEvidenceBody,
        response: { 200: evidenceItem },
      },
    },
    async (request) =>
      (await import('./add-link-evidence.ts')).addLinkEvidence(db, requireScope(request), {
        cycleId: request.params.id,
        evidence: request.body,
      }),
  );
  api.post(
    '/accreditation/cycles/:id/evidence/files',
    {
      schema: {
        tags,
        summary:
          'Tải lên tệp minh chứng (multipart: title, criterionCode, box, issuer, issuedOn rồi file; tối đa 50 MB)',
        params: cycleParams,
        response: { 200: evidenceItem },
      },
    },
    async (request) => {
      const { addFileEvidence, MAX_EVIDENCE_BYTES } = await import('./add-file-evidence.ts');
      return addFileEvidence(db, requireScope(request), {
        cycleId: request.params.id,
        receive: () => receiveUpload(request, files, { maxBytes: MAX_EVIDENCE_BYTES }),
      });
    },
  );
  api.get(
    '/accreditation/cycles/:id/evidence/:evidenceId/file',
    {
      schema: {
        tags,
        summary: 'Tệp minh chứng',
        params: evidenceParams,
        response: { 200: evidenceFile },
      },
    },
    async (request, reply) => {
      const file = await (
        await import('./open-evidence.ts')
      ).openEvidence(db, requireScope(request), files, {
        cycleId: request.params.id,
        evidenceId: request.params.evidenceId,
      });
      return reply
        .type(file.mediaType)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.fileName))
        .send(file.stream);
    },
  );
  api.post(
    '/accreditation/cycles/:id/submit',
    {
      schema: {
        tags,
        summary: 'Nộp hồ sơ tự đánh giá (chốt số liệu của sogd)',
        params: cycleParams,
        body: reviewBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./submit-cycle.ts')).submitCycle(db, requireScope(request), {
        cycleId: request.params.id,
        body: request.body,
      }),
  );
  for (const decision of ['return', 'accept'] as const)
    api.post(
      `/accreditation/cycles/:id/${decision}`,
      {
        schema: {
          tags,
          summary:
            decision === 'return'
              ? 'Trả lại hồ sơ đã nộp kèm nhận xét'
              : 'Chấp nhận hồ sơ tự đánh giá đã nộp',
          params: cycleParams,
          body: reviewBody,
          response: { 200: cycleDetail },
        },
      },
      async (request) =>
        (await import('./review-cycle.ts')).reviewCycle(db, requireScope(request), {
          cycleId: request.params.id,
          decision,
          body: request.body,
        }),
    );
  api.put(
    '/accreditation/cycles/:id/external-ratings',
    {
      schema: {
        tags,
        summary: 'Đánh giá ngoài: mức của đoàn cho một tiêu chí, bên cạnh mức trường tự đánh giá',
        params: cycleParams,
        body: externalRatingBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./rate-external.ts')).rateExternal(db, requireScope(request), {
        cycleId: request.params.id,
        rating: request.body,
      }),
  );
  api.put(
    '/accreditation/cycles/:id/external-level4-ratings',
    {
      schema: {
        tags,
        summary:
          'Đánh giá ngoài tiêu chí Mức 4: đoàn ghi đạt / không đạt, bên cạnh đánh giá của trường',
        params: cycleParams,
        body: externalLevelFourBody,
        response: { 200: cycleDetail },
      },
    },
    async (request) =>
      (await import('./rate-external.ts')).rateExternalLevelFour(db, requireScope(request), {
        cycleId: request.params.id,
        rating: request.body,
      }),
  );
  api.post(
    '/accreditation/cycles/:id/recognition',
    {
      schema: {
        tags,
        summary: 'Quyết định công nhận (cập nhật hồ sơ trường)',
        params: cycleParams,
        body: recognitionBody,
        response: { 200: recognition },
      },
    },
    async (request) =>
      (await import('./recognise-school.ts')).recogniseSchool(db, requireScope(request), {
        cycleId: request.params.id,
        body: request.body,
      }),
  );
  api.get(
    '/accreditation/cycles/:id/copies',
    {
      schema: {
        tags,
        summary: 'Minh chứng trùng tệp và đoạn văn trùng với trường khác',
        params: cycleParams,
        response: { 200: copyFindings },
      },
    },
    async (request) =>
      (await import('./find-copies.ts')).findCopies(db, requireScope(request), request.params.id),
  );
  api.get(
    '/accreditation/cycles/:id/report',
    {
      schema: {
        tags,
        summary: 'Báo cáo tự đánh giá (Phần I, II, III) dạng DOCX hoặc PDF',
        params: cycleParams,
        querystring: reportQuery,
        response: { 200: reportFile },
      },
    },
    async (request, reply) => {
      const report = await (
        await import('./build-report.ts')
      ).buildReport(db, requireScope(request), {
        cycleId: request.params.id,
        format: request.query.format,
      });
      return reply
        .type(report.mediaType)
        .header('content-disposition', contentDisposition(report.fileName))
        .send(report.bytes);
    },
  );
}
