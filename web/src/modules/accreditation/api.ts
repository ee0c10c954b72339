/**
 * The accreditation module's routes as the pages call them: each function
 * names the route as the server declares it and answers its contract's type.
 */
import type {
  AnalysisBody,
  Campaign,
  CampaignBody,
  CommentBody,
  CopyFindings,
  CriterionTextBody,
  CycleDetail,
  EvidenceItem,
  ExternalLevelFourBody,
  ExternalRatingBody,
  LevelFourImportBody,
  LevelFourRatingBody,
  LevelFourVersion,
  LevelFourView,
  LinkEvidenceBody,
  MemberBody,
  PlanTaskBody,
  ProgressPage,
  RatingBody,
  Recognition,
  ReviewBody,
  PublicResult,
  PublishBody,
  SetSummary,
  TextVersion,
} from '../../../../src/modules/accreditation/contract.ts';
import type { CycleStatus } from '../../../../src/modules/accreditation/labels.ts';
import { ApiError, requestHeaders, route, uploadUrl, url, type Problem } from '../../shared/api.ts';

const byId = (id: string) => ({ params: { id } });

export const accreditationApi = {
  sets: () => route.get<SetSummary[]>('/api/accreditation/sets'),
  expiring: () => route.get<Recognition[]>('/api/accreditation/recognitions/expiring'),
  campaigns: () => route.get<Campaign[]>('/api/accreditation/campaigns'),
  createCampaign: (body: CampaignBody) =>
    route.post<Campaign, CampaignBody>('/api/accreditation/campaigns', body),
  progress: (campaignId: string, query: { status?: CycleStatus | undefined; page: number }) =>
    route.get<ProgressPage>('/api/accreditation/campaigns/:id/progress', {
      params: { id: campaignId },
      query: { ...query, pageSize: 100 },
    }),
  openCycle: (campaignId: string, schoolId: string) =>
    route.post<CycleDetail>('/api/accreditation/cycles', { campaignId, schoolId }),
  cycle: (id: string) => route.get<CycleDetail>('/api/accreditation/cycles/:id', byId(id)),
  addMember: (id: string, body: MemberBody) =>
    route.post<CycleDetail, MemberBody>('/api/accreditation/cycles/:id/members', body, byId(id)),
  addPlanTask: (id: string, body: PlanTaskBody) =>
    route.post<CycleDetail, PlanTaskBody>('/api/accreditation/cycles/:id/plan', body, byId(id)),
  markPlanTask: (id: string, taskId: string, done: boolean) =>
    route.put<CycleDetail, { done: boolean }>(
      '/api/accreditation/cycles/:id/plan/:taskId/done',
      { done },
      { params: { id, taskId } },
    ),
  removePlanTask: (id: string, taskId: string) =>
    route.post<CycleDetail>('/api/accreditation/cycles/:id/plan/:taskId/remove', undefined, {
      params: { id, taskId },
    }),
  rate: (id: string, body: RatingBody) =>
    route.put<CycleDetail, RatingBody>('/api/accreditation/cycles/:id/ratings', body, byId(id)),
  saveText: (id: string, body: CriterionTextBody) =>
    route.put<CycleDetail, CriterionTextBody>(
      '/api/accreditation/cycles/:id/texts',
      body,
      byId(id),
    ),
  levelFour: (setId: string) =>
    route.get<LevelFourView>('/api/accreditation/sets/:setId/level4', { params: { setId } }),
  importLevelFour: (setId: string, body: LevelFourImportBody) =>
    route.put<LevelFourView, LevelFourImportBody>('/api/accreditation/sets/:setId/level4', body, {
      params: { setId },
    }),
  levelFourVersions: (setId: string) =>
    route.get<LevelFourVersion[]>('/api/accreditation/sets/:setId/level4/versions', {
      params: { setId },
    }),
  rateExternalLevelFour: (id: string, body: ExternalLevelFourBody) =>
    route.put<CycleDetail, ExternalLevelFourBody>(
      '/api/accreditation/cycles/:id/external-level4-ratings',
      body,
      byId(id),
    ),
  rateLevelFour: (id: string, body: LevelFourRatingBody) =>
    route.put<CycleDetail, LevelFourRatingBody>(
      '/api/accreditation/cycles/:id/level4-ratings',
      body,
      byId(id),
    ),
  saveAnalysis: (id: string, body: AnalysisBody) =>
    route.put<CycleDetail, AnalysisBody>('/api/accreditation/cycles/:id/analysis', body, byId(id)),
  publish: (id: string, body: PublishBody) =>
    route.post<CycleDetail, PublishBody>(
      '/api/accreditation/cycles/:id/publication',
      body,
      byId(id),
    ),
  withdrawPublication: (id: string) =>
    route.post<CycleDetail>(
      '/api/accreditation/cycles/:id/publication/withdraw',
      undefined,
      byId(id),
    ),
  publicResults: (schoolCode: string) =>
    route.get<PublicResult[]>('/api/public/accreditation/results', { query: { schoolCode } }),
  textVersions: (id: string, criterionCode: string) =>
    route.get<TextVersion[]>('/api/accreditation/cycles/:id/texts/:criterionCode/versions', {
      params: { id, criterionCode },
    }),
  addComment: (id: string, body: CommentBody) =>
    route.post<CycleDetail, CommentBody>('/api/accreditation/cycles/:id/comments', body, byId(id)),
  resolveComment: (id: string, commentId: string, resolved: boolean) =>
    route.put<CycleDetail, { resolved: boolean }>(
      '/api/accreditation/cycles/:id/comments/:commentId/resolved',
      { resolved },
      { params: { id, commentId } },
    ),
  addLink: (id: string, body: LinkEvidenceBody) =>
    route.post<EvidenceItem, LinkEvidenceBody>(
      '/api/accreditation/cycles/:id/evidence/links',
      body,
      byId(id),
    ),
  rateExternal: (id: string, body: ExternalRatingBody) =>
    route.put<CycleDetail, ExternalRatingBody>(
      '/api/accreditation/cycles/:id/external-ratings',
      body,
      byId(id),
    ),
  submit: (id: string, body: ReviewBody) =>
    route.post<CycleDetail, ReviewBody>('/api/accreditation/cycles/:id/submit', body, byId(id)),
  returnCycle: (id: string, body: ReviewBody) =>
    route.post<CycleDetail, ReviewBody>('/api/accreditation/cycles/:id/return', body, byId(id)),
  accept: (id: string, body: ReviewBody) =>
    route.post<CycleDetail, ReviewBody>('/api/accreditation/cycles/:id/accept', body, byId(id)),
  /** A file and its fields (sent before it, as the route reads them). */
  async uploadEvidence(
    id: string,
    fields: Record<string, string>,
    file: File,
  ): Promise<EvidenceItem> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file);
    const response = await fetch(
      uploadUrl('/api/accreditation/cycles/:id/evidence/files', { id }),
      { method: 'POST', body: form, headers: requestHeaders(), credentials: 'same-origin' },
    );
    const data = (await response.json()) as unknown;
    if (!response.ok) throw new ApiError({ ...(data as Problem), status: response.status }, data);
    // The server serialises the answer through the route's schema (EvidenceItem).
    return data as EvidenceItem;
  },
  copies: (id: string) => route.get<CopyFindings>('/api/accreditation/cycles/:id/copies', byId(id)),
  evidenceFileUrl: (id: string, evidenceId: string) =>
    url('/api/accreditation/cycles/:id/evidence/:evidenceId/file', { id, evidenceId }),
  reportUrl: (id: string, format: 'docx' | 'pdf') =>
    url('/api/accreditation/cycles/:id/report', { id }, { format }),
};
