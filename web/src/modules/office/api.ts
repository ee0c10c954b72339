/**
 * The e-office's routes as its pages call them: each function names the
 * route as src/modules/office/routes.ts declares it and answers the type the
 * contract gives that route's schema. Files (registers, signed PDFs,
 * attachments) are links or uploads: their URLs are here too.
 */
import type { UnitSummary } from '../../../../src/modules/orgs/contract.ts';
import type {
  AccessLog,
  ImportedIncoming,
  AssignBody,
  AssignmentList,
  AssignmentQuery,
  AssignmentRow,
  AssignmentStats,
  AttachmentList,
  CertificateImportBody,
  ComposeBody,
  CalendarEntryBody,
  CalendarWeek,
  DraftBody,
  DraftDetail,
  DraftList,
  DraftStepBody,
  IncomingDetail,
  IncomingPage,
  ListQuery,
  MemberList,
  NoticeList,
  OfficeSettings,
  OutgoingDetail,
  OutgoingPage,
  RegisteredIncoming,
  RegisteredOutgoing,
  RegisterIncomingBody,
  RegisterOutgoingBody,
  ReportBody,
  SettingsBody,
  TrustedRootBody,
  TrustedRootList,
  SignCompleteBody,
  SignPrepared,
} from '../../../../src/modules/office/contract.ts';
import { route, uploadUrl, url, type QueryOf } from '../../shared/api.ts';

const byId = (id: string) => ({ params: { id } });

