/**
 * The office's rule tables and the names of its values, in vi and en. Plain
 * data (no zod): the server, the CLI and the web all read these tables.
 * Rule tables carry the regulation they come from and the day they apply
 * from, so a later decree adds a version instead of editing this one.
 */

type Named<T extends string> = { vi: Record<T, string>; en: Record<T, string> };

/**
 * Types of administrative documents and their abbreviations: Decree
 * 30/2020/NĐ-CP, Art. 7 (the 29 types) and Annex III (the abbreviations),
 * in force from 05/3/2020. `CV` stands for the administrative letter (công
 * văn), which has no abbreviation in the notation (Annex I §II.3.b).
 */
export const DOCUMENT_TYPE_TABLES = [
  {
    since: '2020-03-05',
    source: 'Nghị định 30/2020/NĐ-CP, Điều 7 và Phụ lục III',
    types: {
      NQ: { vi: 'Nghị quyết', en: 'Resolution' },
      QĐ: { vi: 'Quyết định', en: 'Decision' },
      CT: { vi: 'Chỉ thị', en: 'Directive' },
      QC: { vi: 'Quy chế', en: 'Regulation' },
      QyĐ: { vi: 'Quy định', en: 'Rules' },
      TC: { vi: 'Thông cáo', en: 'Communiqué' },
      TB: { vi: 'Thông báo', en: 'Notice' },
      HD: { vi: 'Hướng dẫn', en: 'Guidance' },
      CTr: { vi: 'Chương trình', en: 'Programme' },
      KH: { vi: 'Kế hoạch', en: 'Plan' },
      PA: { vi: 'Phương án', en: 'Scheme' },
      ĐA: { vi: 'Đề án', en: 'Proposal' },
      DA: { vi: 'Dự án', en: 'Project' },
      BC: { vi: 'Báo cáo', en: 'Report' },
      BB: { vi: 'Biên bản', en: 'Minutes' },
      TTr: { vi: 'Tờ trình', en: 'Submission' },
      HĐ: { vi: 'Hợp đồng', en: 'Contract' },
      CĐ: { vi: 'Công điện', en: 'Official telegram' },
      BGN: { vi: 'Bản ghi nhớ', en: 'Memorandum' },
      BTT: { vi: 'Bản thỏa thuận', en: 'Agreement' },
      GUQ: { vi: 'Giấy ủy quyền', en: 'Power of attorney' },
      GM: { vi: 'Giấy mời', en: 'Invitation' },
      GGT: { vi: 'Giấy giới thiệu', en: 'Letter of introduction' },
      GNP: { vi: 'Giấy nghỉ phép', en: 'Leave permit' },
      PG: { vi: 'Phiếu gửi', en: 'Dispatch slip' },
      PC: { vi: 'Phiếu chuyển', en: 'Transfer slip' },
      PB: { vi: 'Phiếu báo', en: 'Notification slip' },
      CV: { vi: 'Công văn', en: 'Administrative letter' },
    },
  },
] as const;

export type DocumentType = keyof (typeof DOCUMENT_TYPE_TABLES)[0]['types'];

/** The table in force on `isoDate` (the newest whose `since` is not after it). */
export function documentTypesOn(isoDate: string): Record<string, { vi: string; en: string }> {
  const table = [...DOCUMENT_TYPE_TABLES].reverse().find((t) => t.since <= isoDate);
  return (table ?? DOCUMENT_TYPE_TABLES[0]).types;
}

export const DOCUMENT_TYPES = Object.keys(DOCUMENT_TYPE_TABLES[0].types) as DocumentType[];

/** The administrative letter: its notation has no type abbreviation. */
export const LETTER_TYPE = 'CV';

/**
 * Urgency (độ khẩn) of a document: Decree 30/2020/NĐ-CP Art. 4.2 (urgent
 * ones are registered and passed on at once) and Annex I §II.11.
 */
export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_NAMES: Named<Urgency> = {
  vi: { normal: 'Thường', urgent: 'Khẩn', very_urgent: 'Thượng khẩn', flash: 'Hỏa tốc' },
  en: { normal: 'Normal', urgent: 'Urgent', very_urgent: 'Very urgent', flash: 'Flash' },
};

/**
 * What the verification of a PDF's signatures found (signing/verify-signature.ts):
 * a signature's status, worst first; a document has its worst signature's,
 * or `none` without any.
 */
export const SIGNATURE_STATUSES = ['invalid', 'modified', 'expired', 'untrusted', 'valid'] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];
export const PDF_SIGNATURE_STATUSES = [...SIGNATURE_STATUSES, 'none'] as const;

/**
 * Every verification answer says it plainly: sogd makes no network call, so
 * whether the certificate was revoked (OCSP, CRL; Luật Giao dịch điện tử
 * 20/2023/QH15 asks a relying party to check it) is not known.
 */
export const REVOCATION_NOT_CHECKED =
  'Không kiểm tra được tình trạng thu hồi của chứng thư số (OCSP, CRL): máy chủ không truy vấn mạng, nên "hợp lệ" ở đây chưa loại trừ chứng thư đã bị thu hồi.';
export type PdfSignatureStatus = (typeof PDF_SIGNATURE_STATUSES)[number];
export const SIGNATURE_STATUS_NAMES: Named<PdfSignatureStatus> = {
  vi: {
    valid: 'Chữ ký hợp lệ',
    untrusted: 'Chứng thư không thuộc danh sách tin cậy',
    expired: 'Chứng thư hết hiệu lực khi ký',
    modified: 'Tài liệu đã bị sửa sau khi ký',
    invalid: 'Chữ ký không hợp lệ',
    none: 'Không có chữ ký số',
  },
  en: {
    valid: 'Valid signature',
    untrusted: 'Certificate not on the trusted list',
    expired: 'Certificate not valid at signing time',
    modified: 'Document changed after signing',
    invalid: 'Invalid signature',
    none: 'No digital signature',
  },
};

