/**
 * The HTTP boundary of admissions campaigns (docs/formats/admissions-campaign.md
 * for the public part, which outside tools rely on): request and answer
 * schemas and their types. Imports only zod and core/contract.ts.
 */
import { z } from 'zod';
import { id, isoDate, schoolYear, timestamp, unitRef } from '../../core/contract.ts';

/** A program id as admissions-allocation.md allows it. */
export const programId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'Mã chương trình gồm 1–64 chữ cái, chữ số, "-", "_", "."');

/** Points with at most 2 decimals (rank penalty, scores). */
const points = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'Tối đa 2 chữ số thập phân');

export const tiePolicy = z.enum(['admit-all', 'tiebreak']);
export const campaignStatus = z.enum(['open', 'allocated', 'published']);
export type CampaignStatus = z.infer<typeof campaignStatus>;

/** How a seat was obtained: the allocation, the top-up round, direct admission, the specialised stage. */
export const admissionRound = z.enum(['main', 'top_up', 'direct', 'specialised']);

/**
 * An entry-grade campaign's rules (grade 1, grade 6; entry/rules.ts): the
 * commune's priority order among in-catchment children, the published
 * lottery seed, and whether children left without a seat are offered the
 * nearest school of their commune with seats.
 */
export const entryCriterion = z.enum(['permanent-residence', 'sibling', 'distance']);
/** A document the family may be asked to upload (entry/rules.ts ENTRY_DOCUMENTS). */
export const entryDocumentKind = z.enum(['residence', 'birth-certificate', 'primary-record']);
export const entryRules = z.object({
  order: z.array(entryCriterion).max(3),
  seed: z.number().int().min(0).max(2_147_483_647),
  overflowInCommune: z.boolean(),
  /** The documents the family uploads with the application; none when empty or absent. */
  documents: z.array(entryDocumentKind).max(3).optional(),
});
export type EntryRulesInput = z.infer<typeof entryRules>;

/**
 * A change of an entry campaign's rules (entry/edit-rules.ts): the whole set
 * as the form shows it, the version the form loaded, and the reason (needed
 * once registration has opened; the history shows it).
 */
export const entryRulesEditBody = z.object({
  order: entryRules.shape.order,
  seed: entryRules.shape.seed,
  overflowInCommune: z.boolean(),
  documents: z.array(entryDocumentKind).max(3),
  reason: z.string().trim().max(1000, 'Lý do thay đổi tối đa 1.000 ký tự.').nullable().optional(),
  version: z.number().int().min(1),
});
export type EntryRulesEditInput = z.infer<typeof entryRulesEditBody>;

/** One recorded change of the rules; `by` is null on the public page. */
export const entryRulesChange = z.object({
  id,
  at: timestamp,
  by: z.string().nullable(),
  before: entryRules,
  after: entryRules,
  reason: z.string().nullable(),
  /** Made after registration opened (families had registered under `before`). */
  afterOpening: z.boolean(),
  /** The campaign's version the change produced. */
  version: z.number().int(),
});
export type EntryRulesChange = z.infer<typeof entryRulesChange>;
export const entryRulesHistory = z.array(entryRulesChange);
export type EntryRulesHistory = z.infer<typeof entryRulesHistory>;

export const campaignParams = z.object({ id: z.string().max(64) });
export const publicParams = z.object({ campaign: z.string().max(64) });

// ---- Staff ----