export const officeApi = {
  settings: () => route.get<OfficeSettings>('/api/office/settings'),
  saveSettings: (body: SettingsBody) =>
    route.put<OfficeSettings, SettingsBody>('/api/office/settings', body),
  importCertificate: (body: CertificateImportBody) =>
    route.post<OfficeSettings, CertificateImportBody>('/api/office/settings/certificate', body),
  trustedRoots: () => route.get<TrustedRootList>('/api/office/settings/trusted-roots'),
  addTrustedRoot: (body: TrustedRootBody) =>
    route.post<TrustedRootList, TrustedRootBody>('/api/office/settings/trusted-roots', body),
  removeTrustedRoot: (id: string) =>
    route.post<TrustedRootList>('/api/office/settings/trusted-roots/:id/remove', undefined, {
      params: { id },
    }),
  members: () => route.get<MemberList>('/api/office/members'),
  /** Units of the org tree by name or code (recipients of an outgoing document). */
  searchUnits: (q: string) => route.get<UnitSummary[]>('/api/orgs/search', { query: { q } }),

  outgoing: (query: QueryOf<ListQuery>) =>
    route.get<OutgoingPage>('/api/office/outgoing', { query }),
  outgoingDetail: (id: string) => route.get<OutgoingDetail>('/api/office/outgoing/:id', byId(id)),
  registerOutgoing: (body: RegisterOutgoingBody) =>
    route.post<RegisteredOutgoing, RegisterOutgoingBody>('/api/office/outgoing', body),
  withdrawOutgoing: (id: string, reason: string) =>
    route.post<OutgoingDetail>('/api/office/outgoing/:id/withdraw', { reason }, byId(id)),
  /** The PDF to sign, sent as multipart (field "file"). */
  signOutgoing: (id: string, body: FormData) =>
    route.post<OutgoingDetail, FormData>('/api/office/outgoing/:id/sign', body, byId(id)),
  signedPdfUrl: (id: string) => url('/api/office/outgoing/:id/signed.pdf', { id }),
  /** Signing with the signer's own tool: the PDF (multipart "file") gets its signature's room. */
  prepareTokenSignature: (id: string, body: FormData) =>
    route.post<SignPrepared, FormData>('/api/office/outgoing/:id/sign/prepare', body, byId(id)),
  /** The tool's CMS over the prepared digest, embedded and checked by the server. */
  completeTokenSignature: (id: string, body: SignCompleteBody) =>
    route.post<OutgoingDetail, SignCompleteBody>(
      '/api/office/outgoing/:id/sign/complete',
      body,
      byId(id),
    ),

  incoming: (query: QueryOf<ListQuery>) =>
    route.get<IncomingPage>('/api/office/incoming', { query }),
  /** An outgoing document as an edXML package (its files inside). */
  edxmlUrl: (id: string) => url('/api/office/outgoing/:id/edxml', { id }),
  /** Registers an incoming document from an edXML package, sent as multipart (field "file"). */
  importEdxml: (body: FormData) =>
    route.post<ImportedIncoming, FormData>('/api/office/incoming/edxml', body),
  /** Who opened the document or downloaded its files (office.log). */
  accessLog: (kind: 'outgoing' | 'incoming', id: string) =>
    route.get<AccessLog>(`/api/office/${kind}/:id/access-log`, byId(id)),
  incomingDetail: (id: string) => route.get<IncomingDetail>('/api/office/incoming/:id', byId(id)),
  registerIncoming: (body: RegisterIncomingBody) =>
    route.post<RegisteredIncoming, RegisterIncomingBody>('/api/office/incoming', body),
  assign: (id: string, body: AssignBody) =>
    route.post<IncomingDetail, AssignBody>('/api/office/incoming/:id/assign', body, byId(id)),

  drafts: () => route.get<DraftList>('/api/office/drafts'),
  draft: (id: string) => route.get<DraftDetail>('/api/office/drafts/:id', byId(id)),
  createDraft: (body: DraftBody) => route.post<DraftDetail, DraftBody>('/api/office/drafts', body),
  stepDraft: (id: string, body: DraftStepBody) =>
    route.post<DraftDetail, DraftStepBody>('/api/office/drafts/:id/step', body, byId(id)),
  numberDraft: (id: string, version: number) =>
    route.post<OutgoingDetail>('/api/office/drafts/:id/number', { version }, byId(id)),
  /** Lays the document out as Decree 30 Annex I (DOCX and PDF, added to its files). */
  composeSigned: (id: string, body: ComposeBody) =>
    route.post<OutgoingDetail, ComposeBody>(
      '/api/office/outgoing/:id/sign-composed',
      body,
      byId(id),
    ),
  compose: (id: string, body: ComposeBody) =>
    route.post<AttachmentList, ComposeBody>('/api/office/outgoing/:id/compose', body, byId(id)),
  issue: (id: string) => route.post<OutgoingDetail>('/api/office/outgoing/:id/issue', {}, byId(id)),

  /** Where a document's file is POSTed (multipart, field "file"). */
  filesUrl: (kind: 'incoming' | 'outgoing' | 'draft', id: string) =>
    uploadUrl('/api/office/:kind/:id/files', { kind, id }),
  fileUrl: (id: string) => url('/api/office/files/:id', { id }),
  outgoingRegisterPdf: (year?: number) => url('/api/office/outgoing/register.pdf', {}, { year }),
  incomingRegisterPdf: (year?: number) => url('/api/office/incoming/register.pdf', {}, { year }),

  outgoingRegisterXlsx: (year?: number) => url('/api/office/outgoing/register.xlsx', {}, { year }),
  incomingRegisterXlsx: (year?: number) => url('/api/office/incoming/register.xlsx', {}, { year }),

  assignments: (query: AssignmentQuery) =>
    route.get<AssignmentList>('/api/office/assignments', { query }),
  report: (id: string, body: ReportBody) =>
    route.post<AssignmentRow, ReportBody>('/api/office/assignments/:id/report', body, byId(id)),
  stats: (year?: number) =>
    route.get<AssignmentStats>('/api/office/assignments/stats', { query: { year } }),
  notices: () => route.get<NoticeList>('/api/office/notices'),

  week: (week: string) => route.get<CalendarWeek>('/api/office/calendar', { query: { week } }),
  addEntry: (body: CalendarEntryBody) =>
    route.post<CalendarWeek, CalendarEntryBody>('/api/office/calendar', body),
  publishWeek: (week: string) => route.post<CalendarWeek>('/api/office/calendar/publish', { week }),
  /** The public page's data of a unit's published week (shown as a link). */
  publicCalendarUrl: (code: string) => url('/api/public/office/calendar/:code', { code }),
};
