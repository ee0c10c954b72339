/**
 * The HTTP boundary of the registry (schools, classes, students, staff,
 * imports, year end): every route's request and response schemas, their
 * types, and (from labels.ts) the label tables the server and the web both
 * show. Imports only zod, the shared pieces and labels.ts (plain data), so the
 * web imports these types (type-only).
 */
import { z } from 'zod';
import {
  fileAnswer,
  gender,
  id,
  isoDate,
  ownership,
  schoolLevel,
  timestamp,
  unitRef,
  versionField,
} from '../../core/contract.ts';

import { ROOM_CONDITIONS, ROOM_TYPES, type RoomCondition, type RoomType } from './labels.ts';

// ---------------------------------------------------------------- shared pieces

/** A year in a query, checked loosely here (the use case names what was expected). */
const yearText = z.string().regex(/^\d{4}-\d{4}$/, 'Năm học cần dạng 2025-2026');

/** The school year a date falls in: a year starts on 1 September (Asia/Ho_Chi_Minh). */
export function schoolYearOf(date: Date = new Date()): string {
  const local = new Date(date.getTime() + 7 * 3600_000);
  const year = local.getUTCFullYear();
  const start = local.getUTCMonth() >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}
/** The year after `year` ('2026-2027' → '2027-2028'). */
export function nextYearOf(year: string): string {
  const start = Number(year.slice(0, 4)) + 1;
  return `${start}-${start + 1}`;
}

/** The school years a page offers in its select (issue #13 item 7), newest first. */
export const schoolYears = z.object({ current: z.string(), years: z.array(z.string()) });
export type SchoolYears = z.infer<typeof schoolYears>;

/** `year` in a query, today's school year by default (computed at each request). */
const yearDefault = yearText.default(() => schoolYearOf());

const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(50);
const flag = z.enum(['0', '1']);

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const studentStatus = z.enum(['studying', 'transferred', 'dropped_out', 'graduated']);
export const staffPosition = z.enum(['teacher', 'manager', 'staff']);
export const transferStatus = z.enum(['requested', 'accepted', 'rejected', 'cancelled']);
export const roomType = z.enum(ROOM_TYPES as [RoomType, ...RoomType[]]);
export const roomCondition = z.enum(ROOM_CONDITIONS as [RoomCondition, ...RoomCondition[]]);
export type TransferStatus = z.infer<typeof transferStatus>;

// Labels shown by the server (exports, messages) and the web: labels.ts, plain
// data the web imports without zod.
export * from './labels.ts';

// ---------------------------------------------------------------- classes and students

export const yearQuery = z.object({ year: yearDefault });
export const optionalYearQuery = z.object({ year: yearText.optional() });

export const classSummary = z.object({
  id,
  name: z.string(),
  grade: z.number().int().nullable(),
  schoolYear: z.string(),
  sessionsPerDay: z.number().int(),
  studentCount: z.number().int(),
});
export type ClassSummary = z.infer<typeof classSummary>;

export const classStudent = z.object({
  id,
  fullName: z.string(),
  birthDate: isoDate,
  gender,
  status: studentStatus,
  studentCode: z.string().nullable(),
});
export type ClassStudent = z.infer<typeof classStudent>;

export type SchoolRef = z.infer<typeof unitRef>;

export const studentFilters = z.object({
  q: z.string().max(120).optional(),
  birthDate: z.string().max(12).optional(),
  schoolId: z.string().max(64).optional(),
  classId: z.string().max(64).optional(),
  year: yearDefault,
});
export const studentSearchQuery = studentFilters.extend({ page, pageSize });

export const studentHit = z.object({
  id,
  fullName: z.string(),
  birthDate: isoDate,
  gender,
  status: studentStatus,
  studentCode: z.string().nullable(),
  /** `********1234`: the full personal id never leaves the server in a list. */
  personalIdMasked: z.string().nullable(),
  school: unitRef,
  className: z.string().nullable(),
  /** Send it back with a change (status): a change from a stale page is refused. */
  version: z.number().int(),
});
export type StudentHit = z.infer<typeof studentHit>;

export const studentSearchAnswer = z.object({
  items: z.array(studentHit),
  /** Matches counted up to a cap; `totalCapped`: there are more. */
  total: z.number().int(),
  totalCapped: z.boolean(),
});
export type StudentSearchAnswer = z.infer<typeof studentSearchAnswer>;