export const createCampaignBody = z.object({
  name: z.string().trim().min(1).max(200),
  schoolYear,
  /** 10, or an entry grade: 1 or 6 (tuyển sinh đầu cấp, issue #15). */
  grade: z
    .number()
    .int()
    .refine((g) => g === 1 || g === 6 || g === 10, 'Lớp tuyển sinh: 1, 6 hoặc 10.')
    .default(10),
  /** Entry grades only: defaults to permanent residence, sibling, distance; a random seed; overflow on. */
  entryRules: entryRules.partial().optional(),
  /**
   * Entry grades only: the schools taking part, each becoming a program (its
   * id the school's code) with 0 seats until the seats editor sets them.
   */
  schoolIds: z.array(z.uuid('Mã trường không hợp lệ.')).max(2_000).optional(),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  confirmBy: z.iso.datetime({ offset: true }).nullable().optional(),
  maxPreferences: z.number().int().min(1).max(10).default(3),
  rankPenalty: points(100).default(0),
  ties: tiePolicy.default('admit-all'),
  /** Zones: preferences 1..zoneRanks must be programs of the candidate's zone; null: no zones. */
  zoneRanks: z.number().int().min(1).max(10).nullable().optional(),
  /** The change window: registration ends, counts are published, changes from changeOpensAt. */
  firstClosesAt: z.iso.datetime({ offset: true }).nullable().optional(),
  changeOpensAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type CreateCampaignInput = z.input<typeof createCampaignBody>;

export const campaignSummary = z.object({
  id,
  name: z.string(),
  schoolYear: z.string(),
  grade: z.number().int(),
  opensAt: timestamp,
  closesAt: timestamp,
  confirmBy: timestamp.nullable(),
  maxPreferences: z.number().int(),
  rankPenalty: z.number(),
  ties: tiePolicy,
  status: campaignStatus,
  unit: unitRef,
  version: z.number().int(),
  zoneRanks: z.number().int().nullable(),
  firstClosesAt: timestamp.nullable(),
  changeOpensAt: timestamp.nullable(),
  /** The specialised stage (stages.ts): null until allocated, then allocated, published. */
  specialisedStatus: z.enum(['allocated', 'published']).nullable().optional(),
  specialisedConfirmBy: timestamp.nullable().optional(),
  /** Entry grades (1, 6): the rules; null for grade 10. */
  entryRules: entryRules.nullable().optional(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;
export const campaignList = z.array(campaignSummary);

/**
 * A change to a campaign. Its rules (dates, preferences, D, ties, zones, the
 * change window) are frozen once it opens: a change after `opensAt` is
 * refused with 409; the name and the confirmation deadline stay editable.
 */
export const updateCampaignBody = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
  confirmBy: z.iso.datetime({ offset: true }).nullable().optional(),
  maxPreferences: z.number().int().min(1).max(10).optional(),
  rankPenalty: points(100).optional(),
  ties: tiePolicy.optional(),
  zoneRanks: z.number().int().min(1).max(10).nullable().optional(),
  firstClosesAt: z.iso.datetime({ offset: true }).nullable().optional(),
  changeOpensAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type UpdateCampaignInput = z.infer<typeof updateCampaignBody>;

export const programRow = z.object({
  program: z.string(),
  schoolCode: z.string(),
  schoolName: z.string(),
  quota: z.number().int(),
  admitted: z.number().int().nullable(),
  cutoff: z.number().nullable(),
  zone: z.string().nullable(),
  /** Seats taken by direct admission (tuyển thẳng) before the allocation. */
  direct: z.number().int(),
  /** How many more would reach it with a cutoff 0.25, 0.5, 1 point lower. */
  whatIf: z.array(z.number().int()).nullable(),
  /** Its stage: specialised and integrated programs are allocated first (stages.ts). */
  track: z.enum(['regular', 'specialised', 'integrated']).optional(),
});
export type ProgramRow = z.infer<typeof programRow>;

export const campaignDetail = campaignSummary.extend({
  programs: z.array(programRow),
  candidates: z.number().int(),
  registered: z.number().int(),
  scored: z.number().int(),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

export const programsBody = z.object({
  rows: z
    .array(
      z.object({
        program: z.string().max(200),
        schoolCode: z.string().max(200),
        quota: z.union([z.number(), z.string().max(20)]),
        /** Optional: the tuyển sinh zone of the school (for zoned campaigns). */
        zone: z.string().max(32).optional(),
        /** Optional: regular (default), specialised (chuyên) or integrated (tích hợp). */
        track: z.string().max(40).optional(),
        /** Entry grades: 1 for a school outside zoning (takes applications from anywhere). */
        unzoned: z.union([z.boolean(), z.string().max(10)]).optional(),
        /** Entry grades: the school's number of entry-grade classes (empty: unchanged). */
        classes: z.union([z.number(), z.string().max(20)]).optional(),
      }),
    )
    .max(10_000),
});
export type ProgramsInput = z.infer<typeof programsBody>;

export const rowProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type RowProblem = z.infer<typeof rowProblem>;

/** The summary line of programs and scores imports (the CLI prints the same). */
export const importSummary = z.object({
  rows: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.number().int(),
  ms: z.number(),
  problems: z.array(rowProblem),
  /**
   * Entry grades: rows saved but worth a look (seats above classes × the
   * maximum class size, entry/class-size.ts).
   */
  warnings: z.array(rowProblem).optional(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const scoresBody = z.object({
  rows: z
    .array(
      z.object({
        code: z.string().max(200),
        score: z.union([z.number(), z.string().max(20)]),
        /** Optional: the candidate's score for this program only (a specialised program's weighting). */
        program: z.string().max(200).optional(),
      }),
    )
    .max(200_000),
});
export type ScoresInput = z.infer<typeof scoresBody>;

/** Candidates' zones (khu vực tuyển sinh, by residence): code, zone. */
export const zonesBody = z.object({
  rows: z.array(z.object({ code: z.string().max(200), zone: z.string().max(200) })).max(200_000),
});
export type ZonesInput = z.infer<typeof zonesBody>;

/** Direct admission (tuyển thẳng) list: the candidate, the program, the legal basis. */
export const directBody = z.object({
  rows: z
    .array(
      z.object({
        code: z.string().max(200),
        program: z.string().max(200),
        basis: z.string().max(500),
      }),
    )
    .max(10_000),
});
export type DirectInput = z.infer<typeof directBody>;

export const slip = z.object({
  code: z.string(),
  pin: z.string(),
  studentCode: z.string(),
  fullName: z.string(),
  schoolCode: z.string(),
});
export type Slip = z.infer<typeof slip>;
export const issueAnswer = z.object({
  issued: z.number().int(),
  existing: z.number().int(),
  slips: z.array(slip),
});
export type IssueAnswer = z.infer<typeof issueAnswer>;

/** A free candidate (thí sinh tự do: not in the registry), recorded by a lower-secondary school. */
export const freeCandidateBody = z.object({
  fullName: z.string().trim().min(1).max(200),
  birthDate: isoDate,
  /**
   * Needed for the student record the registry creates at the hand-over;
   * a free candidate recorded without one is reported there, not sent.
   */
  gender: z.enum(['male', 'female']).optional(),
  /** The recording school (default: the caller's own unit). */
  schoolId: z.string().max(64).optional(),
  /** Entry grades: the child's 12-digit personal id (the family may sign in with it). */
  personalId: z
    .string()
    .regex(/^\d{12}$/, 'Mã định danh cá nhân gồm đúng 12 chữ số.')
    .optional(),
  /** Grade 1: why a child outside the birth year is admitted (Luật Giáo dục 2019, Điều 28). */
  birthYearException: z.string().trim().min(1).max(500).optional(),
});
export type FreeCandidateInput = z.infer<typeof freeCandidateBody>;

/** Grade 1: the school records why a child outside the birth year may register; null removes it. */
export const birthYearExceptionBody = z.object({
  reason: z.string().trim().min(1).max(500).nullable(),
});
export const candidateEligibility = z.object({
  code: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  birthYearException: z.string().nullable(),
  /** Who recorded the exception and when (null without one). */
  exceptionBy: z.string().nullable().optional(),
  exceptionAt: timestamp.nullable().optional(),
  eligible: z.boolean(),
  /** Why not (Vietnamese), when not eligible. */
  problem: z.string().nullable(),
});
export type CandidateEligibility = z.infer<typeof candidateEligibility>;

export const priorityGroup = z.enum(['none', 'group1', 'group2', 'group3']);
export const prize = z.enum(['none', 'first', 'second', 'third']);
export const claimStatus = z.enum(['pending', 'accepted', 'refused']);

/** A priority claim (TT 30/2024 Điều 14 khoản 2, 3) with its evidence file. */
export const priorityClaim = z.object({
  code: z.string(),
  fullName: z.string(),
  school: unitRef,
  group: priorityGroup,
  prize,
  /** Points the claim is worth if accepted (priority + bonus), by the rules in force. */
  points: z.number(),
  file: z.object({ name: z.string(), size: z.number().int(), type: z.string().nullable() }),
  status: claimStatus,
  note: z.string().nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: timestamp.nullable(),
  submittedAt: timestamp,
});
export type PriorityClaim = z.infer<typeof priorityClaim>;
export const priorityClaimList = z.array(priorityClaim);
export const checkClaimBody = z.object({
  accept: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export const claimParams = z.object({ id: z.string().max(64), code: z.string().max(32) });

export const candidatesQuery = z.object({
  registered: z.enum(['yes', 'no']).optional(),
});
export const candidateRow = z.object({
  code: z.string(),
  fullName: z.string(),
  birthDate: isoDate,
  school: unitRef,
  version: z.number().int(),
  choices: z.number().int(),
  score: z.number().nullable(),
  /** A free candidate (not in the registry), recorded by the school. */
  free: z.boolean(),
  /** Who recorded a free candidate ("Full Name (username)"). */
  addedBy: z.string().nullable().optional(),
  /** Entry grades: the birth-year exception, who recorded it and when, and the age check. */
  birthYearException: z.string().nullable().optional(),
  exceptionBy: z.string().nullable().optional(),
  exceptionAt: timestamp.nullable().optional(),
  eligible: z.boolean().optional(),
  ageProblem: z.string().nullable().optional(),
});
export type CandidateRow = z.infer<typeof candidateRow>;
export const candidateList = z.array(candidateRow);

export const allocationSummary = z.object({
  candidates: z.number().int(),
  applications: z.number().int(),
  programs: z.number().int(),
  admitted: z.number().int(),
  allocateMs: z.number(),
});
export type AllocationSummary = z.infer<typeof allocationSummary>;

export const admittedRow = z.object({
  code: z.string(),
  fullName: z.string(),
  program: z.string(),
  /** The preference admitted to; null for direct admission. */
  rank: z.number().int().nullable(),
  round: admissionRound,
  response: z.enum(['confirmed', 'declined', 'lapsed']).nullable(),
  /** Entry grades: the admitting school has checked the child's documents. */
  documentsChecked: z.boolean(),
  /** Entry grades: the sibling the family declared, when it studies at the admitting school. */
  sibling: z
    .object({ fullName: z.string(), studentCode: z.string().nullable() })
    .nullable()
    .optional(),
});
export type AdmittedRow = z.infer<typeof admittedRow>;
export const admittedList = z.array(admittedRow);

export const topUpAnswer = z.object({ offered: z.number().int() });

/** Hand-over to the registry, per admitting school. */
export const handOverSchool = z.object({
  schoolId: z.string(),
  schoolCode: z.string(),
  schoolName: z.string(),
  /** New incoming students of the school this time. */
  sent: z.number().int(),
  /** Already the school's incoming students from an earlier run. */
  alreadyThere: z.number().int(),
});
/** A confirmed candidate the registry cannot receive yet, and why. */
export const handOverProblem = z.object({
  code: z.string(),
  fullName: z.string(),
  reason: z.string(),
});
export const handOverAnswer = z.object({
  sent: z.number().int(),
  alreadyThere: z.number().int(),
  bySchool: z.array(handOverSchool),
  notSent: z.array(handOverProblem),
});
export type HandOverAnswer = z.infer<typeof handOverAnswer>;
/** What a hand-over would do now: the confirmed, and how many were sent before. */
export const handOverPreview = z.object({
  published: z.boolean(),
  confirmed: z.number().int(),
  handedOver: z.number().int(),
  notSent: z.array(handOverProblem),
});
export type HandOverPreview = z.infer<typeof handOverPreview>;

// ---- Candidates and the public ----

export const signInBody = z.object({
  code: z.string().trim().min(1).max(32),
  pin: z.string().trim().min(1).max(32),
});
export const signInAnswer = z.object({ csrfToken: z.string() });

export const preference = z.object({ rank: z.number().int(), program: z.string() });
export const applicationVersion = z.object({
  version: z.number().int(),
  submittedAt: timestamp,
  preferences: z.array(preference),
  /** Set when a school's staff member submitted it for the family. */
  onBehalf: z.boolean(),
});
export const applicationAnswer = z.object({
  version: z.number().int(),
  submittedAt: timestamp.nullable(),
  preferences: z.array(preference),
  history: z.array(applicationVersion),
  candidate: z.object({ code: z.string(), fullName: z.string() }),
});
export type ApplicationAnswer = z.infer<typeof applicationAnswer>;

export const putApplicationBody = z.object({
  preferences: z.array(z.string().max(64)).max(20),
  baseVersion: z.number().int().min(0),
});
export const withdrawBody = z.object({ baseVersion: z.number().int().min(0) });
export const submittedAnswer = z.object({ version: z.number().int(), submittedAt: timestamp });
export type SubmittedAnswer = z.infer<typeof submittedAnswer>;

export const countsAnswer = z.object({
  updatedAt: timestamp,
  programs: z.array(
    z.object({
      program: z.string(),
      schoolCode: z.string(),
      schoolName: z.string(),
      quota: z.number().int(),
      byRank: z.array(z.number().int()),
      total: z.number().int(),
      /** After publication: the cutoff (points) at rank 1; null before. */
      cutoff: z.number().nullable(),
    }),
  ),
});
export type CountsAnswer = z.infer<typeof countsAnswer>;

export const publicCampaign = z.object({
  id,
  name: z.string(),
  schoolYear: z.string(),
  opensAt: timestamp,
  closesAt: timestamp,
  confirmBy: timestamp.nullable(),
  maxPreferences: z.number().int(),
  rankPenalty: z.number(),
  status: campaignStatus,
  published: z.boolean(),
  zoneRanks: z.number().int().nullable(),
  firstClosesAt: timestamp.nullable(),
  changeOpensAt: timestamp.nullable(),
  /** The specialised stage's results are out (stages.ts). */
  specialisedPublished: z.boolean().optional(),
  grade: z.number().int().optional(),
  /** Entry grades (1, 6): the published rules and lottery seed. */
  entryRules: entryRules.nullable().optional(),
});
export type PublicCampaign = z.infer<typeof publicCampaign>;
export const publicCampaignList = z.array(publicCampaign);

export const resultAnswer = z.object({
  program: z.string().nullable(),
  rank: z.number().int().nullable().optional(),
  score: z.number().nullable().optional(),
  cutoff: z.number().nullable().optional(),
  schoolName: z.string().nullable().optional(),
  round: admissionRound.optional(),
  response: z.enum(['confirmed', 'declined', 'lapsed']).nullable().optional(),
  confirmBy: timestamp.nullable().optional(),
  /** For each preference ranked above the one obtained: the score it needed. */
  missed: z
    .array(z.object({ rank: z.number().int(), program: z.string(), needed: z.number() }))
    .optional(),
  /** Entry grades: an offer at a school the family did not choose (the nearest with seats). */
  overflow: z.boolean().optional(),
  /** Entry grades: the school has checked the child's documents and confirmed the admission. */
  documentsChecked: z.boolean().optional(),
});
export type ResultAnswer = z.infer<typeof resultAnswer>;

export const confirmBody = z.object({ accept: z.boolean() });

/** Publishing the specialised stage: the deadline for its admitted candidates to confirm. */
export const publishSpecialisedBody = z.object({ confirmBy: z.iso.datetime({ offset: true }) });

/** A candidate's result in the specialised stage (404 before it is published). */
export const specialisedAnswer = z.object({
  program: z.string().nullable(),
  rank: z.number().int().nullable().optional(),
  track: z.enum(['regular', 'specialised', 'integrated']).nullable().optional(),
  schoolName: z.string().nullable().optional(),
  cutoff: z.number().nullable().optional(),
  response: z.enum(['confirmed', 'declined', 'lapsed']).nullable().optional(),
  confirmBy: timestamp.nullable().optional(),
});
export type SpecialisedAnswer = z.infer<typeof specialisedAnswer>;

export const lookupQuery = z.object({
  code: z.string().trim().min(1).max(32),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày sinh dạng yyyy-mm-dd'),
});
export const lookupAnswer = z.object({
  program: z.string().nullable(),
  schoolName: z.string().nullable(),
  score: z.number().nullable(),
});

// The entry-grade contract (grade 1, grade 6; issue #15), for the web pages, which read this file only.
export type {
  CatchmentAreaList,
  CatchmentEditInput,
  CatchmentImportAnswer,
  EntryApplicationAnswer,
  EntryApplicationInput,
  EntryAreaList,
  EntryCountsAnswer,
  EntryEvidenceAnswer,
  EntryEvidenceFile,
  EntryUnitList,
  SeatInput,
  SeatList,
  SeatRow,
  UnservedList,
  documentsCheckAnswer,
} from './entry/contract.ts';
