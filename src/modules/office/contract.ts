/**
 * The HTTP boundary of the e-office (issue #17): request and answer schemas
 * with their types. Imports only zod, core/contract.ts and ./labels.ts, so
 * the web imports its types and label tables without server code.
 */
import { z } from 'zod';
import {
  fileAnswer,
  id,
  isoDate,
  paged,
  schoolLevel,
  timestamp,
  unitRef,
} from '../../core/contract.ts';
import {
  ACCESS_KINDS,
  BOOKS,
  CHANNELS,
  CONFIDENTIALITIES,
  DOCUMENT_TYPES,
  DRAFT_STATUSES,
  INCOMING_STATUSES,
  OUTGOING_STATUSES,
  PDF_SIGNATURE_STATUSES,
  RECIPIENT_STATUSES,
  REVOCATION_NOT_CHECKED,
  SIGNATURE_STATUSES,
  URGENCIES,
} from './labels.ts';

export * from './labels.ts';

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} dài quá ${max} ký tự`);
const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày cần dạng yyyy-mm-dd')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Ngày không tồn tại');
const abbreviation = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}&]{1,20}$/u, 'Tên viết tắt chỉ gồm chữ, số và "&", tối đa 20 ký tự');

export const documentType = z.enum(DOCUMENT_TYPES as [string, ...string[]], {
  error: `Loại văn bản cần là một ký hiệu của Phụ lục III Nghị định 30/2020/NĐ-CP: ${DOCUMENT_TYPES.join(', ')}`,
});
export const urgency = z.enum(URGENCIES);
export const confidentiality = z.enum(CONFIDENTIALITIES);
export const channel = z.enum(CHANNELS);
export const book = z.enum(BOOKS);
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const yearFilter = z.coerce.number().int().min(2000).max(2999).optional();

// ---------------------------------------------------------------- settings

export const officeSettings = z.object({
  unit: unitRef,
  abbreviation: z.string().nullable(),
  divisions: z.array(z.string()),
  certificate: z
    .object({ subject: z.string(), notAfter: timestamp, imported: z.boolean() })
    .nullable(),
});
export type OfficeSettings = z.infer<typeof officeSettings>;

export const settingsBody = z.object({
  abbreviation,
  divisions: z.array(abbreviation).max(50).default([]),
});
export type SettingsBody = z.infer<typeof settingsBody>;

/** A unit certificate and its key from a PKCS#12 file (.p12/.pfx), sent as base64. */
export const certificateImportBody = z.object({
  p12: z
    .string()
    .max(200_000, 'Tệp PKCS#12 quá lớn (tối đa khoảng 150 KB)')
    .regex(/^[A-Za-z0-9+/=\s]+$/, 'Tệp PKCS#12 cần gửi dạng base64'),
  password: z.string().max(200),
});
export type CertificateImportBody = z.input<typeof certificateImportBody>;

export const member = z.object({ id, fullName: z.string() });
export const memberList = z.object({ items: z.array(member) });
export type MemberList = z.infer<typeof memberList>;
export type Member = z.infer<typeof member>;

// ---------------------------------------------------------------- outgoing

export const registerOutgoingBody = z.object({
  type: documentType,
  subject: text(1000, 'Trích yếu'),
  /** The document's date; today (Việt Nam time) when left out. */
  date: dateText.optional(),
  draftingUnit: abbreviation.optional(),
  urgency: urgency.default('normal'),
  confidentiality: confidentiality.default('normal'),
  signerName: text(200, 'Người ký').optional(),
  /** Units of sogd that receive it at once (the sender's subtree or its parents). */
  recipientIds: z.array(z.string().max(64)).max(5000).default([]),
  /**
   * Every school under a unit of the tree (the unit itself when it is one),
   * of the levels given (all levels when left out): "gửi các trường THPT".
   */
  recipientGroups: z
    .array(z.object({ rootId: z.string().max(64), levels: z.array(schoolLevel).max(4).optional() }))
    .max(50)
    .default([]),
  /** Addressees outside sogd, by name (sent on paper or by mail). */
  outsideRecipients: z.array(text(300, 'Nơi nhận')).max(100).default([]),
});
export type RegisterOutgoingBody = z.input<typeof registerOutgoingBody>;

export const registeredOutgoing = z.object({
  id,
  number: z.number().int(),
  notation: z.string(),
  year: z.number().int(),
});
export type RegisteredOutgoing = z.infer<typeof registeredOutgoing>;

const outgoingStatus = z.enum(OUTGOING_STATUSES);
export const outgoingRow = z.object({
  id,
  number: z.number().int(),
  notation: z.string(),
  year: z.number().int(),
  type: z.string(),
  subject: z.string(),
  date: isoDate,
  urgency,
  confidentiality,
  status: outgoingStatus,
  signed: z.boolean(),
  recipients: z.number().int(),
  received: z.number().int(),
});
export type OutgoingRow = z.infer<typeof outgoingRow>;
/**
 * A register's page. A search counts its hits only up to a cap (1,000):
 * `totalCapped` true means more than `total` were found (the list says
 * "hơn 1.000 văn bản"; the pages go as far as the cap, docs/office.md).
 */
const registerPage = <T extends z.ZodType>(row: T) =>
  paged(row).extend({ totalCapped: z.boolean() });
export const outgoingPage = registerPage(outgoingRow);
export type OutgoingPage = z.infer<typeof outgoingPage>;

export const listQuery = z.object({
  year: yearFilter,
  q: z.string().max(200).optional(),
  page,
});
export type ListQuery = z.input<typeof listQuery>;

export const recipientRow = z.object({
  id,
  unit: unitRef.nullable(),
  outsideName: z.string().nullable(),
  status: z.enum(RECIPIENT_STATUSES),
  sentAt: timestamp,
  receivedAt: timestamp.nullable(),
  openedAt: timestamp.nullable(),
  handledAt: timestamp.nullable(),
});
export type RecipientRow = z.infer<typeof recipientRow>;

// ---------------------------------------------------------------- files

export const attachmentRow = z.object({
  id,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: timestamp,
});
export type AttachmentRow = z.infer<typeof attachmentRow>;
export const attachmentList = z.object({ items: z.array(attachmentRow) });
export type AttachmentList = z.infer<typeof attachmentList>;
export const attachmentParams = z.object({
  kind: z.enum(['incoming', 'outgoing', 'draft']),
  id: z.string().max(64),
});
export const attachmentFile = fileAnswer('application/octet-stream', 'Tệp của văn bản');

/** One signature of a PDF as verified (signing/verify-signature.ts). */
export const signatureCheck = z.object({
  status: z.enum(SIGNATURE_STATUSES),
  /** The certificate subject's common name (CN). */
  signerName: z.string().nullable(),
  /** The certificate subject's organisation (O). */
  organisation: z.string().nullable(),
  issuerName: z.string().nullable(),
  serialNumber: z.string().nullable(),
  notBefore: timestamp.nullable(),
  notAfter: timestamp.nullable(),
  /** The claimed signing time: the CMS signing-time attribute, else the dictionary's /M. */
  signingTime: timestamp.nullable(),
  signingTimeSource: z.enum(['cms', 'pdf']).nullable(),
  subFilter: z.string().nullable(),
  digestMatches: z.boolean(),
  signatureVerified: z.boolean(),
  coversWholeDocument: z.boolean(),
  trusted: z.boolean(),
  certificateValidAtSigning: z.boolean(),
  /** Why it is not valid, in Vietnamese. */
  problem: z.string().nullable(),
});
export type SignatureCheck = z.infer<typeof signatureCheck>;
export const pdfSignatureReport = z.object({
  status: z.enum(PDF_SIGNATURE_STATUSES),
  signatures: z.array(signatureCheck),
  changedAfterLastSignature: z.boolean(),
  /** Always false: no OCSP or CRL is fetched. */
  revocationChecked: z.boolean(),
  /** What that means, in Vietnamese (checks stored before it was written get it too). */
  revocation: z.string().default(REVOCATION_NOT_CHECKED),
  checkedAt: timestamp,
});
export type PdfSignatureReport = z.infer<typeof pdfSignatureReport>;
/** The stored check of one file of a document. */
export const fileSignatureCheck = pdfSignatureReport.extend({ attachmentId: id });
export type FileSignatureCheck = z.infer<typeof fileSignatureCheck>;

/** A root certificate the department trusts besides its own CA. */
export const trustedRoot = z.object({
  id,
  subject: z.string(),
  sha256: z.string(),
  notAfter: timestamp,
  addedBy: z.string(),
  createdAt: timestamp,
});
export type TrustedRoot = z.infer<typeof trustedRoot>;
export const trustedRootList = z.object({ items: z.array(trustedRoot) });
export type TrustedRootList = z.infer<typeof trustedRootList>;
export const trustedRootBody = z.object({
  /** One certificate, PEM (-----BEGIN CERTIFICATE-----) or DER in base64. */
  certificate: z.string().trim().min(1, 'Chưa có chứng thư gốc.').max(20_000),
});
export type TrustedRootBody = z.input<typeof trustedRootBody>;

/** Composing the document's text in the Annex I layout (DOCX and PDF, added to its files). */
export const composeBody = z.object({
  body: text(50_000, 'Nội dung văn bản'),
  /** TM. (thay mặt), KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền): Annex I §II.7. */
  authority: z.enum(['TM', 'KT', 'TL', 'TUQ']).nullable().default(null),
  onBehalfOf: text(200, 'Thẩm quyền ký thay mặt cho').nullable().default(null),
  signerTitle: text(200, 'Chức vụ người ký'),
  signerName: text(200, 'Người ký').optional(),
  place: text(100, 'Địa danh'),
});
export type ComposeBody = z.input<typeof composeBody>;

/** One line of a document's access log: who opened it or downloaded one of its files, when. */
export const accessLogEntry = z.object({
  at: timestamp,
  kind: z.enum(ACCESS_KINDS),
  actorName: z.string(),
  /** The unit the person works in: the document's own, or a recipient's. */
  unit: z.object({ id, name: z.string() }).nullable(),
  ip: z.string().nullable(),
  /** The file downloaded (none for an opening). */
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntry>;
export const accessLog = z.object({
  notation: z.string(),
  subject: z.string(),
  items: z.array(accessLogEntry),
  /** More lines than the page shows (the newest are shown). */
  truncated: z.boolean(),
});
export type AccessLog = z.infer<typeof accessLog>;

export const outgoingDetail = outgoingRow.extend({
  draftingUnit: z.string().nullable(),
  signerName: z.string().nullable(),
  registeredBy: z.string(),
  createdAt: timestamp,
  withdrawnAt: timestamp.nullable(),
  signedFile: z.object({ sha256: z.string(), size: z.number().int() }).nullable(),
  recipientList: z.array(recipientRow),
  attachments: z.array(attachmentRow),
  /** The draft it was numbered from, when it went through approval. */
  draftId: id.nullable(),
});
export type OutgoingDetail = z.infer<typeof outgoingDetail>;

// ---------------------------------------------------------------- signing with a token

const base64 = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} dài quá ${max} ký tự`)
    .regex(/^[A-Za-z0-9+/]+=*$/, `${label} phải ở dạng base64`);