export const statusChange = z.object({
  status: studentStatus,
  reason: z.string().max(500),
  version: versionField,
});
export type StatusChange = z.infer<typeof statusChange>;
export const statusChanged = z.object({
  id,
  status: studentStatus,
  statusReason: z.string().nullable(),
  version: z.number().int(),
});
export type StatusChanged = z.infer<typeof statusChanged>;

// ---------------------------------------------------------------- staff

export const staffFilters = z.object({
  q: z.string().max(120).optional(),
  birthDate: z.string().max(12).optional(),
  schoolId: z.string().max(64).optional(),
  position: staffPosition.optional(),
  active: flag.optional(),
});
export const staffSearchQuery = staffFilters.extend({ page, pageSize });

export const staffHit = z.object({
  id,
  fullName: z.string(),
  birthDate: isoDate,
  gender,
  position: staffPosition,
  mainSubject: z.string().nullable(),
  qualification: z.string().nullable(),
  employmentType: z.string().nullable(),
  active: z.boolean(),
  personalIdMasked: z.string().nullable(),
  school: unitRef,
  /** Bumped by every change (imports, merges); for a future edit form's stale check. */
  version: z.number().int(),
});
export type StaffHit = z.infer<typeof staffHit>;
export const staffSearchAnswer = z.object({
  items: z.array(staffHit),
  total: z.number().int(),
});
export type StaffSearchAnswer = z.infer<typeof staffSearchAnswer>;

/** A training entry (bồi dưỡng, đào tạo) of a staff member. */
export const staffTraining = z.object({
  id,
  fromDate: isoDate,
  toDate: isoDate.nullable(),
  content: z.string(),
  certificate: z.string().nullable(),
});
export type StaffTraining = z.infer<typeof staffTraining>;

/** A staff member's record (issue #13 item 5): one page to add, edit, train and leave. */
export const staffRecord = z.object({
  id,
  school: unitRef,
  /** The school's levels: what "level taught" may be. */
  schoolLevels: z.array(schoolLevel),
  fullName: z.string(),
  birthDate: isoDate,
  gender,
  /** In full for registry.write holders of the staff member's school; masked otherwise. */
  personalId: z.string().nullable(),
  personalIdMasked: z.boolean(),
  position: staffPosition,
  mainSubject: z.string().nullable(),
  qualification: z.string().nullable(),
  employmentType: z.string().nullable(),
  rank: z.string().nullable(),
  /** The level taught in a multi-level school (teacher norms, issue #16); null: the school's highest. */
  levelTaught: schoolLevel.nullable(),
  active: z.boolean(),
  leftOn: isoDate.nullable(),
  leaveReason: z.string().nullable(),
  training: z.array(staffTraining),
  version: z.number().int(),
});
export type StaffRecord = z.infer<typeof staffRecord>;

const staffFields = {
  fullName: z.string().max(200),
  /** dd/mm/yyyy (also yyyy-mm-dd). */
  birthDate: z.string().max(20),
  gender,
  personalId: z.string().max(20).nullable().optional(),
  position: staffPosition,
  mainSubject: z.string().max(100).nullable().optional(),
  qualification: z.string().max(100).nullable().optional(),
  /** 'Biên chế' or 'Hợp đồng'. */
  employmentType: z.string().max(40).nullable().optional(),
  rank: z.string().max(100).nullable().optional(),
  levelTaught: schoolLevel.nullable().optional(),
};
export const staffCreateBody = z.object(staffFields);
export type StaffCreate = z.infer<typeof staffCreateBody>;
export const staffPatch = z
  .object({
    fullName: staffFields.fullName.optional(),
    birthDate: staffFields.birthDate.optional(),
    gender: gender.optional(),
    position: staffPosition.optional(),
  })
  .extend({
    personalId: staffFields.personalId,
    mainSubject: staffFields.mainSubject,
    qualification: staffFields.qualification,
    employmentType: staffFields.employmentType,
    rank: staffFields.rank,
    levelTaught: staffFields.levelTaught,
    version: versionField,
  });
export type StaffPatch = z.infer<typeof staffPatch>;
/** Leaving the school: a reason, and the day (dd/mm/yyyy; today when absent). */
export const staffLeaveBody = z.object({
  reason: z.string().max(500),
  date: z.string().max(20).optional(),
  version: versionField,
});
export type StaffLeave = z.infer<typeof staffLeaveBody>;
export const staffTrainingBody = z.object({
  /** dd/mm/yyyy. */
  fromDate: z.string().max(20),
  toDate: z.string().max(20).nullable().optional(),
  content: z.string().max(500),
  certificate: z.string().max(200).nullable().optional(),
});
export type StaffTrainingInput = z.infer<typeof staffTrainingBody>;

