import { z } from 'zod';

/** The entry-grade catchments' requests and answers (shared with the web). */

export const catchmentImportQuery = z.object({ dryRun: z.enum(['0', '1']).default('0') });

export const catchmentImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  communes: z.number().int(),
  areasAdded: z.number().int(),
  areasUpdated: z.number().int(),
  links: z.number().int(),
  areasUnserved: z.array(z.string()),
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() }),
  ),
});
export type CatchmentImportAnswer = z.infer<typeof catchmentImportResult>;

export const communeParams = z.object({ communeId: z.uuid() });

export const catchmentAreaList = z.array(
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    home: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    schools: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        grade: z.union([z.literal(1), z.literal(6)]),
      }),
    ),
  }),
);
export type CatchmentAreaList = z.infer<typeof catchmentAreaList>;
export const catchmentArea = catchmentAreaList.element;

/** The web edit of a catchment: one school added to (serves) or removed from one area, one grade. */
export const catchmentEditBody = z.object({
  areaCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'Mã khu dân cư gồm 1–32 chữ cái, chữ số, dấu - hoặc _.'),
  /** Needed only to add a new area. */
  areaName: z.string().trim().min(1).max(200).optional(),
  grade: z.union([z.literal(1), z.literal(6)]),
  schoolCode: z.string().trim().min(1).max(32),
  serves: z.boolean(),
});
export type CatchmentEditInput = z.infer<typeof catchmentEditBody>;

// ---- Entry-grade campaigns (issue #15) ----

export const entryResidence = z.enum(['permanent', 'temporary']);

/** A family's registration: the residence declared and the school(s) chosen, first preferred. */
export const entryApplicationBody = z.object({
  residence: entryResidence,
  areaId: z.string().max(64),
  /** Program ids of the campaign (one per school), first preferred. */
  schools: z.array(z.string().max(64)).min(1).max(10),
  /**
   * A brother or sister studying at one of the chosen schools (the sibling
   * criterion), found in the registry by personal id and date of birth;
   * null: none; absent: the one declared in the version before, kept.
   */
  sibling: z
    .object({
      /** The program (school) of the campaign where the sibling studies. */
      school: z.string().max(64),
      personalId: z
        .string()
        .trim()
        .regex(/^\d{12}$/, 'Mã định danh cá nhân của anh/chị/em gồm đúng 12 chữ số.'),
      birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày sinh dạng yyyy-mm-dd'),
    })
    .nullish(),
  baseVersion: z.number().int().min(0),
});
export type EntryApplicationInput = z.infer<typeof entryApplicationBody>;

export const personalIdSignInBody = z.object({
  personalId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'Mã định danh cá nhân gồm đúng 12 chữ số.'),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày sinh dạng yyyy-mm-dd'),
});

/** The residence and eligibility of the signed-in child, besides the application itself. */
export const entryApplicationAnswer = z.object({
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  residence: entryResidence.nullable(),
  areaId: z.string().nullable(),
  schools: z.array(z.string()),
  /** The program where a declared sibling studies (checked against the registry), or null. */
  sibling: z.string().nullable(),
  /** The declared area has no school serving it for this grade: the commune is told. */
  unserved: z.boolean(),
  history: z.array(
    z.object({
      version: z.number().int(),
      submittedAt: z.string(),
      residence: entryResidence.nullable(),
      areaId: z.string().nullable(),
      schools: z.array(z.string()),
      sibling: z.string().nullable(),
      onBehalf: z.boolean(),
    }),
  ),
  child: z.object({
    code: z.string(),
    fullName: z.string(),
    birthDate: z.string(),
    eligible: z.boolean(),
    problem: z.string().nullable(),
  }),
});
export type EntryApplicationAnswer = z.infer<typeof entryApplicationAnswer>;

/** The areas of a campaign's communes, each with the programs (schools) serving it. */
export const entryAreaList = z.array(
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    communeCode: z.string(),
    communeName: z.string(),
    schools: z.array(z.string()),
  }),
);
export type EntryAreaList = z.infer<typeof entryAreaList>;

/** Public live counts per school: seats, applications from its catchment and from outside. */
export const entryCountsAnswer = z.object({
  updatedAt: z.string(),
  schools: z.array(
    z.object({
      program: z.string(),
      schoolCode: z.string(),
      schoolName: z.string(),
      seats: z.number().int(),
      unzoned: z.boolean(),
      inCatchment: z.number().int(),
      outside: z.number().int(),
      total: z.number().int(),
      /** After publication: the place of the last child admitted in the school's order. */
      lastAdmittedRank: z.number().int().nullable(),
    }),
  ),
});
export type EntryCountsAnswer = z.infer<typeof entryCountsAnswer>;

