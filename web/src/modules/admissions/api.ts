/**
 * Admissions' routes as the pages call them: the staff's (campaigns,
 * programs, scores, slips, allocation) with the staff session, the public
 * ones (campaigns, counts, lookup) without one, and the candidate's own
 * (application, result, confirmation) with the candidate's session cookie
 * and CSRF token (candidateApi.ts). Each function names the route as the
 * server declares it (src/modules/admissions/routes.ts) and answers the type
 * the contract gives that route's schema.
 */
import type { z } from 'zod';
import type {
  AdmittedRow,
  AllocationSummary,
  ApplicationAnswer,
  CampaignDetail,
  CampaignSummary,
  CandidateRow,
  CountsAnswer,
  CreateCampaignInput,
  DirectInput,
  EntryRulesEditInput,
  EntryRulesHistory,
  FreeCandidateInput,
  HandOverAnswer,
  HandOverPreview,
  PriorityClaim,
  Slip,
  ZonesInput,
  ImportSummary,
  IssueAnswer,
  lookupAnswer,
  ProgramsInput,
  PublicCampaign,
  ResultAnswer,
  SpecialisedAnswer,
  ScoresInput,
  signInAnswer,
  SubmittedAnswer,
  topUpAnswer,
} from '../../../../src/modules/admissions/contract.ts';
import type {
  CatchmentAreaList,
  CatchmentEditInput,
  CatchmentImportAnswer,
  documentsCheckAnswer,
  EntryApplicationAnswer,
  EntryApplicationInput,
  EntryAreaList,
  EntryCountsAnswer,
  EntryEvidenceAnswer,
  EntryEvidenceFile,
  UnservedList,
} from '../../../../src/modules/admissions/contract.ts';
import type {
  CandidateEligibility,
  EntryUnitList,
  SeatInput,
  SeatList,
  SeatRow,
} from '../../../../src/modules/admissions/contract.ts';
import { route, url } from '../../shared/api.ts';
import { candidateRoute } from './candidateApi.ts';

const byId = (id: string) => ({ params: { id } });
const byCampaign = (campaign: string) => ({ params: { campaign } });
/** The candidate's requests, written `candidate.route.…` like the staff's. */
const candidate = { route: candidateRoute };