// ---------------------------------------------------------------- schools

export const unitYearQuery = yearQuery.extend({ unitId: z.string().max(64).optional() });

export const schoolInfo = z.object({
  id,
  code: z.string(),
  name: z.string(),
  levels: z.array(schoolLevel),
  ownership: ownership.nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
});
export type SchoolInfo = z.infer<typeof schoolInfo>;

const profileFields = {
  /** False until someone records the year: the fields then hold their defaults. */
  recorded: z.boolean(),
  nationalStandardLevel: z.number().int(),
  nationalStandardDecision: z.string().nullable(),
  nationalStandardDate: isoDate.nullable(),
  accreditationLevel: z.number().int(),
  twoSessionsADay: z.boolean(),
  notes: z.string().nullable(),
  /** The school's rule for the year: a homeroom teacher heads at most one class (else a warning). */
  homeroomOneClass: z.boolean(),
  /** 0 until recorded; send it back with an edit. */
  version: z.number().int(),
};
export const schoolProfile = z.object({
  school: schoolInfo,
  schoolYear: z.string(),
  ...profileFields,
});
export type SchoolProfile = z.infer<typeof schoolProfile>;
export const schoolProfileRow = z.object({
  school: schoolInfo.extend({ parentName: z.string().nullable() }),
  ...profileFields,
});
export type SchoolProfileRow = z.infer<typeof schoolProfileRow>;

export const schoolProfilePatch = z.object({
  nationalStandardLevel: z.number().int().optional(),
  nationalStandardDecision: z.string().max(500).nullable().optional(),
  /** dd/mm/yyyy or yyyy-mm-dd. */
  nationalStandardDate: z.string().max(20).nullable().optional(),
  accreditationLevel: z.number().int().optional(),
  twoSessionsADay: z.boolean().optional(),
  notes: z.string().max(5000).nullable().optional(),
  homeroomOneClass: z.boolean().optional(),
  version: versionField,
});
export type SchoolProfilePatch = z.infer<typeof schoolProfilePatch>;

