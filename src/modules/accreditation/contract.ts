/**
 * The accreditation module's HTTP boundary: request and answer schemas
 * (zod, core/contract.ts and labels.ts only: the web imports the types).
 */
import { z } from 'zod';
import {
  fileAnswer,
  id,
  isoDate,
  pageQuery,
  paged,
  schoolLevel,
  schoolYear,
  timestamp,
  unitRef,
  versionField,
} from '../../core/contract.ts';

const text = (max: number) => z.string().max(max);

export const cycleStatus = z.enum([
  'not_started',
  'in_progress',
  'submitted',
  'returned',
  'accepted',
]);
export const councilRole = z.enum(['chair', 'vice_chair', 'secretary', 'member']);
export const setConfidence = z.enum(['confirmed', 'partly_confirmed', 'unconfirmed']);

export const setSummary = z.object({
  id: z.string(),
  name: z.string(),
  legalBasis: z.array(z.string()),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  schoolLevels: z.array(schoolLevel),
  source: z.string(),
  confidence: setConfidence,
  confidenceNote: z.string(),
  standards: z.number().int(),
  criteria: z.number().int(),
  criterionLevels: z.number().int(),
  rules: z.array(
    z.object({ level: z.number().int(), article: z.string(), confirmed: z.boolean() }),
  ),
});
export type SetSummary = z.infer<typeof setSummary>;
export const setList = z.array(setSummary);

export const campaignBody = z.object({
  name: text(300),
  setId: text(50),
  schoolYear,
  /** Default [Hn.a.bc.de]. */
  evidenceFormat: text(40).optional(),
});
export type CampaignBody = z.infer<typeof campaignBody>;

export const campaign = z.object({
  id,
  name: z.string(),
  set: setSummary,
  schoolYear: z.string(),
  evidenceFormat: z.string(),
  unit: unitRef,
  createdAt: timestamp,
});
export type Campaign = z.infer<typeof campaign>;
export const campaignList = z.array(campaign);

export const progressQuery = z.object({
  status: cycleStatus.optional(),
  ...pageQuery(100, 2000),
});
export const progressRow = z.object({
  school: unitRef,
  status: cycleStatus,
  cycleId: id.nullable(),
  submittedAt: timestamp.nullable(),
});
export const progressPage = paged(progressRow).extend({
  campaign,
  counts: z.record(cycleStatus, z.number().int()),
});
export type ProgressPage = z.infer<typeof progressPage>;

export const openCycleBody = z.object({ campaignId: text(64), schoolId: text(64) });

export const evaluation = z.object({
  level: z.number().int(),
  reasons: z.array(z.string()),
  articles: z.array(z.string()),
  confirmed: z.boolean(),
});
export type Evaluation = z.infer<typeof evaluation>;

export const evidenceRef = z.object({ id, code: z.string() });
export const requirementView = z.object({
  code: z.string(),
  level: z.number().int(),
  letter: z.string(),
  text: z.string(),
  met: z.boolean().nullable(),
  justification: z.string(),
  evidence: z.array(evidenceRef),
});
export const criterionText = z.object({
  description: z.string(),
  strengths: z.string(),
  weaknesses: z.string(),
  improvementPlan: z.string(),
  version: z.number().int(),
});
export type CriterionText = z.infer<typeof criterionText>;
export const criterionView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  assignedTo: z.array(z.string()),
  requirements: z.array(requirementView),
  text: criterionText,
  /** The external review team's level and comment (null until it rates). */
  external: z
    .object({ level: z.number().int(), comment: z.string(), ratedBy: z.string() })
    .nullable(),
  /** The team's level differs from the school's. */
  differs: z.boolean(),
});
export type CriterionView = z.infer<typeof criterionView>;

export const member = z.object({
  id,
  fullName: z.string(),
  position: z.string().nullable(),
  role: councilRole,
  criteria: z.array(z.string()),
});
export type Member = z.infer<typeof member>;

export const evidenceItem = z.object({
  id,
  code: z.string(),
  title: z.string(),
  issuer: z.string().nullable(),
  issuedOn: isoDate.nullable(),
  kind: z.enum(['file', 'link']),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  sha256: z.string().nullable(),
  url: z.string().nullable(),
  criterionCode: z.string(),
  /** Criteria whose ratings cite it (it is stored once). */
  citedBy: z.array(z.string()),
});
export type EvidenceItem = z.infer<typeof evidenceItem>;