export const admissionsApi = {
  campaigns: () => route.get<CampaignSummary[]>('/api/admissions/campaigns'),
  createCampaign: (body: CreateCampaignInput) =>
    route.post<CampaignSummary>('/api/admissions/campaigns', body),
  campaign: (id: string) => route.get<CampaignDetail>('/api/admissions/campaigns/:id', byId(id)),
  candidates: (id: string) =>
    route.get<CandidateRow[]>('/api/admissions/campaigns/:id/candidates', byId(id)),
  admitted: (id: string) =>
    route.get<AdmittedRow[]>('/api/admissions/campaigns/:id/admitted', byId(id)),
  importPrograms: (id: string, body: ProgramsInput) =>
    route.put<ImportSummary>('/api/admissions/campaigns/:id/programs', body, byId(id)),
  importScores: (id: string, body: ScoresInput) =>
    route.put<ImportSummary>('/api/admissions/campaigns/:id/scores', body, byId(id)),
  issue: (id: string) =>
    route.post<IssueAnswer>('/api/admissions/campaigns/:id/candidates/issue', {}, byId(id)),
  allocate: (id: string) =>
    route.post<AllocationSummary>('/api/admissions/campaigns/:id/allocate', {}, byId(id)),
  publish: (id: string) =>
    route.post<CampaignSummary>('/api/admissions/campaigns/:id/publish', {}, byId(id)),
  allocateSpecialised: (id: string) =>
    route.post<AllocationSummary>(
      '/api/admissions/campaigns/:id/specialised/allocate',
      {},
      byId(id),
    ),
  publishSpecialised: (id: string, confirmBy: string) =>
    route.post<CampaignSummary>(
      '/api/admissions/campaigns/:id/specialised/publish',
      { confirmBy },
      byId(id),
    ),
  topUp: (id: string) =>
    route.post<z.infer<typeof topUpAnswer>>('/api/admissions/campaigns/:id/top-up', {}, byId(id)),
  handOverPreview: (id: string) =>
    route.get<HandOverPreview>('/api/admissions/campaigns/:id/hand-over', byId(id)),
  handOver: (id: string) =>
    route.post<HandOverAnswer>('/api/admissions/campaigns/:id/hand-over', {}, byId(id)),

  importZones: (id: string, body: ZonesInput) =>
    route.put<ImportSummary>('/api/admissions/campaigns/:id/zones', body, byId(id)),
  importDirect: (id: string, body: DirectInput) =>
    route.put<ImportSummary>('/api/admissions/campaigns/:id/direct', body, byId(id)),
  addFreeCandidate: (id: string, body: FreeCandidateInput) =>
    route.post<Slip>('/api/admissions/campaigns/:id/candidates/free', body, byId(id)),
  priorityClaims: (id: string) =>
    route.get<PriorityClaim[]>('/api/admissions/campaigns/:id/priority-claims', byId(id)),
  checkClaim: (id: string, code: string, body: { accept: boolean; note?: string }) =>
    route.post<PriorityClaim>('/api/admissions/campaigns/:id/priority-claims/:code/check', body, {
      params: { id, code },
    }),
  evidenceUrl: (id: string, code: string) =>
    url('/api/admissions/campaigns/:id/priority-claims/:code/evidence', { id, code }),
  /** File links: the lists as xlsx (staff session), the family's receipt (candidate session). */
  admittedXlsxUrl: (id: string) => url('/api/admissions/campaigns/:id/admitted.xlsx', { id }),
  candidatesXlsxUrl: (id: string) => url('/api/admissions/campaigns/:id/candidates.xlsx', { id }),
  receiptUrl: (campaign: string) => url('/api/public/admissions/:campaign/receipt', { campaign }),

  // Entry grades (grade 1, grade 6; issue #15): catchments, unserved residences, documents.
  catchments: (communeId: string) =>
    route.get<CatchmentAreaList>('/api/admissions/catchments/:communeId', {
      params: { communeId },
    }),
  /** Multipart `file`; a file with errors answers 422 with the same report (ApiError.body). */
  importCatchments: (form: FormData, dryRun: boolean) =>
    route.post<CatchmentImportAnswer>('/api/admissions/catchments/import', form, {
      query: { dryRun: dryRun ? '1' : '0' },
    }),
  editCatchment: (communeId: string, body: CatchmentEditInput) =>
    route.patch<CatchmentAreaList[number]>('/api/admissions/catchments/:communeId/areas', body, {
      params: { communeId },
    }),
  // The staff's entry-grade pages: pickers, seats, birth-year exceptions.
  communes: () => route.get<EntryUnitList>('/api/admissions/communes'),
  entrySchools: (grade: 1 | 6) =>
    route.get<EntryUnitList>('/api/admissions/entry-schools', {
      query: { grade: String(grade) },
    }),
  seats: (id: string, communeId: string) =>
    route.get<SeatList>('/api/admissions/campaigns/:id/seats', {
      ...byId(id),
      query: { communeId },
    }),
  saveSeats: (id: string, schoolId: string, body: SeatInput) =>
    route.put<SeatRow>('/api/admissions/campaigns/:id/seats/:schoolId', body, {
      params: { id, schoolId },
    }),
  editEntryRules: (id: string, body: EntryRulesEditInput) =>
    route.put<CampaignSummary>('/api/admissions/campaigns/:id/entry-rules', body, byId(id)),
  entryRulesHistory: (id: string) =>
    route.get<EntryRulesHistory>('/api/admissions/campaigns/:id/entry-rules/history', byId(id)),
  publicEntryRulesHistory: (campaign: string) =>
    route.get<EntryRulesHistory>(
      '/api/public/admissions/:campaign/entry-rules/history',
      byCampaign(campaign),
    ),
  birthYearException: (id: string, code: string, reason: string | null) =>
    route.put<CandidateEligibility>(
      '/api/admissions/campaigns/:id/candidates/:code/birth-year-exception',
      { reason },
      { params: { id, code } },
    ),
  unserved: (id: string, communeId?: string) =>
    route.get<UnservedList>('/api/admissions/campaigns/:id/unserved', {
      ...byId(id),
      query: { communeId },
    }),
  checkDocuments: (id: string, code: string, checked: boolean) =>
    route.post<z.infer<typeof documentsCheckAnswer>>(
      '/api/admissions/campaigns/:id/admitted/:code/documents',
      { checked },
      { params: { id, code } },
    ),
  /** The school's documents check: an admitted child's uploaded files, and a link to each. */
  admittedEvidence: (id: string, code: string) =>
    route.get<EntryEvidenceAnswer>('/api/admissions/campaigns/:id/admitted/:code/evidence', {
      params: { id, code },
    }),
  admittedEvidenceUrl: (id: string, code: string, fileId: string) =>
    url('/api/admissions/campaigns/:id/admitted/:code/evidence/:fileId', { id, code, fileId }),
  /** File links under the family's session: its own uploaded file, the entry receipt. */
  entryEvidenceUrl: (campaign: string, fileId: string) =>
    url('/api/public/admissions/:campaign/entry-evidence/:fileId', { campaign, fileId }),
  entryReceiptUrl: (campaign: string) =>
    url('/api/public/admissions/:campaign/entry-receipt', { campaign }),
  entryCounts: (campaign: string) =>
    route.get<EntryCountsAnswer>(
      '/api/public/admissions/:campaign/entry-counts',
      byCampaign(campaign),
    ),
  entryAreas: (campaign: string) =>
    route.get<EntryAreaList>('/api/public/admissions/:campaign/areas', byCampaign(campaign)),
  entryLookup: (campaign: string, query: { personalId: string; birthDate: string }) =>
    route.get<z.infer<typeof lookupAnswer>>('/api/public/admissions/:campaign/entry-lookup', {
      ...byCampaign(campaign),
      query,
    }),

  publicCampaigns: () => route.get<PublicCampaign[]>('/api/public/admissions'),
  publicCampaign: (campaign: string) =>
    route.get<PublicCampaign>('/api/public/admissions/:campaign', byCampaign(campaign)),
  counts: (campaign: string) =>
    route.get<CountsAnswer>('/api/public/admissions/:campaign/counts', byCampaign(campaign)),
  lookup: (campaign: string, query: { code: string; birthDate: string }) =>
    route.get<z.infer<typeof lookupAnswer>>('/api/public/admissions/:campaign/lookup', {
      ...byCampaign(campaign),
      query,
    }),
};

