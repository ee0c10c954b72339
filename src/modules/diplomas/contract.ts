/**
 * The HTTP boundary of the diplomas module: the Zod schemas of every request
 * and answer of its routes, their types, and the label tables the server and
 * the web share. Imports only zod and the shared pieces, so the web imports
 * the types (type-only); the labels it re-exports live in ./labels.ts.
 */
import { z } from 'zod';
import {
  gender,
  id,
  idParams,
  isoDate,
  paged,
  schoolYear,
  timestamp,
} from '../../core/contract.ts';
import { checkVietnameseDate } from '../../lib/dates.ts';
import { checkEthnicGroup } from '../../lib/ethnic-groups.ts';
import { DIPLOMA_EVENT_KINDS, DIPLOMA_STATUSES, DIPLOMA_TYPES } from './labels.ts';

export { idParams };

// ---- Labels (one place for server and web: ./labels.ts, plain data) ----

export { DIPLOMA_EVENT_LABELS, DIPLOMA_TYPE_LABELS, DIPLOMA_TYPES, TYPE_CODE } from './labels.ts';

export const diplomaType = z.enum(DIPLOMA_TYPES);
export type DiplomaType = z.infer<typeof diplomaType>;

export const diplomaStatus = z.enum(DIPLOMA_STATUSES);
export type DiplomaStatus = z.infer<typeof diplomaStatus>;

export const diplomaEventKind = z.enum(DIPLOMA_EVENT_KINDS);
export type DiplomaEventKind = z.infer<typeof diplomaEventKind>;

// ---- Request pieces ----

/**
 * A calendar date as people type it, dd/mm/yyyy (or yyyy-mm-dd as machines
 * send it); gives yyyy-mm-dd. A wrong one says which field, and whether it is
 * of the wrong shape or a day not in the calendar ("31/02/2024").
 */
export const vnDate = (label: string) =>
  z
    .string()
    .max(40)
    .transform((s, ctx) => {
      const r = checkVietnameseDate(s, label);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return r.iso;
    });

/**
 * An ethnic group: one of the 54 (or "Người nước ngoài"), usual spellings
 * accepted and given under the list's name; blank is null, absent stays
 * absent (a correction leaves the field as it is).
 */
