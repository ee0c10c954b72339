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
export const planStep = z.enum([
  'council',
  'plan',
  'evidence',
  'analysis',
  'rating',
  'report',
  'publish',
  'improve',
]);
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
  /** The analysis sheet's row for it (phiếu xác định nội hàm; version 0: not written). */
  analysis: z.object({
    meaning: z.string(),
    questions: z.string(),
    evidenceNeeded: z.string(),
    sources: z.string(),
    /** Evidence of the cycle's list the row links. */
    evidence: z.array(evidenceRef),
    /** The council member who collects it. */
    collector: z.object({ id, fullName: z.string() }).nullable(),
    version: z.number().int(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  }),
});
export type RequirementView = z.infer<typeof requirementView>;
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

/** A task of the self-assessment plan's timetable. */
export const planTask = z.object({
  id,
  step: planStep,
  /** The criterion it is for (null: the whole cycle). */
  criterionCode: z.string().nullable(),
  title: z.string(),
  /** The council member in charge (null: not given yet, or the member was removed). */
  member: z.object({ id, fullName: z.string(), role: councilRole }).nullable(),
  startsOn: isoDate,
  dueOn: isoDate,
  doneAt: timestamp.nullable(),
  doneBy: z.string().nullable(),
  /** Past its due date (Vietnam's today) and not done. */
  overdue: z.boolean(),
});
export type PlanTask = z.infer<typeof planTask>;

/** A comment of the council on a criterion's text; a reply names its thread's first comment. */
export const textComment = z.object({
  id,
  criterionCode: z.string(),
  parentId: id.nullable(),
  body: z.string(),
  /** The text's version it was written on (0: before any text). */
  textVersion: z.number().int(),
  author: z.string(),
  at: timestamp,
  /** On a thread's first comment: when and by whom the thread was resolved (null: open). */
  resolvedAt: timestamp.nullable(),
  resolvedBy: z.string().nullable(),
});
export type TextComment = z.infer<typeof textComment>;

export const commentBody = z.object({
  criterionCode: text(10),
  body: text(5000),
  /** Reply in this thread (its first comment's id). */
  parentId: text(64).nullable().optional(),
});
export type CommentBody = z.infer<typeof commentBody>;
export const commentParams = z.object({ id: text(64), commentId: text(64) });
export const resolveBody = z.object({ resolved: z.boolean() });

export const textVersionsParams = z.object({ id: text(64), criterionCode: text(10) });
export const textVersion = z.object({
  version: z.number().int(),
  description: z.string(),
  strengths: z.string(),
  weaknesses: z.string(),
  improvementPlan: z.string(),
  savedBy: z.string(),
  savedAt: timestamp,
});
export type TextVersion = z.infer<typeof textVersion>;
export const textVersionList = z.array(textVersion);

/** What a school publishes of its self-assessment, frozen when it publishes. */
export const publishedSummary = z.object({
  campaign: z.string(),
  set: z.string(),
  schoolYear: z.string(),
  /** The school's self-assessed level (by the set's rule) and why not one higher. */
  level: z.number().int(),
  reasons: z.array(z.string()),
  criteria: z.array(z.object({ code: z.string(), name: z.string(), level: z.number().int() })),
});
export type PublishedSummary = z.infer<typeof publishedSummary>;

export const publication = z.object({
  summary: publishedSummary,
  note: z.string(),
  publishedBy: z.string(),
  publishedAt: timestamp,
  /** The cycle changed since (the published result is the earlier one). */
  outdated: z.boolean(),
});
export const publishBody = z.object({
  /** Where and how it is published (notice board, website…). */
  note: text(2000).default(''),
});
export type PublishBody = z.infer<typeof publishBody>;

export const publicResultsQuery = z.object({ schoolCode: text(32) });
export const publicResult = z.object({
  school: z.object({ code: z.string(), name: z.string() }),
  summary: publishedSummary,
  note: z.string(),
  publishedAt: timestamp,
  /** The recognition decision on that cycle, if one was made. */
  recognition: z
    .object({
      accreditationLevel: z.number().int(),
      nationalStandardLevel: z.number().int(),
      decision: z.string(),
      decidedOn: isoDate,
      validUntil: isoDate,
    })
    .nullable(),
});
export type PublicResult = z.infer<typeof publicResult>;
export const publicResultList = z.array(publicResult);

export const cycleEvent = z.object({
  kind: z.enum(['submitted', 'returned', 'accepted', 'recognised']),
  comment: z.string().nullable(),
  actor: z.string(),
  at: timestamp,
});

/**
 * Mức 4's own list of criteria for a set (TT 17/18/19-2018): the department's
 * entered text where there is one, else the set's placeholders (text null).
 */
export const levelFourView = z.object({
  setId: z.string(),
  level: z.number().int(),
  article: z.string(),
  confirmed: z.boolean(),
  note: z.string(),
  /** 0: nothing entered yet (placeholders). */
  version: z.number().int(),
  source: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  criteria: z.array(z.object({ code: z.string(), text: z.string().nullable() })),
});
export type LevelFourView = z.infer<typeof levelFourView>;

