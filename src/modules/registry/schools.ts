import { sql } from 'kysely';
import type { Writable } from 'node:stream';
import { writeTransaction, type Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { Selectable } from 'kysely';
import type {
  OrgUnit,
  RoomCondition,
  RoomType,
  SchoolLevel,
  SchoolYearProfileTable,
} from '../../db/schema.ts';
import { parseVietnameseDate } from '../../lib/dates.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { normalizeText, sortByVietnameseName } from '../../lib/vietnamese.ts';
import { writeSimpleWorkbook } from '../../lib/xlsx.ts';
import { badRequest, conflict, forbidden, notFound, type FieldError } from '../../core/errors.ts';
import type { Permission } from '../../core/access/permissions.ts';
import type { Scope } from '../../core/access/scope.ts';
import { changedOnly, checkVersion, staleVersion } from '../../core/versions.ts';
import { LEVEL_LABELS } from '../orgs/index.ts';
import { ROOM_CONDITION_LABELS, ROOM_CONDITIONS, ROOM_TYPE_LABELS, ROOM_TYPES } from './labels.ts';
import type {
  ClassRow,
  FacilityItem,
  FacilitySummary,
  FacilityTotals,
  SchoolFacilities,
  SchoolInfo,
  SchoolProfile,
  SchoolProfileRow,
  StaffOption,
} from './contract.ts';
export type {
  ClassRow,
  FacilityItem,
  FacilitySummary,
  FacilityTotals,
  SchoolFacilities,
  SchoolInfo,
  SchoolProfile,
  SchoolProfileRow,
  StaffOption,
} from './contract.ts';

/**
 * School attributes per school year (national standard, accreditation,
 * two sessions a day), classes' homeroom teachers and sessions, and rooms by
 * type and condition. Reports (national-standard rate, two-sessions rate,
 * teacher norms) read these through `listSchoolProfiles` and `facilitySummary`.
 */

export {
  ACCREDITATION_LABELS,
  NATIONAL_STANDARD_LABELS,
  ROOM_CONDITION_LABELS,
  ROOM_CONDITIONS,
  ROOM_TYPE_LABELS,
  ROOM_TYPES,
} from './labels.ts';

export const MAX_ROOM_COUNT = 10_000;
const MAX_AREA_M2 = 1_000_000;

// ---------------------------------------------------------------- helpers

/** '2025-2026': two consecutive years. */
export function checkSchoolYear(year: string): void {
  const m = /^(\d{4})-(\d{4})$/.exec(year);
  if (!m || Number(m[2]) !== Number(m[1]) + 1 || Number(m[1]) < 2000 || Number(m[1]) > 2100)
    throw badRequest(`Năm học "${year}" không hợp lệ: cần dạng 2025-2026 (hai năm liên tiếp).`, [
      { path: 'year', message: 'Năm học cần dạng 2025-2026.' },
    ]);
}

/** A school the caller may `permission`: 404 for an unknown id or a unit that is not a school. */
async function requireSchool(
  db: Db,
  scope: Scope,
  schoolId: string,
  permission: Permission,
): Promise<OrgUnit> {
  scope.require(permission);
  if (!isUuid(schoolId)) throw notFound('trường');
  const unit = await scope.requireUnit(db, schoolId, permission);
  if (unit.kind !== 'school') throw notFound('trường');
  return unit;
}

/** Grades a school of these levels teaches; preschool age groups have no grade. */
function gradeFits(levels: SchoolLevel[], grade: number | null): boolean {
  if (grade === null) return levels.includes('preschool');
  if (grade >= 1 && grade <= 5) return levels.includes('primary');
  if (grade >= 6 && grade <= 9) return levels.includes('lower_secondary');
  if (grade >= 10 && grade <= 12) return levels.includes('upper_secondary');
  return false;
}

// ---------------------------------------------------------------- profile

export interface SchoolProfileInput {
  nationalStandardLevel: number;
  nationalStandardDecision?: string | null | undefined;
  /** dd/mm/yyyy or yyyy-mm-dd. */
  nationalStandardDate?: string | null | undefined;
  accreditationLevel: number;
  twoSessionsADay: boolean;
  notes?: string | null | undefined;
}

/** An update sends any of the fields, and the `version` its form was loaded with. */
export type SchoolProfilePatch = Partial<SchoolProfileInput> & { version?: number | undefined };

const schoolInfo = (u: OrgUnit): SchoolInfo => ({
  id: u.id,
  code: u.code,
  name: u.name,
  levels: u.levels,
  ownership: u.ownership,
  address: u.address,
  active: u.active,
});

export async function getSchoolProfile(
  db: Db,
  scope: Scope,
  schoolId: string,
  schoolYear: string,
): Promise<SchoolProfile> {
  checkSchoolYear(schoolYear);
  const school = await requireSchool(db, scope, schoolId, 'registry.read');
  const row = await db
    .selectFrom('school_year_profile')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
  return {
    school: schoolInfo(school),
    schoolYear,
    recorded: row !== undefined,
    nationalStandardLevel: row?.national_standard_level ?? 0,
    nationalStandardDecision: row?.national_standard_decision ?? null,
    nationalStandardDate: row?.national_standard_date ?? null,
    accreditationLevel: row?.accreditation_level ?? 0,
    twoSessionsADay: row?.two_sessions_a_day ?? false,
    notes: row?.notes ?? null,
    version: row?.version ?? 0,
  };
}

function validateProfile(input: SchoolProfileInput) {
  const errors: FieldError[] = [];
  const level = input.nationalStandardLevel;
  if (!Number.isInteger(level) || level < 0 || level > 2)
    errors.push({
      path: 'nationalStandardLevel',
      message: 'Mức chuẩn quốc gia là 0 (chưa đạt), 1 (mức độ 1) hoặc 2 (mức độ 2).',
    });
  const accreditation = input.accreditationLevel;
  if (!Number.isInteger(accreditation) || accreditation < 0 || accreditation > 4)
    errors.push({
      path: 'accreditationLevel',
      message: 'Cấp độ kiểm định chất lượng là 0 (chưa đạt) hoặc từ 1 đến 4.',
    });
  const decision = input.nationalStandardDecision
    ? normalizeText(input.nationalStandardDecision)
    : '';
  if (decision.length > 200)
    errors.push({
      path: 'nationalStandardDecision',
      message: 'Số quyết định công nhận dài tối đa 200 ký tự.',
    });
  let date: string | null = null;
  const dateText = input.nationalStandardDate?.trim() ?? '';
  if (dateText) {
    date = parseVietnameseDate(dateText);
    if (!date)
      errors.push({
        path: 'nationalStandardDate',
        message: `Ngày công nhận "${dateText}" không hợp lệ: cần dạng dd/mm/yyyy.`,
      });
    else if (date > new Date().toISOString().slice(0, 10))
      errors.push({
        path: 'nationalStandardDate',
        message: 'Ngày công nhận không được sau ngày hôm nay.',
      });
  }
  if (level === 0 && (decision || dateText))
    errors.push({
      path: 'nationalStandardDecision',
      message:
        'Trường chưa đạt chuẩn quốc gia thì không ghi quyết định, ngày công nhận: hãy chọn mức độ 1 hoặc 2, hoặc xoá quyết định.',
    });
  const notes = input.notes ? input.notes.trim() : '';
  if (notes.length > 2000)
    errors.push({ path: 'notes', message: 'Ghi chú dài tối đa 2000 ký tự.' });
  if (errors.length) throw badRequest('Thông tin trường theo năm học chưa hợp lệ.', errors);
  return {
    national_standard_level: level,
    national_standard_decision: decision || null,
    national_standard_date: date,
    accreditation_level: accreditation,
    two_sessions_a_day: input.twoSessionsADay,
    notes: notes || null,
  };
}

/**
 * Records a school's attributes for one school year. Writes only the fields
 * sent (the others keep what is recorded, or their defaults), checked
 * together with the recorded ones under a row lock; a stale `version` (0 for
 * a year not recorded yet) is a 409.
 */
export async function updateSchoolProfile(
  db: Db,
  scope: Scope,
  schoolId: string,
  schoolYear: string,
  input: SchoolProfilePatch,
): Promise<SchoolProfile> {
  checkSchoolYear(schoolYear);
  const school = await requireSchool(db, scope, schoolId, 'registry.write');
  const what = `Thông tin năm học ${schoolYear} của ${school.name}`;
  const lock = (tx: Tx) =>
    tx
      .selectFrom('school_year_profile')
      .selectAll()
      .where('school_id', '=', schoolId)
      .where('school_year', '=', schoolYear)
      .forUpdate()
      .executeTakeFirst();
  await writeTransaction(db, scope.actor, async (tx) => {
    let row = await lock(tx);
    if (!row) {
      checkVersion(what, input.version, 0);
      const inserted = await tx
        .insertInto('school_year_profile')
        .values({
          school_id: schoolId,
          school_year: schoolYear,
          id: uuidv7(),
          ...validateProfile(mergeProfile(undefined, input)),
        })
        .onConflict((oc) => oc.columns(['school_id', 'school_year']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return;
      // Someone recorded the year at the same moment: theirs is the row to update.
      row = await lock(tx);
      if (!row) throw notFound('thông tin năm học');
      if (input.version !== undefined)
        throw staleVersion(what, { sent: input.version, current: row.version });
    }
    checkVersion(what, input.version, row.version);
    const fields = validateProfile(mergeProfile(row, input));
    const sent = PROFILE_COLUMNS.filter(([key]) => input[key] !== undefined).map(([, c]) => c);
    const changed = changedOnly(Object.fromEntries(sent.map((c) => [c, fields[c]])), row);
    if (Object.keys(changed).length === 0) return;
    const done = await tx
      .updateTable('school_year_profile')
      .set({
        ...changed,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('school_id', '=', schoolId)
      .where('school_year', '=', schoolYear)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (!done.numUpdatedRows) throw staleVersion(what);
  });
  return getSchoolProfile(db, scope, schoolId, schoolYear);
}

/** Input field → column, for writing only what was sent. */
const PROFILE_COLUMNS = [
  ['nationalStandardLevel', 'national_standard_level'],
  ['nationalStandardDecision', 'national_standard_decision'],
  ['nationalStandardDate', 'national_standard_date'],
  ['accreditationLevel', 'accreditation_level'],
  ['twoSessionsADay', 'two_sessions_a_day'],
  ['notes', 'notes'],
] as const satisfies readonly (readonly [keyof SchoolProfileInput, string])[];

/** The profile as it will be: the fields sent over the recorded ones (or the defaults). */
function mergeProfile(
  row: Selectable<SchoolYearProfileTable> | undefined,
  input: SchoolProfilePatch,
): SchoolProfileInput {
  return {
    nationalStandardLevel: input.nationalStandardLevel ?? row?.national_standard_level ?? 0,
    nationalStandardDecision:
      input.nationalStandardDecision !== undefined
        ? input.nationalStandardDecision
        : (row?.national_standard_decision ?? null),
    nationalStandardDate:
      input.nationalStandardDate !== undefined
        ? input.nationalStandardDate
        : (row?.national_standard_date ?? null),
    accreditationLevel: input.accreditationLevel ?? row?.accreditation_level ?? 0,
    twoSessionsADay: input.twoSessionsADay ?? row?.two_sessions_a_day ?? false,
    notes: input.notes !== undefined ? input.notes : (row?.notes ?? null),
  };
}

/**
 * Every active school in `unitId`'s subtree with its profile for the year
 * (defaults, `recorded: false`, where none was recorded): the input of the
 * national-standard and two-sessions-a-day rates.
 */
export async function listSchoolProfiles(
  db: Db,
  scope: Scope,
  unitId: string,
  schoolYear: string,
): Promise<SchoolProfileRow[]> {
  checkSchoolYear(schoolYear);
  const unit = await scope.requireUnit(db, unitId, 'registry.read');
  const rows = await db
    .selectFrom('org_unit as s')
    .leftJoin('school_year_profile as p', (join) =>
      join.onRef('p.school_id', '=', 's.id').on('p.school_year', '=', schoolYear),
    )
    .leftJoin('org_unit as parent', 'parent.id', 's.parent_id')
    .select([
      's.id',
      's.code',
      's.name',
      's.levels',
      's.ownership',
      's.address',
      's.active',
      'parent.name as parentName',
      'p.id as profileId',
      'p.national_standard_level',
      'p.national_standard_decision',
      'p.national_standard_date',
      'p.accreditation_level',
      'p.two_sessions_a_day',
      'p.notes',
      'p.version',
    ])
    .where('s.kind', '=', 'school')
    .where('s.active', '=', true)
    .where('s.path', 'like', `${unit.path}%`)
    .orderBy('s.code')
    .execute();
  return rows.map((r) => ({
    school: {
      id: r.id,
      code: r.code,
      name: r.name,
      levels: r.levels,
      ownership: r.ownership,
      address: r.address,
      active: r.active,
      parentName: r.parentName,
    },
    recorded: r.profileId !== null,
    nationalStandardLevel: r.national_standard_level ?? 0,
    nationalStandardDecision: r.national_standard_decision ?? null,
    nationalStandardDate: r.national_standard_date ?? null,
    accreditationLevel: r.accreditation_level ?? 0,
    twoSessionsADay: r.two_sessions_a_day ?? false,
    notes: r.notes ?? null,
    version: r.version ?? 0,
  }));
}

// ---------------------------------------------------------------- classes

export interface ClassInput {
  name: string;
  grade: number | null;
  sessionsPerDay: number;
  homeroomStaffId?: string | null | undefined;
}
export type ClassPatch = Partial<ClassInput>;

function classQuery(db: Db) {
  return db
    .selectFrom('class')
    .leftJoin('staff', 'staff.id', 'class.homeroom_staff_id')
    .select([
      'class.id',
      'class.school_id as schoolId',
      'class.school_year as schoolYear',
      'class.name',
      'class.grade',
      'class.sessions_per_day as sessionsPerDay',
      'class.version',
      'staff.id as homeroomId',
      'staff.full_name as homeroomName',
      sql<number>`(SELECT count(*)::int FROM enrolment e WHERE e.class_id = class.id AND e.school_id = class.school_id)`.as(
        'studentCount',
      ),
    ]);
}
type ClassQueryRow = Awaited<ReturnType<ReturnType<typeof classQuery>['execute']>>[number];
const toClassRow = (r: ClassQueryRow): ClassRow => ({
  id: r.id,
  schoolId: r.schoolId,
  schoolYear: r.schoolYear,
  name: r.name,
  grade: r.grade,
  sessionsPerDay: r.sessionsPerDay,
  homeroom: r.homeroomId && r.homeroomName ? { id: r.homeroomId, fullName: r.homeroomName } : null,
  studentCount: Number(r.studentCount),
  version: r.version,
});

/** A school's classes of a year with homeroom teacher and student count, by grade then name. */
export async function listSchoolClasses(
  db: Db,
  scope: Scope,
  schoolId: string,
  schoolYear: string,
): Promise<ClassRow[]> {
  checkSchoolYear(schoolYear);
  await requireSchool(db, scope, schoolId, 'registry.read');
  const rows = await classQuery(db)
    .where('class.school_id', '=', schoolId)
    .where('class.school_year', '=', schoolYear)
    .execute();
  const collator = new Intl.Collator('vi', { numeric: true });
  return rows
    .map(toClassRow)
    .sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0) || collator.compare(a.name, b.name));
}

/** Active staff of a school, the people a class's homeroom teacher is chosen from. */
export async function listHomeroomCandidates(
  db: Db,
  scope: Scope,
  schoolId: string,
): Promise<StaffOption[]> {
  await requireSchool(db, scope, schoolId, 'registry.read');
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'full_name as fullName', 'position', 'main_subject as mainSubject'])
    .where('school_id', '=', schoolId)
    .where('active', '=', true)
    .execute();
  const order = { teacher: 0, manager: 1, staff: 2 };
  return sortByVietnameseName(rows, (r) => r.fullName).sort(
    (a, b) => order[a.position] - order[b.position],
  );
}

async function loadClass(db: Db, scope: Scope, classId: string, permission: Permission) {
  scope.require(permission);
  if (!isUuid(classId)) throw notFound('lớp');
  const cls = await db
    .selectFrom('class')
    .innerJoin('org_unit', 'org_unit.id', 'class.school_id')
    .select([
      'class.id',
      'class.school_id',
      'class.school_year',
      'class.name',
      'class.grade',
      'class.sessions_per_day',
      'class.homeroom_staff_id',
      'org_unit.path',
      'org_unit.levels',
    ])
    .where('class.id', '=', classId)
    .executeTakeFirst();
  if (!cls) throw notFound('lớp');
  if (!scope.containsPath(cls.path)) throw forbidden();
  return cls;
}

/** Checks a class's fields against its school; every problem at once, in Vietnamese. */
async function validateClass(
  db: Db,
  school: { id: string; levels: SchoolLevel[] },
  fields: { name: string; grade: number | null; sessionsPerDay: number; homeroom: string | null },
): Promise<void> {
  const errors: FieldError[] = [];
  if (!fields.name) errors.push({ path: 'name', message: 'Tên lớp không được để trống.' });
  else if (fields.name.length > 30)
    errors.push({ path: 'name', message: 'Tên lớp dài tối đa 30 ký tự.' });
  if (
    fields.grade !== null &&
    (!Number.isInteger(fields.grade) || fields.grade < 1 || fields.grade > 12)
  )
    errors.push({ path: 'grade', message: 'Khối lớp là số nguyên từ 1 đến 12.' });
  else if (!gradeFits(school.levels, fields.grade))
    errors.push({
      path: 'grade',
      message:
        fields.grade === null
          ? `Chỉ nhóm, lớp mầm non mới để trống khối; trường có cấp học: ${school.levels.map((l) => LEVEL_LABELS[l]).join(', ')}.`
          : `Khối ${fields.grade} không thuộc cấp học của trường (${school.levels.map((l) => LEVEL_LABELS[l]).join(', ')}).`,
    });
  if (fields.sessionsPerDay !== 1 && fields.sessionsPerDay !== 2)
    errors.push({ path: 'sessionsPerDay', message: 'Số buổi học mỗi ngày là 1 hoặc 2.' });
  if (fields.homeroom !== null) {
    const person = isUuid(fields.homeroom)
      ? await db
          .selectFrom('staff')
          .select(['school_id', 'active', 'full_name'])
          .where('id', '=', fields.homeroom)
          .executeTakeFirst()
      : undefined;
    if (!person || person.school_id !== school.id)
      errors.push({
        path: 'homeroomStaffId',
        message: 'Giáo viên chủ nhiệm phải là cán bộ, giáo viên của chính trường này.',
      });
    else if (!person.active)
      errors.push({
        path: 'homeroomStaffId',
        message: `${person.full_name} đã thôi làm việc tại trường, không thể làm giáo viên chủ nhiệm.`,
      });
  }
  if (errors.length) throw badRequest('Thông tin lớp chưa hợp lệ.', errors);
}

async function requireClassNameFree(
  db: Db,
  schoolId: string,
  schoolYear: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const clash = await db
    .selectFrom('class')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
  if (clash && clash.id !== exceptId)
    throw conflict(`Năm học ${schoolYear} của trường đã có lớp "${name}".`, [
      { path: 'name', message: 'Tên lớp đã có trong năm học.' },
    ]);
}

async function getClassRow(db: Db, classId: string): Promise<ClassRow> {
  const row = await classQuery(db).where('class.id', '=', classId).executeTakeFirstOrThrow();
  return toClassRow(row);
}

export async function createClass(
  db: Db,
  scope: Scope,
  schoolId: string,
  schoolYear: string,
  input: ClassInput,
): Promise<ClassRow> {
  checkSchoolYear(schoolYear);
  const school = await requireSchool(db, scope, schoolId, 'registry.write');
  const fields = {
    name: normalizeText(input.name),
    grade: input.grade,
    sessionsPerDay: input.sessionsPerDay,
    homeroom: input.homeroomStaffId ?? null,
  };
  await validateClass(db, school, fields);
  await requireClassNameFree(db, schoolId, schoolYear, fields.name);
  const id = uuidv7();
  await writeTransaction(db, scope.actor, (tx) =>
    tx
      .insertInto('class')
      .values({
        school_id: schoolId,
        id,
        school_year: schoolYear,
        name: fields.name,
        grade: fields.grade,
        sessions_per_day: fields.sessionsPerDay,
        homeroom_staff_id: fields.homeroom,
      })
      .execute(),
  );
  return getClassRow(db, id);
}

/**
 * Renames a class, changes its grade, sessions per day or homeroom teacher
 * (null clears it). Writes only the fields sent, with the row locked, so
 * concurrent edits of different fields all stay; a stale `version` is a 409.
 */
export async function updateClass(
  db: Db,
  scope: Scope,
  classId: string,
  patch: ClassPatch & { version?: number | undefined },
): Promise<ClassRow> {
  const found = await loadClass(db, scope, classId, 'registry.write');
  return writeTransaction(db, scope.actor, async (tx) => {
    const cls = await tx
      .selectFrom('class')
      .select(['name', 'grade', 'sessions_per_day', 'homeroom_staff_id', 'version'])
      .where('school_id', '=', found.school_id)
      .where('id', '=', found.id)
      .forUpdate()
      .executeTakeFirst();
    if (!cls) throw notFound('lớp');
    checkVersion(`Lớp ${cls.name}`, patch.version, cls.version);
    const set = {
      ...(patch.name !== undefined ? { name: normalizeText(patch.name) } : {}),
      ...(patch.grade !== undefined ? { grade: patch.grade } : {}),
      ...(patch.sessionsPerDay !== undefined ? { sessions_per_day: patch.sessionsPerDay } : {}),
      ...(patch.homeroomStaffId !== undefined ? { homeroom_staff_id: patch.homeroomStaffId } : {}),
    };
    const fields = {
      name: set.name ?? cls.name,
      grade: set.grade !== undefined ? set.grade : cls.grade,
      sessionsPerDay: set.sessions_per_day ?? cls.sessions_per_day,
      homeroom: set.homeroom_staff_id !== undefined ? set.homeroom_staff_id : cls.homeroom_staff_id,
    };
    await validateClass(tx, { id: found.school_id, levels: found.levels }, fields);
    if (fields.name !== cls.name)
      await requireClassNameFree(tx, found.school_id, found.school_year, fields.name, found.id);
    const changed = changedOnly(set, cls);
    if (Object.keys(changed).length === 0) return getClassRow(tx, found.id);
    const done = await tx
      .updateTable('class')
      .set({ ...changed, version: sql`version + 1`, updated_at: sql`now()` })
      .where('school_id', '=', found.school_id)
      .where('id', '=', found.id)
      .where('version', '=', cls.version)
      .executeTakeFirst();
    if (!done.numUpdatedRows) throw staleVersion(`Lớp ${cls.name}`);
    // Read in the same transaction: the answer is the row as this update left it.
    return getClassRow(tx, found.id);
  });
}

export const CLASS_EXPORT_HEADERS = [
  'STT',
  'Lớp',
  'Khối',
  'Số buổi học/ngày',
  'Giáo viên chủ nhiệm',
  'Sĩ số',
] as const;

/** A school's class list of a year as xlsx with Vietnamese headers. */
export async function exportSchoolClasses(
  db: Db,
  scope: Scope,
  schoolId: string,
  schoolYear: string,
  out: Writable,
): Promise<number> {
  const rows = await listSchoolClasses(db, scope, schoolId, schoolYear);
  await writeSimpleWorkbook(
    out,
    'Lớp',
    [...CLASS_EXPORT_HEADERS],
    rows.map((r, i) => [
      i + 1,
      r.name,
      r.grade,
      r.sessionsPerDay,
      r.homeroom?.fullName ?? null,
      r.studentCount,
    ]),
  );
  return rows.length;
}

// ---------------------------------------------------------------- facilities

/** Input as sent: checked here so every row's problem is named. */
export interface FacilityInput {
  roomType: string;
  condition: string;
  count: number;
  areaM2?: number | null | undefined;
}

function totalsOf(items: FacilityItem[]): FacilityTotals {
  const totals: FacilityTotals = {
    rooms: 0,
    byCondition: { solid: 0, semi_solid: 0, temporary: 0 },
    byType: {},
    areaM2: 0,
  };
  for (const item of items) {
    totals.rooms += item.count;
    totals.byCondition[item.condition] += item.count;
    totals.byType[item.roomType] = (totals.byType[item.roomType] ?? 0) + item.count;
    totals.areaM2 += item.areaM2 ?? 0;
  }
  totals.areaM2 = Math.round(totals.areaM2 * 10) / 10;
  return totals;
}

const itemOrder = (a: FacilityItem, b: FacilityItem) =>
  ROOM_TYPES.indexOf(a.roomType) - ROOM_TYPES.indexOf(b.roomType) ||
  ROOM_CONDITIONS.indexOf(a.condition) - ROOM_CONDITIONS.indexOf(b.condition);

export async function getFacilities(
  db: Db,
  scope: Scope,
  schoolId: string,
  schoolYear: string,
): Promise<SchoolFacilities> {
  checkSchoolYear(schoolYear);
  const school = await requireSchool(db, scope, schoolId, 'registry.read');
  const rows = await db
    .selectFrom('facility')
    .select(['room_type', 'condition', 'room_count', 'area_m2', 'version'])
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .execute();
  const items = rows
    .map((r) => ({
      roomType: r.room_type,
      condition: r.condition,
      count: r.room_count,
      areaM2: r.area_m2 === null ? null : Number(r.area_m2),
      version: r.version,
    }))
    .sort(itemOrder);
  return { school: schoolInfo(school), schoolYear, items, totals: totalsOf(items) };
}

/** Checks every row; errors name the row (1-based, as the page shows it) and the field. */
export function validateFacilities(input: FacilityInput[]): FacilityItem[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const items: FacilityItem[] = [];
  input.forEach((row, i) => {
    const n = i + 1;
    const typeOk = (ROOM_TYPES as string[]).includes(row.roomType);
    const conditionOk = (ROOM_CONDITIONS as string[]).includes(row.condition);
    if (!typeOk)
      errors.push({
        path: `items.${i}.roomType`,
        message: `Dòng ${n}: loại phòng "${row.roomType}" không có trong danh mục.`,
      });
    if (!conditionOk)
      errors.push({
        path: `items.${i}.condition`,
        message: `Dòng ${n}: tình trạng "${row.condition}" không hợp lệ; chọn Kiên cố, Bán kiên cố hoặc Tạm.`,
      });
    if (!Number.isInteger(row.count) || row.count < 0 || row.count > MAX_ROOM_COUNT)
      errors.push({
        path: `items.${i}.count`,
        message: `Dòng ${n}: số phòng phải là số nguyên từ 0 đến ${MAX_ROOM_COUNT.toLocaleString('vi-VN')}.`,
      });
    const area = row.areaM2 ?? null;
    if (area !== null && (!Number.isFinite(area) || area < 0 || area > MAX_AREA_M2))
      errors.push({
        path: `items.${i}.areaM2`,
        message: `Dòng ${n}: diện tích phải là số từ 0 đến ${MAX_AREA_M2.toLocaleString('vi-VN')} m².`,
      });
    if (!typeOk || !conditionOk) return;
    const key = `${row.roomType}|${row.condition}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        path: `items.${i}.roomType`,
        message: `Dòng ${n}: trùng "${ROOM_TYPE_LABELS[row.roomType as RoomType]} – ${ROOM_CONDITION_LABELS[row.condition as RoomCondition]}" với dòng ${first}.`,
      });
      return;
    }
    seen.set(key, n);
    items.push({
      roomType: row.roomType as RoomType,
      condition: row.condition as RoomCondition,
      count: row.count,
      areaM2: area === null ? null : Math.round(area * 10) / 10,
    });
  });
  if (errors.length) throw badRequest('Số liệu cơ sở vật chất chưa hợp lệ: chưa lưu gì.', errors);
  return items;
}

/** A facility row as the form loaded it: its key and version. */
export interface FacilityVersion {
  roomType: string;
  condition: string;
  version: number;
}

/**
 * Replaces a school's rooms for a year with `input`: rows missing from it are
 * removed, changed rows updated in place (same id, so the audit log shows
 * before → after), unchanged rows not written. A row with 0 rooms and no area
 * says nothing and is not kept.
 *
 * The rooms of a year are one form, so its version is the set of rows it was
 * loaded with: `loaded` (the items' keys and versions, [] for none) must be
 * exactly the rows recorded now, or the save is a 409 (someone changed,
 * added or removed a row since). Without `loaded` nothing is checked.
 */
export async function replaceFacilities(
  db: Db,
  scope: Scope,
  schoolId: string,
  schoolYear: string,
  input: FacilityInput[],
  loaded?: FacilityVersion[],
): Promise<SchoolFacilities> {
  checkSchoolYear(schoolYear);
  const school = await requireSchool(db, scope, schoolId, 'registry.write');
  if (input.length > ROOM_TYPES.length * ROOM_CONDITIONS.length)
    throw badRequest('Quá nhiều dòng cơ sở vật chất: mỗi loại phòng và tình trạng chỉ một dòng.');
  const items = validateFacilities(input).filter((i) => i.count > 0 || i.areaM2 !== null);
  await writeTransaction(db, scope.actor, async (tx) => {
    // Two saves of the same year wait for each other: row locks cannot cover rows not there yet.
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`facility|${schoolId}|${schoolYear}`}, 0))`.execute(
      tx,
    );
    const existing = await tx
      .selectFrom('facility')
      .select(['id', 'room_type', 'condition', 'room_count', 'area_m2', 'version'])
      .where('school_id', '=', schoolId)
      .where('school_year', '=', schoolYear)
      .forUpdate()
      .execute();
    const byKey = new Map(existing.map((e) => [`${e.room_type}|${e.condition}`, e]));
    if (loaded) {
      const seen = new Map(loaded.map((l) => [`${l.roomType}|${l.condition}`, l.version]));
      const same =
        seen.size === loaded.length &&
        seen.size === existing.length &&
        existing.every((e) => seen.get(`${e.room_type}|${e.condition}`) === e.version);
      if (!same) throw staleVersion(`Cơ sở vật chất năm học ${schoolYear} của ${school.name}`);
    }
    const keep = new Set<string>();
    const inserts = [];
    for (const item of items) {
      const key = `${item.roomType}|${item.condition}`;
      keep.add(key);
      const old = byKey.get(key);
      if (!old) {
        inserts.push({
          school_id: schoolId,
          school_year: schoolYear,
          room_type: item.roomType,
          condition: item.condition,
          id: uuidv7(),
          room_count: item.count,
          area_m2: item.areaM2,
        });
      } else if (
        old.room_count !== item.count ||
        (old.area_m2 === null ? null : Number(old.area_m2)) !== item.areaM2
      ) {
        await tx
          .updateTable('facility')
          .set({
            room_count: item.count,
            area_m2: item.areaM2,
            version: sql`version + 1`,
            updated_at: sql`now()`,
          })
          .where('school_id', '=', schoolId)
          .where('id', '=', old.id)
          .execute();
      }
    }
    const gone = existing.filter((e) => !keep.has(`${e.room_type}|${e.condition}`));
    if (gone.length)
      await tx
        .deleteFrom('facility')
        .where('school_id', '=', schoolId)
        .where(
          'id',
          'in',
          gone.map((g) => g.id),
        )
        .execute();
    if (inserts.length) await tx.insertInto('facility').values(inserts).execute();
  });
  return getFacilities(db, scope, schoolId, schoolYear);
}

/** Rooms by type and condition summed over every active school in `unitId`'s subtree. */
export async function facilitySummary(
  db: Db,
  scope: Scope,
  unitId: string,
  schoolYear: string,
): Promise<FacilitySummary> {
  checkSchoolYear(schoolYear);
  const unit = await scope.requireUnit(db, unitId, 'registry.read');
  const inSubtree = db
    .selectFrom('org_unit')
    .select('id')
    .where('kind', '=', 'school')
    .where('active', '=', true)
    .where('path', 'like', `${unit.path}%`);
  const rows = await db
    .selectFrom('facility')
    .select([
      'room_type',
      'condition',
      sql<number>`sum(room_count)::int`.as('rooms'),
      sql<number | null>`sum(area_m2)`.as('area'),
    ])
    .where('school_id', 'in', inSubtree)
    .where('school_year', '=', schoolYear)
    .groupBy(['room_type', 'condition'])
    .execute();
  const [counts] = await db
    .selectFrom('org_unit')
    .select([
      sql<number>`count(*)::int`.as('schools'),
      sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM facility f WHERE f.school_id = org_unit.id AND f.school_year = ${schoolYear}))::int`.as(
        'reported',
      ),
    ])
    .where('kind', '=', 'school')
    .where('active', '=', true)
    .where('path', 'like', `${unit.path}%`)
    .execute();
  const items = rows
    .map((r) => ({
      roomType: r.room_type,
      condition: r.condition,
      count: Number(r.rooms),
      areaM2: r.area === null ? null : Math.round(Number(r.area) * 10) / 10,
    }))
    .sort(itemOrder);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    schoolYear,
    schools: Number(counts?.schools ?? 0),
    schoolsReported: Number(counts?.reported ?? 0),
    items,
    totals: totalsOf(items),
  };
}

export const FACILITY_EXPORT_HEADERS = [
  'STT',
  'Mã trường',
  'Tên trường',
  'Năm học',
  'Loại phòng',
  'Tình trạng',
  'Số phòng',
  'Diện tích (m²)',
] as const;

/**
 * Rooms of every school in `unitId`'s subtree (or of one school), one line
 * per school, type and condition, as xlsx with Vietnamese headers.
 */
export async function exportFacilities(
  db: Db,
  scope: Scope,
  unitId: string,
  schoolYear: string,
  out: Writable,
): Promise<number> {
  checkSchoolYear(schoolYear);
  const unit = await scope.requireUnit(db, unitId, 'registry.read');
  const rows = await db
    .selectFrom('facility')
    .innerJoin('org_unit', 'org_unit.id', 'facility.school_id')
    .select([
      'org_unit.code',
      'org_unit.name',
      'facility.room_type',
      'facility.condition',
      'facility.room_count',
      'facility.area_m2',
    ])
    .where('org_unit.path', 'like', `${unit.path}%`)
    // Merged (inactive) schools keep their history but no longer count.
    .where('org_unit.active', '=', true)
    .where('facility.school_year', '=', schoolYear)
    .orderBy('org_unit.code')
    .limit(500_000)
    .execute();
  rows.sort(
    (a, b) =>
      a.code.localeCompare(b.code) ||
      ROOM_TYPES.indexOf(a.room_type) - ROOM_TYPES.indexOf(b.room_type) ||
      ROOM_CONDITIONS.indexOf(a.condition) - ROOM_CONDITIONS.indexOf(b.condition),
  );
  await writeSimpleWorkbook(
    out,
    'Cơ sở vật chất',
    [...FACILITY_EXPORT_HEADERS],
    rows.map((r, i) => [
      i + 1,
      r.code,
      r.name,
      schoolYear,
      ROOM_TYPE_LABELS[r.room_type],
      ROOM_CONDITION_LABELS[r.condition],
      r.room_count,
      r.area_m2 === null ? null : Number(r.area_m2),
    ]),
  );
  return rows.length;
}