const ethnicGroup = z
  .string()
  .max(60)
  .nullable()
  .transform((s, ctx) => {
    if (s === null || !s.trim()) return null;
    const r = checkEthnicGroup(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.group.name;
  })
  .optional();

const signer = {
  signerName: z.string().trim().min(1).max(120),
  signerTitle: z.string().trim().min(1).max(120),
};

// ---- Public routes ----

export const lookupQuery = z.object({
  serial: z.string().trim().max(40).optional(),
  registerNumber: z.string().trim().max(40).optional(),
  fullName: z.string().trim().min(2).max(120),
  birthDate: vnDate('Ngày sinh'),
});
export type LookupQuery = z.infer<typeof lookupQuery>;

/**
 * What the public lookup shows of a diploma (DESIGN: public answers never
 * carry an identity number or a date of birth in full, so neither the birth
 * date nor the signed credential, which holds it, is listed).
 */
export const publicDiploma = z.object({
  fullName: z.string(),
  diplomaType,
  schoolName: z.string(),
  graduationYear: z.number().int(),
  serialNumber: z.string(),
  status: diplomaStatus,
});
export type PublicDiploma = z.infer<typeof publicDiploma>;

export const lookupAnswer = z.object({
  found: z.boolean(),
  diplomas: z.array(publicDiploma),
});
export type LookupAnswer = z.infer<typeof lookupAnswer>;

export const statusParams = z.object({ code: z.string().max(32) });

/** A signed W3C credential (JSON-LD, Data Integrity proof): passed through whole. */
export const signedCredential = z
  .looseObject({
    '@context': z.array(z.unknown()),
    type: z.array(z.string()),
    proof: z.looseObject({ type: z.string(), proofValue: z.string() }),
  })
  .describe('Chứng chỉ số W3C đã ký (eddsa-jcs-2022)');
export type SignedCredential = z.infer<typeof signedCredential>;

export const publicKey = z.object({
  kid: z.string(),
  did: z.string(),
  publicKeyMultibase: z.string(),
  createdAt: timestamp,
  retiredAt: timestamp.nullable(),
});
export type PublicKey = z.infer<typeof publicKey>;
export const publicKeys = z.array(publicKey);

const verificationMethod = z.object({
  id: z.string(),
  type: z.literal('Multikey'),
  controller: z.string(),
  publicKeyMultibase: z.string(),
});
export const didDocument = z.object({
  '@context': z.array(z.string()),
  id: z.string(),
  alsoKnownAs: z.array(z.string()),
  verificationMethod: z.array(verificationMethod),
  assertionMethod: z.array(z.string()),
});
export type DidDocument = z.infer<typeof didDocument>;

// ---- Back office: requests ----

export const listQuery = z.object({
  authorityId: z.string().max(64),
  q: z.string().max(120).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListQuery = z.infer<typeof listQuery>;

export const registerPdfQuery = z.object({
  authorityId: z.string().max(64),
  year: z.coerce.number().int().min(1950).max(2100).optional(),
});

export const copyParams = z.object({ id: z.string().max(64), eventId: z.string().max(64) });

export const graduateEntry = z.object({
  fullName: z.string().trim().min(2).max(120),
  birthDate: vnDate('Ngày sinh'),
  birthPlace: z.string().max(200).nullable().optional(),
  gender,
  ethnicity: ethnicGroup,
  schoolName: z.string().trim().min(1).max(200),
  examCouncil: z.string().max(200).nullable().optional(),
  graduationYear: z.number().int().min(1950).max(2100),
  decisionNumber: z.string().trim().min(1).max(60),
  decisionDate: vnDate('Ngày quyết định'),
  notes: z.string().max(500).nullable().optional(),
});

export const issueBody = z.object({
  authorityId: z.string().max(64),
  diplomaType,
  issueDate: vnDate('Ngày cấp'),
  ...signer,
  entries: z.array(graduateEntry).min(1).max(5000),
});
export type IssueBody = z.infer<typeof issueBody>;

export const importQuery = z.object({
  authorityId: z.string().max(64),
  diplomaType,
  issueDate: vnDate('Ngày cấp'),
  ...signer,
  dryRun: z.enum(['0', '1']).default('1'),
});
export type ImportQuery = z.input<typeof importQuery>;

export const issueFromStudentsBody = z.object({
  authorityId: z.string().max(64),
  schoolId: z.string().max(64),
  schoolYear,
  diplomaType,
  graduationYear: z.number().int().min(1950).max(2100),
  decisionNumber: z.string().trim().min(1).max(60),
  decisionDate: vnDate('Ngày quyết định'),
  issueDate: vnDate('Ngày cấp'),
  ...signer,
  /** The students chosen on the preview; omitted, every final-grade student without one. */
  studentIds: z.array(id).min(1).max(5000).optional(),
});
export type IssueFromStudentsBody = z.infer<typeof issueFromStudentsBody>;

export const decision = z.object({
  decisionNumber: z.string().trim().min(1).max(60),
  decisionDate: vnDate('Ngày quyết định'),
  reason: z.string().trim().min(1).max(500),
});
export type Decision = z.infer<typeof decision>;

export const correction = z.object({
  fullName: z.string().trim().min(2).max(120).optional(),
  birthDate: vnDate('Ngày sinh').optional(),
  birthPlace: z.string().max(200).nullable().optional(),
  gender: gender.optional(),
  ethnicity: ethnicGroup,
});
export type DiplomaCorrection = z.infer<typeof correction>;
export const correctBody = decision.extend({ changes: correction });
export type CorrectBody = z.infer<typeof correctBody>;

export const copyBody = z.object({
  requester: z.string().trim().min(2).max(120),
  copies: z.number().int().min(1).max(20),
  reason: z.string().trim().min(1).max(300),
});
export type CopyBody = z.infer<typeof copyBody>;

// ---- Back office: answers ----

export const diplomaSummary = z.object({
  id,
  fullName: z.string(),
  birthDate: isoDate,
  diplomaType,
  schoolName: z.string(),
  graduationYear: z.number().int(),
  serialNumber: z.string(),
  registerNumber: z.string(),
  issueDate: isoDate,
  status: diplomaStatus,
});
export type DiplomaSummary = z.infer<typeof diplomaSummary>;

export const diplomaPage = paged(diplomaSummary);
export type DiplomaPage = z.infer<typeof diplomaPage>;

export const diplomaEvent = z.object({
  id,
  kind: diplomaEventKind,
  at: timestamp,
  decisionNumber: z.string().nullable(),
  decisionDate: isoDate.nullable(),
  reason: z.string().nullable(),
  /** Values before a correction or revocation. */
  before: z.record(z.string(), z.unknown()).nullable(),
  /** Values after; a copy's copy-book number, requester and count. */
  after: z.looseObject({ copyNumber: z.string().optional() }).nullable(),
});
export type DiplomaEvent = z.infer<typeof diplomaEvent>;

/** One register entry with its history, for those who may read the register. */
export const diplomaDetail = diplomaSummary.extend({
  authorityId: id,
  birthPlace: z.string().nullable(),
  gender,
  ethnicity: z.string().nullable(),
  examCouncil: z.string().nullable(),
  decisionNumber: z.string(),
  decisionDate: isoDate,
  signerName: z.string(),
  signerTitle: z.string(),
  notes: z.string().nullable(),
  credential: signedCredential,
  qr: z.string(),
  history: z.array(diplomaEvent),
});
export type DiplomaDetail = z.infer<typeof diplomaDetail>;

export const issuedDiploma = z.object({
  id,
  fullName: z.string(),
  serialNumber: z.string(),
  registerNumber: z.string(),
});
export type IssuedDiploma = z.infer<typeof issuedDiploma>;
export const issuedDiplomas = z.array(issuedDiploma);

export const issueFromStudentsAnswer = z.object({
  issued: z.array(issuedDiploma),
  skipped: z.number().int(),
});
export type IssueFromStudentsAnswer = z.infer<typeof issueFromStudentsAnswer>;

export const graduateImportResult = z.object({
  summary: z.object({
    rows: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
    ms: z.number(),
  }),
  errorList: z.array(
    z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() }),
  ),
  unknownColumns: z.array(z.string()),
  issued: z.array(
    z.object({ fullName: z.string(), serialNumber: z.string(), registerNumber: z.string() }),
  ),
});
export type GraduateImportResult = z.infer<typeof graduateImportResult>;

// ---- Graduation list preview ----

export const graduatesQuery = z.object({
  authorityId: z.string().max(64),
  schoolId: z.string().max(64),
  schoolYear,
  diplomaType,
});
export type GraduatesQuery = z.infer<typeof graduatesQuery>;

export const graduateCandidate = z.object({
  id,
  fullName: z.string(),
  birthDate: isoDate,
  birthPlace: z.string().nullable(),
  gender,
  ethnicity: z.string().nullable(),
  schoolName: z.string(),
  /** Already holds a diploma of this type: never a second original. */
  holds: z.boolean(),
});
export type GraduateCandidate = z.infer<typeof graduateCandidate>;
export const graduatesAnswer = z.object({ students: z.array(graduateCandidate) });
export type GraduatesAnswer = z.infer<typeof graduatesAnswer>;

// ---- Blank forms (phôi văn bằng) ----

export const blanksQuery = z.object({ authorityId: z.string().max(64) });

/** A serial printed on a blank form: letters (a series), then its number. */
const blankSerial = z
  .string()
  .trim()
  .max(24)
  .regex(/^[^\s\d]*\d{1,9}$/, 'Số hiệu phôi cần dạng chữ cái rồi chữ số, ví dụ A0012345');

export const receiveBlanksBody = z.object({
  authorityId: z.string().max(64),
  diplomaType,
  firstSerial: blankSerial,
  lastSerial: blankSerial,
  receivedOn: vnDate('Ngày nhận'),
  /** The delivery note or decision the forms came with. */
  reference: z.string().trim().min(1).max(120),
  notes: z.string().trim().max(500).nullable().optional(),
});
export type ReceiveBlanksBody = z.input<typeof receiveBlanksBody>;

export const spoilBlankBody = z.object({
  authorityId: z.string().max(64),
  serial: blankSerial,
  reason: z.string().trim().min(3).max(300),
});
export type SpoilBlankBody = z.input<typeof spoilBlankBody>;

export const blankRange = z.object({
  id,
  diplomaType,
  firstSerial: z.string(),
  lastSerial: z.string(),
  receivedOn: isoDate,
  reference: z.string(),
  count: z.number().int(),
  issued: z.number().int(),
  spoiled: z.number().int(),
});
export type BlankRange = z.infer<typeof blankRange>;

export const blankStock = z.object({
  types: z.array(
    z.object({
      diplomaType,
      received: z.number().int(),
      issued: z.number().int(),
      spoiled: z.number().int(),
      remaining: z.number().int(),
      /** The form the next diploma is printed on; null when none is left. */
      next: z.string().nullable(),
    }),
  ),
  ranges: z.array(blankRange),
  spoiledForms: z.array(
    z.object({ serial: z.string(), diplomaType, reason: z.string(), at: timestamp }),
  ),
});
export type BlankStock = z.infer<typeof blankStock>;