/** The answer of `POST …/sign/prepare`: what the signer's tool signs (docs/office.md). */
export const signPrepared = z.object({
  prepareId: id,
  digestAlgorithm: z.literal('SHA-256'),
  /** SHA-256 of the PDF's byte range, base64: a CMS's message-digest must equal it. */
  digest: z.string(),
  byteRange: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  signingTime: timestamp,
  expiresAt: timestamp,
  /** With a certificate at prepare: the DER of the signed attributes to sign raw (base64), and its SHA-256. */
  signedAttributes: z.string().nullable(),
  signedAttributesDigest: z.string().nullable(),
});
export type SignPrepared = z.infer<typeof signPrepared>;

/** The body of `POST …/sign/complete`: a CMS, or a raw signature with the certificate chain. */
export const signCompleteBody = z
  .object({
    prepareId: z.string().uuid('Mã chuẩn bị ký không hợp lệ'),
    cms: base64('Chữ ký CMS', 200_000).optional(),
    signature: base64('Giá trị chữ ký', 10_000).optional(),
    certificates: z
      .array(z.string().trim().min(1).max(20_000))
      .min(1, 'Cần chứng thư của người ký')
      .max(5, 'Tối đa 5 chứng thư')
      .optional(),
  })
  .refine((b) => (b.cms === undefined) !== (b.signature === undefined), {
    message: 'Cần đúng một trong hai: cms, hoặc signature kèm certificates',
    path: ['cms'],
  })
  .refine((b) => b.signature === undefined || b.certificates !== undefined, {
    message: 'Chữ ký thô cần kèm chuỗi chứng thư (certificates)',
    path: ['certificates'],
  });
