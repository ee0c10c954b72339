/**
 * The HTTP boundary of the public services (issue #19): request and answer
 * schemas with their types. Imports only zod, core/contract.ts and
 * ./labels.ts, so the web imports its types and label tables.
 */
import { z } from 'zod';
import { fileAnswer, isoDate, timestamp } from '../../core/contract.ts';
import { ACTIONS, APPLICATION_STATUSES } from './labels.ts';

export * from './labels.ts';

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} dài quá ${max} ký tự`);
const dateText = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} cần dạng yyyy-mm-dd`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), `${label} không tồn tại`);
const personalId = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'Số định danh cá nhân gồm đúng 12 chữ số');
const email = z
  .string()
  .trim()
  .max(254, 'Thư điện tử dài quá 254 ký tự')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Thư điện tử không đúng dạng (ví dụ ten@example.vn)');
export const applicationCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^DVC-\d{6}-[0-9A-Z]{6}$/, 'Mã hồ sơ có dạng DVC-yymmdd-XXXXXX');

// ---------------------------------------------------------------- catalogue

export const procedureDocument = z.object({
  id: z.string(),
  name: z.string(),
  heldBy: z.string().optional(),
  when: z.string().optional(),
});
export const procedure = z.object({
  id: z.string(),
  nationalCode: z.string().nullable(),
  name: z.string(),
  field: z.string(),
  division: z.string(),
  legalBasis: z.array(z.string()),
  applicants: z.string(),
  documents: z.array(procedureDocument),
  fee: z.string(),
  steps: z.array(z.string()),
  deadline: z.string().nullable(),
  deadlineText: z.string(),
  online: z.enum(['full', 'partial', 'none']),
  result: z.enum(['diploma_copy', 'diploma_correction', 'decision', 'letter']),
});
export type ProcedureInfo = z.infer<typeof procedure>;
export const procedureList = z.object({ items: z.array(procedure) });
export const procedureParams = z.object({ id: z.string().max(64) });

// ---------------------------------------------------------------- applying

export const otpBody = z.object({ email, personalId });
export type OtpBody = z.infer<typeof otpBody>;
export const otpAnswer = z.object({ sent: z.literal(true), expiresInMinutes: z.number() });

/** What the copy procedure asks for: which diploma, how many copies, paper too. */
export const copyDetails = z.object({
  serialNumber: text(40, 'Số hiệu văn bằng'),
  copies: z.coerce.number().int().min(1, 'Ít nhất 1 bản').max(10, 'Tối đa 10 bản mỗi hồ sơ'),
  paper: z.boolean().default(false),
  reason: text(500, 'Lý do đề nghị').default('Bổ sung hồ sơ cá nhân'),
});
export type CopyDetails = z.infer<typeof copyDetails>;

/** What the correction asks for: which diploma, what changes, under which civil-status decision. */
export const correctionDetails = z.object({
  serialNumber: text(40, 'Số hiệu văn bằng'),
  changes: z
    .object({
      fullName: text(120, 'Họ và tên mới').optional(),
      birthDate: dateText('Ngày sinh mới').optional(),
      birthPlace: text(200, 'Nơi sinh mới').optional(),
      gender: z.enum(['male', 'female']).optional(),
      ethnicity: text(60, 'Dân tộc mới').optional(),
    })
    .refine(
      (c) => Object.values(c).some((v) => v !== undefined),
      'Cần ít nhất một nội dung chỉnh sửa',
    ),
  civilDecision: text(300, 'Quyết định thay đổi, cải chính hộ tịch'),
});
export type CorrectionDetails = z.infer<typeof correctionDetails>;

export const applyBody = z.object({
  procedure: z.string().max(64),
  personalId,
  fullName: text(200, 'Họ và tên'),
  birthDate: dateText('Ngày sinh'),
  email,
  otp: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Mã xác nhận gồm 6 chữ số'),
  /** Per procedure (copyDetails for ban-sao-van-bang); free notes otherwise. */
  details: z.record(z.string(), z.unknown()).default({}),
});
export type ApplyBody = z.infer<typeof applyBody>;

export const receipt = z.object({
  code: applicationCode,
  procedure: z.string(),
  receivedAt: timestamp,
  dueDate: isoDate,
});
export type Receipt = z.infer<typeof receipt>;

/** Applicant's access: the application code and its personal id. */
export const applicantQuery = z.object({ code: applicationCode, personalId });
export type ApplicantQuery = z.infer<typeof applicantQuery>;
export const applicantParams = z.object({ code: applicationCode });
export const applicantAuth = z.object({ personalId });