export const cycleEvent = z.object({
  kind: z.enum(['submitted', 'returned', 'accepted', 'recognised']),
  comment: z.string().nullable(),
  actor: z.string(),
  at: timestamp,
});

export const cycleDetail = z.object({
  id,
  campaign,
  school: unitRef,
  status: cycleStatus,
  version: z.number().int(),
  standards: z.array(
    z.object({ code: z.string(), name: z.string(), criteria: z.array(criterionView) }),
  ),
  evaluation,
  /** The school's level by the external team's criterion levels (null until it rates any). */
  externalEvaluation: evaluation.nullable(),
  members: z.array(member),
  evidence: z.array(evidenceItem),
  events: z.array(cycleEvent),
  frozenData: z.unknown().nullable(),
  /** sogd's figures as they are now, offered until submission freezes them (null once frozen). */
  liveFigures: z.unknown().nullable(),
  canAssess: z.boolean(),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
  /** Reviewers see the files and paragraphs found in other schools' cycles. */
  canSeeCopies: z.boolean(),
});
export type CycleDetail = z.infer<typeof cycleDetail>;

export const memberBody = z.object({
  fullName: text(200),
  position: text(200).nullable().optional(),
  role: councilRole,
  criteria: z.array(text(10)).max(100).default([]),
});
export type MemberBody = z.infer<typeof memberBody>;

export const ratingBody = z.object({
  requirementCode: text(30),
  met: z.boolean(),
  justification: text(10_000),
});
export type RatingBody = z.infer<typeof ratingBody>;

export const criterionTextBody = z.object({
  criterionCode: text(10),
  description: text(50_000),
  strengths: text(20_000),
  weaknesses: text(20_000),
  improvementPlan: text(20_000),
  version: versionField,
});
export type CriterionTextBody = z.infer<typeof criterionTextBody>;

export const linkEvidenceBody = z.object({
  title: text(500),
  criterionCode: text(10),
  box: z.number().int().min(1).max(99).optional(),
  issuer: text(300).nullable().optional(),
  issuedOn: text(20).nullable().optional(),
  url: text(2000),
});
export type LinkEvidenceBody = z.infer<typeof linkEvidenceBody>;

export const cycleParams = z.object({ id: text(64) });
export const evidenceParams = z.object({ id: text(64), evidenceId: text(64) });

export const externalRatingBody = z.object({
  criterionCode: text(10),
  level: z.number().int().min(0).max(9),
  comment: text(5000).default(''),
});
export type ExternalRatingBody = z.infer<typeof externalRatingBody>;

export const reviewBody = z.object({ comment: text(10_000).default(''), version: versionField });
export type ReviewBody = z.infer<typeof reviewBody>;

export const recognitionBody = z.object({
  level: z.number().int().min(1).max(4),
  decision: text(200),
  /** dd/mm/yyyy or yyyy-mm-dd. */
  decidedOn: text(20),
});
export type RecognitionBody = z.infer<typeof recognitionBody>;
export const recognition = z.object({
  cycleId: id,
  school: unitRef,
  accreditationLevel: z.number().int(),
  nationalStandardLevel: z.number().int(),
  decision: z.string(),
  decidedOn: isoDate,
  validUntil: isoDate,
});
export type Recognition = z.infer<typeof recognition>;
export const recognitionList = z.array(recognition);

export const copyFindings = z.object({
  identicalFiles: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      otherSchool: unitRef,
      otherCode: z.string(),
    }),
  ),
  copiedParagraphs: z.array(
    z.object({
      criterionCode: z.string(),
      otherSchool: unitRef,
      otherCriterionCode: z.string(),
      /** Share of the paragraph's word shingles found in the other school's text (0–1). */
      similarity: z.number(),
      excerpt: z.string(),
    }),
  ),
});
export type CopyFindings = z.infer<typeof copyFindings>;

export const reportQuery = z.object({ format: z.enum(['docx', 'pdf']).default('docx') });
export const reportFile = fileAnswer(
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'Báo cáo tự đánh giá (DOCX hoặc PDF)',
);
export const evidenceFile = fileAnswer('application/octet-stream', 'Tệp minh chứng');