export type SignCompleteBody = z.infer<typeof signCompleteBody>;

export const withdrawBody = z.object({ reason: text(500, 'Lý do thu hồi') });

// ---------------------------------------------------------------- drafts

export const DRAFT_ACTIONS = ['submit', 'forward', 'approve', 'return'] as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[number];

export const draftBody = registerOutgoingBody.omit({ date: true });
export type DraftBody = z.input<typeof draftBody>;

export const draftStep = z.object({
  action: z.string(),
  actorName: z.string(),
  comment: z.string(),
  at: timestamp,
});
export const draftRow = z.object({
  id,
  status: z.enum(DRAFT_STATUSES),
  type: z.string(),
  subject: z.string(),
  drafterName: z.string(),
  drafterId: id.nullable(),
  version: z.number().int(),
  updatedAt: timestamp,
  outgoingId: id.nullable(),
});
export type DraftRow = z.infer<typeof draftRow>;
export const draftList = z.object({ items: z.array(draftRow) });
export type DraftList = z.infer<typeof draftList>;
export const draftDetail = draftRow.extend({
  body: registerOutgoingBody.omit({ date: true }),
  steps: z.array(draftStep),
  attachments: z.array(attachmentRow),
  /** Units the document will reach when issued (groups resolved today). */
  recipientCount: z.number().int(),
});
export type DraftDetail = z.infer<typeof draftDetail>;
export const draftStepBody = z.object({
  action: z.enum(DRAFT_ACTIONS),
  comment: z.string().trim().max(2000).default(''),
  /** The version the caller saw: a step on a changed draft is refused (409). */
  version: z.number().int().min(1),
});
export type DraftStepBody = z.input<typeof draftStepBody>;