export const unservedList = z.array(
  z.object({
    code: z.string(),
    fullName: z.string(),
    birthDate: z.string(),
    residence: entryResidence.nullable(),
    areaCode: z.string(),
    areaName: z.string(),
    commune: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    schools: z.array(z.string()),
    submittedAt: z.string().nullable(),
  }),
);
export type UnservedList = z.infer<typeof unservedList>;

export const unservedQuery = z.object({ communeId: z.uuid().optional() });

export const documentsCheckBody = z.object({ checked: z.boolean() });
export const documentsCheckAnswer = z.object({
  code: z.string(),
  fullName: z.string(),
  program: z.string(),
  documentsChecked: z.boolean(),
});

export const entryLookupQuery = z.object({
  personalId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'Mã định danh cá nhân gồm đúng 12 chữ số.'),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày sinh dạng yyyy-mm-dd'),
});

// ---- Evidence uploads (entry/evidence.ts) ----

export const entryDocument = z.enum(['residence', 'birth-certificate', 'primary-record']);

export const entryEvidenceFile = z.object({
  id: z.string(),
  kind: entryDocument,
  fileName: z.string(),
  size: z.number().int(),
  type: z.string(),
  /** The application version in force when the file was uploaded. */
  version: z.number().int(),
  uploadedAt: z.string(),
});
export type EntryEvidenceFile = z.infer<typeof entryEvidenceFile>;

export const entryEvidenceAnswer = z.object({
  /** The documents the campaign asks for (none: nothing to upload). */
  asked: z.array(entryDocument),
  files: z.array(entryEvidenceFile),
  /** Files may be added or removed (the registration window is open). */
  open: z.boolean(),
});
export type EntryEvidenceAnswer = z.infer<typeof entryEvidenceAnswer>;

export const evidenceFileParams = z.object({
  campaign: z.string().max(64),
  fileId: z.string().max(64),
});
export const admittedEvidenceParams = z.object({
  id: z.string().max(64),
  code: z.string().max(32),
});
export const admittedEvidenceFileParams = admittedEvidenceParams.extend({
  fileId: z.string().max(64),
});

// ---- The staff's web pages (issue #15): units to pick, seats ----

/** A commune (or school) the caller may pick, anywhere in their subtree. */
export const entryUnitList = z.array(
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    /** The unit above it (an office, the department), so that two communes of one name differ. */
    parentName: z.string().nullable(),
  }),
);
export type EntryUnitList = z.infer<typeof entryUnitList>;
export const entrySchoolsQuery = z.object({
  grade: z.enum(['1', '6']),
  /** Only the schools under this commune (or serving one of its areas). */
  communeId: z.uuid().optional(),
});

/**
 * A school's entry-grade classes and seats in one campaign. The seats are the
 * campaign's program quota (one source of truth: what the assignment reads);
 * `program` is null for a school of the commune not yet taking part.
 */
export const seatRow = z.object({
  school: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  program: z.string().nullable(),
  classes: z.number().int().nullable(),
  seats: z.number().int().nullable(),
  unzoned: z.boolean(),
  /** The row's version (stale-save check); null before it exists. */
  version: z.number().int().nullable(),
  /**
   * The school serves at least one area of the commune for the campaign's
   * grade (in the save's answer, which names no commune: any area).
   */
  servesCommune: z.boolean(),
  /**
   * The seats against classes × the maximum class size of the rule in force
   * when the campaign opened (entry/class-size.ts): `warning` when above.
   */
  classSize: z.object({
    maxPerClass: z.number().int(),
    source: z.string(),
    seatsPerClass: z.number().int().nullable(),
    warning: z.string().nullable(),
  }),
});
export type SeatRow = z.infer<typeof seatRow>;
export const seatList = z.array(seatRow);
export type SeatList = z.infer<typeof seatList>;
export const seatsQuery = z.object({ communeId: z.uuid() });
export const seatParams = z.object({ id: z.string().max(64), schoolId: z.uuid() });
export const seatBody = z.object({
  classes: z
    .number({ error: 'Số lớp là một số nguyên từ 0 đến 200.' })
    .int('Số lớp là một số nguyên từ 0 đến 200.')
    .min(0, 'Số lớp là một số nguyên từ 0 đến 200.')
    .max(200, 'Số lớp là một số nguyên từ 0 đến 200.'),
  seats: z
    .number({ error: 'Chỉ tiêu là một số nguyên từ 0 đến 20.000.' })
    .int('Chỉ tiêu là một số nguyên từ 0 đến 20.000.')
    .min(0, 'Chỉ tiêu là một số nguyên từ 0 đến 20.000.')
    .max(20_000, 'Chỉ tiêu là một số nguyên từ 0 đến 20.000.'),
  unzoned: z.boolean().optional(),
  /** The version the form loaded (null: the school had no row then). Omitted: not checked. */
  version: z.number().int().min(1).nullable().optional(),
});
export type SeatInput = z.infer<typeof seatBody>;