/** One saved version of a set's Mức 4 list: its source, who saved it and when, the criteria then. */
export const levelFourVersion = z.object({
  version: z.number().int(),
  source: z.string(),
  savedBy: z.string(),
  savedAt: timestamp,
  criteria: z.array(z.object({ code: z.string(), text: z.string() })),
});
export type LevelFourVersion = z.infer<typeof levelFourVersion>;
export const levelFourVersionList = z.array(levelFourVersion);

/** The department's import: one criterion a line ("1. …" or "1<tab>…"), the whole list replaced. */
export const levelFourImportBody = z.object({
  /** Where the text was read (the circular, its article). */
  source: text(500),
  lines: text(100_000),
  version: z.number().int().min(0).max(2_147_483_647),
});
export type LevelFourImportBody = z.infer<typeof levelFourImportBody>;
export const setParams = z.object({ setId: text(50) });

export const levelFourRatingBody = z.object({
  code: text(10),
  met: z.boolean(),
  justification: text(5000),
});
export type LevelFourRatingBody = z.infer<typeof levelFourRatingBody>;

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
  /**
   * Mức 4 (null: the set has none): the list with the school's ratings;
   * `open` once the school is at the level below, when it may rate them.
   */
  levelFour: levelFourView
    .extend({
      open: z.boolean(),
      criteria: z.array(
        z.object({
          code: z.string(),
          text: z.string().nullable(),
          met: z.boolean().nullable(),
          justification: z.string(),
          evidence: z.array(evidenceRef),
          /** The external team's rating (null until it rates the criterion). */
          external: z
            .object({ met: z.boolean(), comment: z.string(), ratedBy: z.string() })
            .nullable(),
          /** The team's rating differs from the school's. */
          differs: z.boolean(),
        }),
      ),
    })
    .nullable(),
  /** The school's level by the external team's criterion levels (null until it rates any). */
  externalEvaluation: evaluation.nullable(),
  members: z.array(member),
  /** The council's comments on the criteria's texts, oldest first. */
  comments: z.array(textComment),
  /** The result the school published (null: not published, or withdrawn). */
  publication: publication.nullable(),
  /** The plan's timetable, by start date. */
  plan: z.array(planTask),
  evidence: z.array(evidenceItem),
  events: z.array(cycleEvent),
  frozenData: z.unknown().nullable(),
  /** sogd's figures as they are now, offered until submission freezes them (null once frozen). */
  liveFigures: z.unknown().nullable(),
  canAssess: z.boolean(),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
  /** The school's principal lays out the plan (until the cycle is accepted). */
  canPlan: z.boolean(),
  /** The school's council members mark the plan's tasks done. */
  canTrack: z.boolean(),
  /** The school's principal publishes (or withdraws) the result. */
  canPublish: z.boolean(),
  /** The school's council members comment on the texts (while the school works on it). */
  canComment: z.boolean(),
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

export const planTaskBody = z.object({
  step: planStep,
  criterionCode: text(10).nullable().optional(),
  /** Default: the step's name (and the criterion). */
  title: text(500).optional(),
  memberId: text(64).nullable().optional(),
  /** dd/mm/yyyy or yyyy-mm-dd. */
  startsOn: text(20),
  dueOn: text(20),
});
export type PlanTaskBody = z.infer<typeof planTaskBody>;
export const planTaskDoneBody = z.object({ done: z.boolean() });
export const planTaskParams = z.object({ id: text(64), taskId: text(64) });

export const analysisBody = z.object({
  requirementCode: text(30),
  /** Nội hàm: what the requirement asks, in the school's words. */
  meaning: text(10_000),
  /** Câu hỏi đặt ra. */
  questions: text(10_000),
  /** Minh chứng cần thu thập. */
  evidenceNeeded: text(10_000),
  /** Nơi thu thập. */
  sources: text(5_000),
  /** Evidence of the cycle's list it needs (ids; linked, never copied). */
  evidenceIds: z.array(text(64)).max(200).default([]),
  /** Người thu thập: a member of the cycle's council. */
  collectorMemberId: text(64).nullable().default(null),
  /** The version the form was loaded with (0: none yet); a stale one is refused. */
  version: z.number().int().min(0).max(2_147_483_647),
});
export type AnalysisBody = z.infer<typeof analysisBody>;

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
  /**
   * The version the form was loaded with (0: no text yet). Required: a save
   * from a stale form is refused (409) rather than overwriting a concurrent one.
   */
  version: z.number().int().min(0).max(2_147_483_647),
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

/** The external team's rating of one Mức 4 criterion (TT 17/18/19-2018's separate list). */
export const externalLevelFourBody = z.object({
  code: text(10),
  met: z.boolean(),
  comment: text(5000).default(''),
});
export type ExternalLevelFourBody = z.infer<typeof externalLevelFourBody>;

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