// ---------------------------------------------------------------- incoming

export const registerIncomingBody = z.object({
  senderName: text(300, 'Nơi gửi'),
  notation: text(60, 'Số, ký hiệu'),
  type: documentType,
  date: dateText,
  subject: text(1000, 'Trích yếu'),
  urgency: urgency.default('normal'),
  confidentiality: confidentiality.default('normal'),
  channel: z.enum(['paper', 'email']).default('paper'),
});
export type RegisterIncomingBody = z.input<typeof registerIncomingBody>;
export type RegisterIncomingParsed = z.infer<typeof registerIncomingBody>;

export const registeredIncoming = z.object({
  id,
  arrivalNumber: z.number().int(),
  book,
  year: z.number().int(),
});
export type RegisteredIncoming = z.infer<typeof registeredIncoming>;

export const incomingRow = z.object({
  id,
  arrivalNumber: z.number().int(),
  book,
  year: z.number().int(),
  receivedAt: timestamp,
  senderName: z.string(),
  notation: z.string(),
  type: z.string(),
  date: isoDate,
  subject: z.string(),
  urgency,
  confidentiality,
  channel,
  status: z.enum(INCOMING_STATUSES),
  deadline: isoDate.nullable(),
  overdue: z.boolean(),
});
export type IncomingRow = z.infer<typeof incomingRow>;
export const incomingPage = registerPage(incomingRow);
export type IncomingPage = z.infer<typeof incomingPage>;

export const assignmentRow = z.object({
  id,
  incomingId: id,
  incomingNotation: z.string(),
  incomingSubject: z.string(),
  lead: member,
  coordinators: z.array(member),
  instruction: z.string(),
  deadline: isoDate,
  assignedBy: z.string(),
  assignedAt: timestamp,
  status: z.enum(['open', 'done']),
  progress: z.string().nullable(),
  result: z.string().nullable(),
  doneAt: timestamp.nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});
export type AssignmentRow = z.infer<typeof assignmentRow>;
export const assignmentList = z.object({ items: z.array(assignmentRow) });
export type AssignmentList = z.infer<typeof assignmentList>;