export const candidateApi = {
  signIn: (campaign: string, body: { code: string; pin: string }) =>
    candidate.route.post<z.infer<typeof signInAnswer>>(
      '/api/public/admissions/:campaign/sign-in',
      body,
      byCampaign(campaign),
    ),
  signInByPersonalId: (campaign: string, body: { personalId: string; birthDate: string }) =>
    candidate.route.post<z.infer<typeof signInAnswer>>(
      '/api/public/admissions/:campaign/sign-in/personal-id',
      body,
      byCampaign(campaign),
    ),
  entryApplication: (campaign: string) =>
    candidate.route.get<EntryApplicationAnswer>(
      '/api/public/admissions/:campaign/entry-application',
      byCampaign(campaign),
    ),
  submitEntry: (campaign: string, body: EntryApplicationInput) =>
    candidate.route.put<SubmittedAnswer>(
      '/api/public/admissions/:campaign/entry-application',
      body,
      byCampaign(campaign),
    ),
  entryEvidence: (campaign: string) =>
    candidate.route.get<EntryEvidenceAnswer>(
      '/api/public/admissions/:campaign/entry-evidence',
      byCampaign(campaign),
    ),
  /** Multipart: `kind`, then `file` (the server reads the field before the file). */
  uploadEntryEvidence: (campaign: string, form: FormData) =>
    candidate.route.post<EntryEvidenceFile>(
      '/api/public/admissions/:campaign/entry-evidence',
      form,
      byCampaign(campaign),
    ),
  removeEntryEvidence: (campaign: string, fileId: string) =>
    candidate.route.delete<null>(
      '/api/public/admissions/:campaign/entry-evidence/:fileId',
      undefined,
      { params: { campaign, fileId } },
    ),
  application: (campaign: string) =>
    candidate.route.get<ApplicationAnswer>(
      '/api/public/admissions/:campaign/application',
      byCampaign(campaign),
    ),
  submit: (campaign: string, body: { preferences: string[]; baseVersion: number }) =>
    candidate.route.put<SubmittedAnswer>(
      '/api/public/admissions/:campaign/application',
      body,
      byCampaign(campaign),
    ),
  withdraw: (campaign: string, body: { baseVersion: number }) =>
    candidate.route.delete<SubmittedAnswer>(
      '/api/public/admissions/:campaign/application',
      body,
      byCampaign(campaign),
    ),
  /** The claim sent (404 when none). */
  priorityClaim: (campaign: string) =>
    candidate.route.get<PriorityClaim>(
      '/api/public/admissions/:campaign/priority-claim',
      byCampaign(campaign),
    ),
  /** Multipart: `group`, `prize`, then `file` (the server reads the fields before the file). */
  sendPriorityClaim: (campaign: string, form: FormData) =>
    candidate.route.post<PriorityClaim>(
      '/api/public/admissions/:campaign/priority-claim',
      form,
      byCampaign(campaign),
    ),
  result: (campaign: string) =>
    candidate.route.get<ResultAnswer>(
      '/api/public/admissions/:campaign/result',
      byCampaign(campaign),
    ),
  confirm: (campaign: string, accept: boolean) =>
    candidate.route.post<ResultAnswer>(
      '/api/public/admissions/:campaign/confirmation',
      { accept },
      byCampaign(campaign),
    ),
  specialisedResult: (campaign: string) =>
    candidate.route.get<SpecialisedAnswer>(
      '/api/public/admissions/:campaign/specialised-result',
      byCampaign(campaign),
    ),
  confirmSpecialised: (campaign: string, accept: boolean) =>
    candidate.route.post<SpecialisedAnswer>(
      '/api/public/admissions/:campaign/specialised-confirmation',
      { accept },
      byCampaign(campaign),
    ),
};