export const classRow = z.object({
  id,
  schoolId: id,
  schoolYear: z.string(),
  name: z.string(),
  grade: z.number().int().nullable(),
  sessionsPerDay: z.number().int(),
  homeroom: z.object({ id, fullName: z.string() }).nullable(),
  studentCount: z.number().int(),
  /** Send it back with an edit: a save from a stale form is refused. */
  version: z.number().int(),
  /**
   * What the page should point out without refusing: the homeroom teacher
   * also heads other classes of the year (`path: homeroomStaffId`).
   */
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ClassRow = z.infer<typeof classRow>;

export const classBody = z.object({
  name: z.string().max(100),
  grade: z.number().int().nullable(),
  sessionsPerDay: z.number().int(),
  homeroomStaffId: z.string().max(64).nullable().optional(),
});
export type ClassInput = z.infer<typeof classBody>;
export const classPatch = classBody.partial().extend({ version: versionField });
export type ClassPatch = z.infer<typeof classPatch>;

export const staffOption = z.object({
  id,
  fullName: z.string(),
  position: staffPosition,
  mainSubject: z.string().nullable(),
});
export type StaffOption = z.infer<typeof staffOption>;

export const facilityItem = z.object({
  roomType,
  condition: roomCondition,
  count: z.number(),
  /** Total floor area of these rooms, m². */
  areaM2: z.number().nullable(),
});
export type FacilityItem = z.infer<typeof facilityItem>;
export const facilityTotals = z.object({
  rooms: z.number(),
  byCondition: z.record(roomCondition, z.number()),
  byType: z.partialRecord(roomType, z.number()),
  areaM2: z.number(),
});
export type FacilityTotals = z.infer<typeof facilityTotals>;
export const schoolFacilities = z.object({
  school: schoolInfo,
  schoolYear: z.string(),
  /** Each with its version: send them back as `versions` with a save. */
  items: z.array(facilityItem.extend({ version: z.number().int() })),
  totals: facilityTotals,
});
export type SchoolFacilities = z.infer<typeof schoolFacilities>;
export const facilitySummary = z.object({
  unit: unitRef,
  schoolYear: z.string(),
  /** Active schools in the subtree, and how many of them recorded rooms for the year. */
  schools: z.number().int(),
  schoolsReported: z.number().int(),
  items: z.array(facilityItem),
  totals: facilityTotals,
});
export type FacilitySummary = z.infer<typeof facilitySummary>;

export const facilitiesBody = z.object({
  items: z
    .array(
      z.object({
        roomType: z.string().max(40),
        condition: z.string().max(40),
        /** A number, or text written vi-VN (`12`, `1.234`): read by the use case, row by row. */
        count: z.union([z.number(), z.string().max(40)]),
        /** m²: a number, or text written vi-VN (`96,5`, `1.234,5`), never read as 965. */
        areaM2: z
          .union([z.number(), z.string().max(40)])
          .nullable()
          .optional(),
      }),
    )
    .max(200),
  /** The rows the form was loaded with; a 409 if they are not the rows recorded now. */
  versions: z
    .array(
      z.object({
        roomType: z.string().max(40),
        condition: z.string().max(40),
        version: z.number().int().min(0),
      }),
    )
    .max(200)
    .optional(),
});
export type FacilitiesBody = z.infer<typeof facilitiesBody>;

// ---------------------------------------------------------------- promotion, transfers, history

// The year is checked by the service, whose message says what was expected.
export const promotionBody = z.object({
  schoolId: z.string().max(64),
  fromYear: z.string().max(20),
  repeaterIds: z.array(z.string().max(64)).max(5000).optional(),
});
export type PromotionInput = z.infer<typeof promotionBody>;

const planStudent = z.object({ id, fullName: z.string(), birthDate: isoDate });
export type PlanStudent = z.infer<typeof planStudent>;
const targetClass = z.object({
  /** null while the class does not exist yet: apply creates it. */
  id: id.nullable(),
  name: z.string(),
  grade: z.number().int(),
  exists: z.boolean(),
});
export type TargetClass = z.infer<typeof targetClass>;
export const classPlan = z.object({
  source: z.object({
    id,
    name: z.string(),
    grade: z.number().int().nullable(),
    students: z.number().int(),
  }),
  /** promote: up a grade; graduate: final grade of a level; manual: not promoted automatically. */
  action: z.enum(['promote', 'graduate', 'manual']),
  target: targetClass.nullable(),
  repeatTarget: targetClass.nullable(),
  promoted: z.array(planStudent),
  repeating: z.array(planStudent),
  graduating: z.array(planStudent),
  /** Already enrolled in the new year: left as they are. */
  skipped: z.array(planStudent),
  notPromoted: z.array(planStudent),
  /** The level a final grade completes. */
  completes: schoolLevel.nullable(),
  note: z.string().nullable(),
});
export type ClassPlan = z.infer<typeof classPlan>;
export const promotionTotals = z.object({
  promoted: z.number().int(),
  repeating: z.number().int(),
  graduating: z.number().int(),
  skipped: z.number().int(),
  notPromoted: z.number().int(),
  newClasses: z.number().int(),
});
export type PromotionTotals = z.infer<typeof promotionTotals>;
export const promotionPlan = z.object({
  school: unitRef,
  fromYear: z.string(),
  toYear: z.string(),
  classes: z.array(classPlan),
  totals: promotionTotals,
});
export type PromotionPlan = z.infer<typeof promotionPlan>;
export const promotionResult = promotionPlan.extend({
  /** The promotion_run written, null when there was nothing left to do. */
  runId: id.nullable(),
});
export type PromotionResult = z.infer<typeof promotionResult>;

export const schoolLookupQuery = z.object({ q: z.string().max(120).default('') });
export const schoolLookup = z.array(z.object({ code: z.string(), name: z.string() }));
export type SchoolLookup = z.infer<typeof schoolLookup>;

export const transferBody = z.object({
  studentId: z.string().max(64),
  toSchoolCode: z.string().max(40),
  toClassId: z.string().max(64).optional(),
  reason: z.string().max(500),
  decisionNumber: z.string().max(60).optional(),
  year: z
    .string()
    .regex(/^\d{4}-\d{4}$/, 'Năm học cần dạng 2025-2026.')
    .optional(),
});
export const transferListQuery = z.object({
  schoolId: z.string().max(64),
  direction: z.enum(['incoming', 'outgoing']),
  status: transferStatus.optional(),
});
export const acceptBody = z.object({
  toClassId: z.string().max(64),
  decisionNumber: z.string().max(60).optional(),
});
export const reasonBody = z.object({ reason: z.string().max(500) });

export const transferView = z.object({
  id,
  status: transferStatus,
  schoolYear: z.string(),
  student: z.object({ id, fullName: z.string(), birthDate: isoDate.nullable() }),
  from: z.object({ school: unitRef, className: z.string().nullable() }),
  to: z.object({ school: unitRef, className: z.string().nullable() }),
  reason: z.string(),
  decisionNumber: z.string().nullable(),
  decisionReason: z.string().nullable(),
  requestedAt: timestamp,
  requestedBy: z.string(),
  decidedAt: timestamp.nullable(),
  decidedBy: z.string().nullable(),
});
export type TransferView = z.infer<typeof transferView>;

export const studentHistory = z.object({
  student: z.object({
    id,
    fullName: z.string(),
    birthDate: isoDate,
    status: studentStatus,
    statusReason: z.string().nullable(),
    school: unitRef,
  }),
  enrolments: z.array(
    z.object({
      schoolYear: z.string(),
      school: unitRef,
      className: z.string(),
      grade: z.number().int().nullable(),
    }),
  ),
  transfers: z.array(transferView),
  statusChanges: z.array(
    z.object({
      at: timestamp,
      actorName: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type StudentHistory = z.infer<typeof studentHistory>;

// ---------------------------------------------------------------- imports

export const importQuery = z.object({ dryRun: flag.default('1'), progress: flag.default('0') });
export const studentImportQuery = z.object({ year: yearDefault, createClasses: flag.default('0') });

export const rowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type RowError = z.infer<typeof rowError>;
/** One known student's row that changes them: each field before → after, as the file writes it. */
export const studentChange = z.object({
  row: z.number().int(),
  /** The student's name as stored (before this row). */
  student: z.string(),
  fields: z.array(
    z.object({ column: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
});
export type StudentChange = z.infer<typeof studentChange>;
export const importReport = z.object({
  summary: z.object({
    rows: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
  }),
  errorList: z.array(rowError),
  /** Students only: what each update changes, the first 1,000 of them. */
  changes: z.array(studentChange).optional(),
  unknownColumns: z.array(z.string()),
  /** Whether anything was written (false for a dry run or a file with errors). */
  applied: z.boolean(),
});
export type ImportReport = z.infer<typeof importReport>;

/** One line of the progress stream (`progress=1`, application/x-ndjson). */
export type ProgressLine =
  | { phase: 'reading' | 'checking'; rows: number }
  | { phase: 'writing'; rows: number; written: number }
  | { phase: 'done'; rows: number; result: ImportReport }
  | { phase: 'failed'; rows: number; error: { status: number; title: string; detail: string } };

export const importAnswer = importReport.describe(
  'Kết quả nhập (200; 422 khi có lỗi). Với progress=1: application/x-ndjson, mỗi dòng một bước, kết quả ở dòng cuối',
);

// ---------------------------------------------------------------- files

export const files = {
  students: fileAnswer(XLSX, 'Tệp xlsx danh sách học sinh'),
  staff: fileAnswer(XLSX, 'Tệp xlsx danh sách cán bộ, giáo viên'),
  classes: fileAnswer(XLSX, 'Tệp xlsx danh sách lớp'),
  facilities: fileAnswer(XLSX, 'Tệp xlsx cơ sở vật chất'),
  annotated: fileAnswer(XLSX, 'Tệp xlsx đã tô các ô lỗi'),
  template: fileAnswer(XLSX, 'Tệp xlsx mẫu nhập'),
  schools: fileAnswer(XLSX, 'Tệp xlsx danh sách trường'),
  studentProfile: fileAnswer('application/pdf', 'Sơ yếu lý lịch học sinh (PDF)'),
};

// ---------------------------------------------------------------- school list (issue 13 item 8)

/** Columns the "Trường học" list sorts by. */
export const SCHOOL_LIST_SORTS = [
  'code',
  'name',
  'commune',
  'students',
  'classes',
  'staff',
  'nationalStandardLevel',
  'accreditationLevel',
] as const;

export const schoolListFilters = z.object({
  /** The unit whose schools are listed; the caller's own unit by default. */
  unitId: z.string().max(64).optional(),
  year: yearDefault,
  /** Part of the name or the code, accents optional. */
  q: z.string().max(120).optional(),
  level: schoolLevel.optional(),
  ownership: ownership.optional(),
  nationalStandardLevel: z.coerce.number().int().min(0).max(2).optional(),
  accreditationLevel: z.coerce.number().int().min(0).max(4).optional(),
  twoSessionsADay: flag.optional(),
  sort: z.enum(SCHOOL_LIST_SORTS).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type SchoolListFilters = z.infer<typeof schoolListFilters>;
export const schoolListQuery = schoolListFilters.extend({ page, pageSize });

export const schoolListRow = z.object({
  id,
  code: z.string(),
  name: z.string(),
  levels: z.array(schoolLevel),
  ownership: ownership.nullable(),
  /** The commune (xã, phường) the school belongs to, if any. */
  commune: unitRef.nullable(),
  /** Enrolled in the year. */
  students: z.number().int(),
  /** Classes of the year. */
  classes: z.number().int(),
  /** Active staff. */
  staff: z.number().int(),
  nationalStandardLevel: z.number().int(),
  accreditationLevel: z.number().int(),
  twoSessionsADay: z.boolean(),
});
export type SchoolListRow = z.infer<typeof schoolListRow>;
export const schoolListAnswer = z.object({
  items: z.array(schoolListRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The figures of every school matching the filters, not only this page. */
  totals: z.object({
    students: z.number().int(),
    classes: z.number().int(),
    staff: z.number().int(),
  }),
});
export type SchoolListAnswer = z.infer<typeof schoolListAnswer>;

// ---------------------------------------------------------------- student record (issue 13 item 4)

const studentFields = {
  fullName: z.string().max(200),
  /** dd/mm/yyyy (or yyyy-mm-dd). */
  birthDate: z.string().max(20),
  gender,
  /** 12 digits (số định danh cá nhân); null clears it. */
  personalId: z.string().max(20).nullable().optional(),
  studentCode: z.string().max(50).nullable().optional(),
  ethnicity: z.string().max(100).nullable().optional(),
  birthPlace: z.string().max(300).nullable().optional(),
  address: z.string().max(500).nullable().optional(),
  guardianName: z.string().max(200).nullable().optional(),
  phone: z.string().max(30).nullable().optional(),
};
/** A student added by hand, enrolled in a class of the school's year. */
export const studentCreateBody = z.object({ ...studentFields, classId: z.string().max(64) });
export type StudentCreateBody = z.infer<typeof studentCreateBody>;
export const studentPatch = z.object(studentFields).partial().extend({ version: versionField });
export type StudentPatch = z.infer<typeof studentPatch>;

export const studentRecord = z.object({
  id,
  fullName: z.string(),
  birthDate: isoDate,
  gender,
  ethnicity: z.string().nullable(),
  birthPlace: z.string().nullable(),
  studentCode: z.string().nullable(),
  /**
   * The full id only to holders of registry.write over the student's school
   * (they correct it); everyone else gets null and the masked form.
   */
  personalId: z.string().nullable(),
  personalIdMasked: z.string().nullable(),
  guardianName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  status: studentStatus,
  statusReason: z.string().nullable(),
  school: unitRef,
  /** Whether the caller may edit the student, change the status, see the full id. */
  canEdit: z.boolean(),
  version: z.number().int(),
  enrolments: studentHistory.shape.enrolments,
  statusChanges: studentHistory.shape.statusChanges,
  transfers: studentHistory.shape.transfers,
  diplomas: z.array(
    z.object({
      id,
      diplomaType: z.enum(['upper_secondary', 'lower_secondary']),
      serialNumber: z.string(),
      registerNumber: z.string(),
      graduationYear: z.number().int(),
      issueDate: isoDate,
      status: z.enum(['valid', 'corrected', 'revoked']),
    }),
  ),
});
export type StudentRecord = z.infer<typeof studentRecord>;

// ---------------------------------------------------------------- incoming students (admissions hand-over)

export const incomingStudentRow = z.object({
  id,
  studentId: id,
  fullName: z.string(),
  birthDate: isoDate,
  gender,
  grade: z.number().int(),
  /** `admissions:<campaign id>`. */
  source: z.string(),
  /** The candidate code in the campaign. */
  reference: z.string(),
  receivedAt: timestamp,
  classId: z.string().nullable(),
  className: z.string().nullable(),
});
export type IncomingStudentRow = z.infer<typeof incomingStudentRow>;

export const assignIncomingBody = z.object({
  classId: z.string().max(64),
  intakeIds: z.array(z.string().max(64)).min(1).max(5_000),
});