export const incomingDetail = incomingRow.extend({
  registeredBy: z.string(),
  senderUnit: unitRef.nullable(),
  assignments: z.array(assignmentRow),
  /** Its own files (the scan) and, for a copy received through sogd, the sender's. */
  attachments: z.array(attachmentRow),
  /** The signatures of its PDFs, verified when each was added. */
  signatureChecks: z.array(fileSignatureCheck),
});
export type IncomingDetail = z.infer<typeof incomingDetail>;

export const assignBody = z.object({
  leadUserId: z.string().max(64),
  coUserIds: z.array(z.string().max(64)).max(50).default([]),
  instruction: text(2000, 'Ý kiến chỉ đạo'),
  deadline: dateText,
});
export type AssignBody = z.input<typeof assignBody>;

export const reportBody = z.object({
  progress: text(2000, 'Tiến độ').optional(),
  /** Final: the handling is finished, `result` says how. */
  done: z.boolean().default(false),
  result: text(2000, 'Kết quả').optional(),
});
export type ReportBody = z.input<typeof reportBody>;

export const assignmentQuery = z.object({
  /** mine: given to me; unit: every assignment of my unit. */
  who: z.enum(['mine', 'unit']).default('unit'),
  state: z.enum(['open', 'overdue', 'due_soon', 'done']).optional(),
});
export type AssignmentQuery = z.input<typeof assignmentQuery>;

export const statsQuery = z.object({ year: yearFilter });
export const statsRow = z.object({
  unit: unitRef,
  month: z.number().int().min(1).max(12),
  total: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
  /** Done by the deadline over those whose deadline has passed or that are done; null when none. */
  onTimeRate: z.number().nullable(),
});
export type StatsRow = z.infer<typeof statsRow>;
export const assignmentStats = z.object({ year: z.number().int(), items: z.array(statsRow) });
export type AssignmentStats = z.infer<typeof assignmentStats>;

// ---------------------------------------------------------------- calendar

export const weekQuery = z.object({ week: dateText.optional() });

export const calendarEntry = z.object({
  id,
  day: isoDate,
  startTime: z.string(),
  content: z.string(),
  chair: z.string(),
  place: z.string(),
  participants: z.string(),
  preparingUnit: z.string(),
  notes: z.string(),
  changedAfterPublication: z.boolean(),
  version: z.number().int(),
});
export type CalendarEntry = z.infer<typeof calendarEntry>;

export const calendarWeek = z.object({
  unit: unitRef,
  weekStart: isoDate,
  publishedAt: timestamp.nullable(),
  entries: z.array(calendarEntry),
});
export type CalendarWeek = z.infer<typeof calendarWeek>;

export const calendarEntryBody = z.object({
  day: dateText,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ cần dạng HH:MM (00:00–23:59)'),
  content: text(1000, 'Nội dung'),
  chair: text(200, 'Lãnh đạo chủ trì'),
  place: text(300, 'Địa điểm'),
  participants: z.string().trim().max(1000).default(''),
  preparingUnit: z.string().trim().max(300).default(''),
  notes: z.string().trim().max(1000).default(''),
});
export type CalendarEntryBody = z.input<typeof calendarEntryBody>;

export const publishBody = z.object({ week: dateText });

export const publicCalendarParams = z.object({ code: z.string().max(64) });

export const signedPdf = fileAnswer('application/pdf', 'Văn bản PDF đã ký số');
/** An outgoing document as an edXML package (QCVN 102:2016 envelope), its files inside. */
export const edxmlFile = fileAnswer('application/xml', 'Gói tin edXML của văn bản đi');
/** An incoming document registered from an edXML package, with the number of its files. */
export const importedIncoming = registeredIncoming.extend({ files: z.number().int() });
export type ImportedIncoming = z.infer<typeof importedIncoming>;

export const notice = z.object({
  id,
  kind: z.enum(['due_soon', 'overdue']),
  message: z.string(),
  createdAt: timestamp,
  assignmentId: id.nullable(),
});
export const noticeList = z.object({ items: z.array(notice) });
export type NoticeList = z.infer<typeof noticeList>;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const registerQuery = z.object({ year: yearFilter });
export const registerFile = fileAnswer(XLSX, 'Sổ đăng ký văn bản của năm');
export const registerPdf = fileAnswer(
  'application/pdf',
  'Sổ đăng ký văn bản của năm (PDF, A4 ngang)',
);