export const eventRow = z.object({
  kind: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  note: z.string().nullable(),
  at: timestamp,
});
export const documentRow = z.object({
  id: z.string(),
  requirement: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
});
export const publicStatus = z.object({
  code: z.string(),
  procedure: z.string(),
  procedureName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  receivedAt: timestamp,
  dueDate: isoDate,
  /** Working days left when the clock stopped for additions. */
  clockStopped: z.boolean(),
  events: z.array(eventRow),
  documents: z.array(documentRow),
  /** A result the applicant downloads (the certified copy, the decision). */
  resultReady: z.boolean(),
  resultNote: z.string().nullable(),
});
export type PublicStatus = z.infer<typeof publicStatus>;

export const uploadAnswer = documentRow;

export const PDF = 'application/pdf';
export const pdfFile = fileAnswer(PDF, 'Tệp PDF');
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const xlsxFile = fileAnswer(XLSX, 'Tệp xlsx');

// ---------------------------------------------------------------- staff

export const listQuery = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
  due: z.enum(['soon', 'overdue']).optional(),
  procedure: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ListQuery = z.infer<typeof listQuery>;

export const applicationRow = z.object({
  id: z.string(),
  code: z.string(),
  procedure: z.string(),
  fullName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  receivedAt: timestamp,
  dueDate: isoDate,
  overdue: z.boolean(),
  version: z.number(),
});
export type ApplicationRow = z.infer<typeof applicationRow>;
export const applicationPage = z.object({
  items: z.array(applicationRow),
  total: z.number(),
  page: z.number(),
});

export const applicationDetail = applicationRow.extend({
  personalId: z.string(),
  birthDate: isoDate,
  email: z.string(),
  details: z.record(z.string(), z.unknown()),
  daysLeft: z.number().nullable(),
  diplomaFound: z.boolean().nullable(),
  events: z.array(eventRow.extend({ actor: z.string() })),
  documents: z.array(documentRow),
  result: z.record(z.string(), z.unknown()).nullable(),
  /** The paper copy asked for: not yet handed over (null when none was asked). */
  paperPending: z.boolean(),
  /** The paper copy's hand-over record. */
  handover: z
    .object({
      copyNumber: z.string(),
      receivedBy: z.string(),
      receiverDocument: z.string().nullable(),
      handedAt: timestamp,
      handedBy: z.string(),
    })
    .nullable(),
  /** The apology letter mailed to the applicant (once). */
  apology: z
    .object({ newDate: isoDate, mailedTo: z.string(), draftedBy: z.string(), draftedAt: timestamp })
    .nullable(),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const actionBody = z.object({
  action: z.enum(ACTIONS),
  note: z.string().trim().max(2000, 'Ghi chú dài quá 2000 ký tự').optional(),
  version: z.number().int().min(1),
});
export type ActionBody = z.infer<typeof actionBody>;

export const statsQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng cần dạng yyyy-mm')
    .optional(),
});
export const statsRow = z.object({
  procedure: z.string(),
  received: z.number(),
  online: z.number(),
  finished: z.number(),
  onTime: z.number(),
  late: z.number(),
  refused: z.number(),
  open: z.number(),
  overdueOpen: z.number(),
  onTimeShare: z.number().nullable(),
  onlineShare: z.number().nullable(),
});
export type StatsRow = z.infer<typeof statsRow>;
/** The same figures summed over the procedures a division handles. */
export const statsDivisionRow = statsRow.omit({ procedure: true }).extend({ division: z.string() });
export type StatsDivisionRow = z.infer<typeof statsDivisionRow>;
export const statsAnswer = z.object({
  month: z.string(),
  rows: z.array(statsRow),
  divisions: z.array(statsDivisionRow),
});
export type StatsAnswer = z.infer<typeof statsAnswer>;

export const apologyBody = z.object({
  reason: text(500, 'Lý do quá hạn'),
  newDate: dateText('Ngày hẹn lại'),
});
export type ApologyBody = z.infer<typeof apologyBody>;

/** The paper copy handed to the applicant (or the person they sent) at the one-stop desk. */
export const handoverBody = z.object({
  receivedBy: text(200, 'Người nhận'),
  /** The receiver's identity paper (number), as the desk checked it. */
  receiverDocument: z
    .string()
    .trim()
    .max(40, 'Số giấy tờ của người nhận dài quá 40 ký tự')
    .optional(),
  version: z.number().int().min(1),
});
export type HandoverBody = z.infer<typeof handoverBody>;