/**
 * Confidentiality (độ mật): Law 29/2018/QH14 on the protection of state
 * secrets, Art. 8 (Tuyệt mật, Tối mật, Mật). Secret documents have their own
 * register and sequence (Decree 30/2020 Art. 15.3, Art. 22.2).
 */
export const CONFIDENTIALITIES = ['normal', 'confidential', 'secret', 'top_secret'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];
export const CONFIDENTIALITY_NAMES: Named<Confidentiality> = {
  vi: { normal: 'Thường', confidential: 'Mật', secret: 'Tối mật', top_secret: 'Tuyệt mật' },
  en: {
    normal: 'Normal',
    confidential: 'Confidential',
    secret: 'Secret',
    top_secret: 'Top secret',
  },
};

/** How an incoming document arrived. */
export const CHANNELS = ['system', 'paper', 'email', 'edxml'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_NAMES: Named<Channel> = {
  vi: {
    system: 'Trên hệ thống',
    paper: 'Bản giấy',
    email: 'Thư điện tử',
    edxml: 'Gói tin edXML (liên thông)',
  },
  en: {
    system: 'Through the system',
    paper: 'Paper',
    email: 'E-mail',
    edxml: 'edXML package (interchange)',
  },
};

export const OUTGOING_STATUSES = ['registered', 'released', 'withdrawn'] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];
export const OUTGOING_STATUS_NAMES: Named<OutgoingStatus> = {
  vi: { registered: 'Đã cấp số', released: 'Đã phát hành', withdrawn: 'Đã thu hồi' },
  en: { registered: 'Numbered', released: 'Released', withdrawn: 'Withdrawn' },
};

/** A draft's place in its approval (draft-rules.ts). */
export const DRAFT_STATUSES = [
  'draft',
  'review',
  'leader',
  'approved',
  'returned',
  'numbered',
  'issued',
] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];
export const DRAFT_STATUS_NAMES: Named<DraftStatus> = {
  vi: {
    draft: 'Đang soạn',
    review: 'Chờ phòng kiểm tra',
    leader: 'Chờ lãnh đạo duyệt',
    approved: 'Đã duyệt, chờ cấp số',
    returned: 'Bị trả lại',
    numbered: 'Đã cấp số, chờ phát hành',
    issued: 'Đã phát hành',
  },
  en: {
    draft: 'Being written',
    review: 'Awaiting division check',
    leader: "Awaiting leader's approval",
    approved: 'Approved, to be numbered',
    returned: 'Returned',
    numbered: 'Numbered, to be issued',
    issued: 'Issued',
  },
};

export const INCOMING_STATUSES = ['registered', 'assigned', 'done', 'recalled'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];
export const INCOMING_STATUS_NAMES: Named<IncomingStatus> = {
  vi: {
    registered: 'Chờ phân công',
    assigned: 'Đang xử lý',
    done: 'Đã xử lý xong',
    recalled: 'Bên gửi đã thu hồi',
  },
  en: {
    registered: 'Awaiting assignment',
    assigned: 'In progress',
    done: 'Handled',
    recalled: 'Recalled by the sender',
  },
};

export const RECIPIENT_STATUSES = ['sent', 'received', 'opened', 'handled'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
export const RECIPIENT_STATUS_NAMES: Named<RecipientStatus> = {
  vi: { sent: 'Đã gửi', received: 'Đã nhận', opened: 'Đã xem', handled: 'Đã xử lý' },
  en: { sent: 'Sent', received: 'Received', opened: 'Opened', handled: 'Handled' },
};

/** What a document's access log records (Decree 30/2020 Annex VI: "nhật ký truy cập"). */
export const ACCESS_KINDS = ['view', 'download'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];
export const ACCESS_KIND_NAMES: Named<AccessKind> = {
  vi: { view: 'Mở văn bản', download: 'Tải tệp' },
  en: { view: 'Opened', download: 'Downloaded a file' },
};

/** Registers of incoming documents: the general one and the one for secret documents. */
export const BOOKS = ['general', 'secret'] as const;
export type Book = (typeof BOOKS)[number];
export const BOOK_NAMES: Named<Book> = {
  vi: { general: 'Sổ văn bản đến', secret: 'Sổ văn bản mật đến' },
  en: { general: 'Incoming register', secret: 'Secret incoming register' },
};

/**
 * When a deadline counts as "due soon" (the reminder job's warning), in days
 * before it. The agency's working rules set deadlines (Art. 24); this is the
 * system's warning, not a legal period.
 */
export const DUE_SOON_DAYS = 2;

/**
 * Abbreviations used when a unit has recorded none, for the usual names of
 * education bodies (the practice of Annex I §II.3, e.g. seed 004's
 * "3677/TB-SGDĐT"). Any other unit must record its own.
 */
export const DEFAULT_ABBREVIATIONS: readonly { name: RegExp; abbreviation: string }[] = [
  {
    name: /^Sở\s+(Giáo\s+dục\s+(và|&)\s+Đào\s+tạo|GD\s*&\s*ĐT|GDĐT)(\s|$)/iu,
    abbreviation: 'SGDĐT',
  },
  {
    name: /^Phòng\s+(Giáo\s+dục\s+(và|&)\s+Đào\s+tạo|GD\s*&\s*ĐT|GDĐT)(\s|$)/iu,
    abbreviation: 'PGDĐT',
  },
  { name: /^Phòng\s+Văn\s+hóa\s*-\s*Xã\s+hội(\s|$)/iu, abbreviation: 'VHXH' },
];
