import type {
  Gender,
  OrgUnitKind,
  Ownership,
  RoomCondition,
  RoomType,
  SchoolLevel,
  StaffPosition,
} from '../../db/schema.ts';
import { makePersonalId } from '../../lib/personal-id.ts';
import { searchKey, splitName } from '../../lib/vietnamese.ts';
import {
  ETHNICITIES,
  FAMILY_NAMES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MIDDLE_FEMALE,
  MIDDLE_MALE,
  PLACE_WORDS,
  PRESCHOOL_NAMES,
  QUALIFICATIONS,
  SCHOOL_NAMESAKES,
  SUBJECTS_SECONDARY,
  SUBJECTS_UPPER,
} from './names.ts';
import { schoolYearOf } from '../registry/index.ts';

/**
 * A generated, realistic demo province: deterministic for a seed (no
 * Math.random), produced school by school so 500,000 students never sit in
 * memory at once. Ids are derived from the seed too, so the same seed gives
 * the same rows.
 */

export interface DemoOptions {
  schools: number;
  students: number;
  seed: number;
  schoolYear: string;
}

export const DEFAULT_DEMO: DemoOptions = {
  schools: 300,
  students: 100_000,
  seed: 1,
  // The running school year, so that the pages (which open on it) show the demo.
  schoolYear: schoolYearOf(),
};

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
function weighted<T>(r: Random, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** A UUIDv7-shaped id made from the seed's stream (deterministic). */
function makeId(r: Random, counter: number): string {
  const hex = (n: number, len: number) => Math.floor(n).toString(16).padStart(len, '0').slice(-len);
  const time = 0x019a_0000_0000 + counter;
  const t = hex(time, 12);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(r() * 0xfff, 3)}-${hex(0x8000 + r() * 0x3fff, 4)}-${hex(r() * 0xffffff, 6)}${hex(r() * 0xffffff, 6)}`;
}

export interface DemoUnit {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  path: string;
  depth: number;
  levels: SchoolLevel[];
  ownership: Ownership | null;
  address: string | null;
  /** A school's location (decimal degrees), near its commune's centre; null for other units. */
  latitude: number | null;
  longitude: number | null;
}
export interface DemoClass {
  id: string;
  schoolId: string;
  name: string;
  grade: number | null;
  sessionsPerDay: number;
  homeroomStaffId: string | null;
}
export interface DemoPerson {
  id: string;
  schoolId: string;
  fullName: string;
  familyName: string;
  middleName: string;
  givenName: string;
  searchName: string;
  birthDate: string;
  gender: Gender;
  personalId: string;
}
export interface DemoStudent extends DemoPerson {
  studentCode: string;
  ethnicity: string;
  birthPlace: string;
  address: string;
  guardianName: string;
  phone: string;
  classId: string;
}
export interface DemoStaff extends DemoPerson {
  position: StaffPosition;
  /** Recorded in multi-level schools, where the teacher norm is per level. */
  levelTaught: SchoolLevel | null;
  mainSubject: string | null;
  qualification: string;
  employmentType: string;
  /** Hạng chức danh nghề nghiệp of a teacher (TT 01–04/2021/TT-BGDĐT), null for others. */
  rank: string | null;
}

/** The title of a teacher's professional grade by level (TT 01/2021 … 04/2021/TT-BGDĐT). */
const RANK_TITLE: Record<SchoolLevel, string> = {
  preschool: 'Giáo viên mầm non',
  primary: 'Giáo viên tiểu học',
  lower_secondary: 'Giáo viên trung học cơ sở',
  upper_secondary: 'Giáo viên trung học phổ thông',
};
/** The school's attributes for the demo school year (see the school_year_profile table). */
export interface DemoProfile {
  id: string;
  nationalStandardLevel: number;
  nationalStandardDecision: string | null;
  nationalStandardDate: string | null;
  accreditationLevel: number;
  twoSessionsADay: boolean;
}
export interface DemoFacility {
  id: string;
  roomType: RoomType;
  condition: RoomCondition;
  count: number;
  areaM2: number;
}
export interface DemoSchool {
  unit: DemoUnit;
  classes: DemoClass[];
  students: DemoStudent[];
  staff: DemoStaff[];
  profile: DemoProfile;
  facilities: DemoFacility[];
}

/** Typical floor area per room, m² (orders of magnitude of the school-building standards). */
const ROOM_AREA: Record<RoomType, number> = {
  classroom: 54,
  subject_room: 70,
  library: 75,
  laboratory: 72,
  computer_room: 60,
  language_room: 60,
  multipurpose_hall: 300,
  equipment_room: 36,
  medical_room: 24,
  administration: 30,
  staff_room: 50,
  kitchen: 90,
  toilet: 24,
  other: 30,
};

/**
 * Profile and rooms of a school, from their own random stream so that adding
 * them left every other generated row (and id) as it was.
 */
function schoolExtras(
  seed: number,
  index: number,
  startYear: number,
  levels: SchoolLevel[],
  ownership: Ownership,
  classes: DemoClass[],
): { profile: DemoProfile; facilities: DemoFacility[] } {
  const r = prng(seed ^ 0x2545f491);
  let counter = 0;
  // A time part far above the main stream's counters keeps these ids apart.
  const id = () => makeId(r, 0x1_0000_0000 + index * 64 + counter++);
  // About 85% of schools meet the national standard (glossary target 91%); fewer private ones.
  const standard = r() < (ownership === 'public' ? 0.88 : 0.55) ? (r() < 0.22 ? 2 : 1) : 0;
  // Accreditation Cấp độ 2 goes with standard Mức độ 1, Cấp độ 3 with Mức độ 2 (vn-regulations.md §2).
  const accreditation =
    standard === 0 ? (r() < 0.5 ? 1 : 0) : standard + 1 + (standard === 2 && r() < 0.1 ? 1 : 0);
  const recognisedYear = startYear - Math.floor(r() * 5);
  const profile: DemoProfile = {
    id: id(),
    nationalStandardLevel: standard,
    nationalStandardDecision: standard > 0 ? `${100 + Math.floor(r() * 3800)}/QĐ-UBND` : null,
    nationalStandardDate:
      standard > 0
        ? `${recognisedYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`
        : null,
    accreditationLevel: accreditation,
    twoSessionsADay: classes.length > 0 && classes.every((c) => c.sessionsPerDay === 2),
  };
  const secondary = levels.includes('lower_secondary') || levels.includes('upper_secondary');
  const rooms = new Map<string, DemoFacility>();
  const add = (roomType: RoomType, condition: RoomCondition, count: number) => {
    if (count <= 0) return;
    const key = `${roomType}|${condition}`;
    const row = rooms.get(key);
    const area = Math.round(count * ROOM_AREA[roomType] * (0.85 + r() * 0.3) * 10) / 10;
    if (row) {
      row.count += count;
      row.areaM2 = Math.round((row.areaM2 + area) * 10) / 10;
    } else rooms.set(key, { id: id(), roomType, condition, count, areaM2: area });
  };
  // A classroom per class, mostly solid; poorer schools keep some semi-solid or temporary rooms.
  const semi = Math.floor(classes.length * r() * (standard ? 0.12 : 0.35));
  const temporary = standard ? 0 : Math.floor(classes.length * r() * 0.08);
  add('classroom', 'solid', Math.max(1, classes.length - semi - temporary));
  add('classroom', 'semi_solid', semi);
  add('classroom', 'temporary', temporary);
  if (secondary) add('subject_room', 'solid', 2 + Math.floor(r() * 5));
  add('library', 'solid', 1);
  if (secondary) add('laboratory', r() < 0.8 ? 'solid' : 'semi_solid', 1 + Math.floor(r() * 3));
  if (!levels.includes('preschool') || levels.length > 1)
    add('computer_room', 'solid', 1 + (secondary && r() < 0.5 ? 1 : 0));
  if (!levels.includes('preschool') && r() < 0.6) add('language_room', 'solid', 1);
  if (r() < (standard ? 0.7 : 0.3)) add('multipurpose_hall', 'solid', 1);
  add('equipment_room', 'solid', 1);
  add('medical_room', 'solid', 1);
  add('administration', 'solid', 2 + Math.floor(r() * 3));
  add('staff_room', 'solid', 1);
  if (levels.includes('preschool') || profile.twoSessionsADay) add('kitchen', 'solid', 1);
  add('toilet', r() < 0.85 ? 'solid' : 'semi_solid', 2 + Math.floor(classes.length / 8));
  return { profile, facilities: [...rooms.values()] };
}

type SchoolPlan = {
  level: 'preschool' | 'primary' | 'lower_secondary' | 'primary_lower' | 'upper_secondary';
  weight: number;
};
const SCHOOL_MIX: [SchoolPlan['level'], number][] = [
  ['preschool', 34],
  ['primary', 30],
  ['lower_secondary', 22],
  ['primary_lower', 5],
  ['upper_secondary', 9],
];
/** Relative school sizes: an upper-secondary school is the largest. */
const SIZE_WEIGHT: Record<SchoolPlan['level'], number> = {
  preschool: 0.45,
  primary: 1,
  lower_secondary: 1.1,
  primary_lower: 1.3,
  upper_secondary: 2,
};
const LEVELS_OF: Record<SchoolPlan['level'], SchoolLevel[]> = {
  preschool: ['preschool'],
  primary: ['primary'],
  lower_secondary: ['lower_secondary'],
  primary_lower: ['primary', 'lower_secondary'],
  upper_secondary: ['upper_secondary'],
};
const PRESCHOOL_GROUPS = [
  { prefix: 'Mầm', age: 3 },
  { prefix: 'Chồi', age: 4 },
  { prefix: 'Lá', age: 5 },
];
/** Teachers per class (Circular 20/2023; vn-regulations.md §1), used for plausible staffing. */
const TEACHER_NORM: Record<SchoolLevel, number> = {
  preschool: 2.2,
  primary: 1.5,
  lower_secondary: 1.9,
  upper_secondary: 2.25,
};
const CLASS_SIZE: Record<SchoolLevel, [number, number]> = {
  preschool: [22, 30],
  primary: [28, 35],
  lower_secondary: [35, 45],
  upper_secondary: [38, 45],
};

export const DEMO_PROVINCE_CODE = 44; // birth-registration province in generated personal ids

/** Rough centres of the provinces the demo may be named after (decimal degrees, on land). */
const PROVINCE_CENTRE: Record<string, readonly [number, number]> = {
  'Quảng Bình': [17.47, 106.55],
  'Quảng Ninh': [21.1, 107.15],
  'Điện Biên': [21.4, 103.05],
  'Hải Phòng': [20.85, 106.62],
  'Hà Tĩnh': [18.33, 105.85],
};
/** To four decimals (about 11 m): what a form would hold. */
const degrees = (x: number) => Math.round(x * 10_000) / 10_000;
const located = ([lat, lon]: readonly [number, number], r: Random) => ({
  latitude: degrees(lat + (r() - 0.5) * 0.03),
  longitude: degrees(lon + (r() - 0.5) * 0.03),
});

export interface DemoPlan {
  department: DemoUnit;
  communes: DemoUnit[];
  /** Generates one school's rows; call in order 0..schoolCount-1. */
  school: (index: number) => DemoSchool;
  schoolCount: number;
}

export function planDemo(options: DemoOptions): DemoPlan {
  const r = prng(options.seed);
  let idCounter = 0;
  const id = () => makeId(r, idCounter++);
  const startYear = Number(options.schoolYear.slice(0, 4));
  const provinceName = pick(r, ['Quảng Bình', 'Quảng Ninh', 'Điện Biên', 'Hải Phòng', 'Hà Tĩnh']);
  const departmentId = id();
  const department: DemoUnit = {
    id: departmentId,
    code: 'SGD',
    name: `Sở Giáo dục và Đào tạo ${provinceName} (mẫu)`,
    kind: 'department',
    parentId: null,
    path: `/${departmentId}/`,
    depth: 0,
    levels: [],
    ownership: null,
    address: `${provinceName}`,
    latitude: null,
    longitude: null,
  };
  const communeCount = Math.max(20, Math.min(30, Math.round(options.schools / 12)));
  const usedPlaces = new Set<string>();
  const communes: DemoUnit[] = [];
  for (let i = 0; i < communeCount; i++) {
    let place = pick(r, PLACE_WORDS);
    if (usedPlaces.has(place)) place = `${place} ${usedPlaces.size}`;
    usedPlaces.add(place);
    const cid = id();
    communes.push({
      id: cid,
      code: `X${String(i + 1).padStart(3, '0')}`,
      name: `${r() < 0.3 ? 'Phường' : 'Xã'} ${place}`,
      kind: 'commune',
      parentId: departmentId,
      path: `${department.path}${cid}/`,
      depth: 1,
      levels: [],
      ownership: null,
      address: provinceName,
      latitude: null,
      longitude: null,
    });
  }
  // Where communes and schools lie: a stream of its own, so that every other
  // generated value (names, ids) is what it was before locations existed.
  const geo = prng(options.seed ^ 0x6e0_91);
  const [provinceLat, provinceLon] = PROVINCE_CENTRE[provinceName]!;
  const communeCentre = new Map(
    communes.map((c) => [
      c.id,
      [provinceLat + (geo() - 0.5) * 0.3, provinceLon + (geo() - 0.5) * 0.3] as const,
    ]),
  );
  // Plan every school first (cheap), then generate their rows lazily.
  const plans = Array.from({ length: options.schools }, (_, i) => {
    const level = weighted(r, SCHOOL_MIX);
    const commune = communes[i % communes.length]!;
    return {
      level,
      commune,
      weight: SIZE_WEIGHT[level] * (0.6 + r() * 0.8),
      seed: Math.floor(r() * 2 ** 31),
    };
  });
  const totalWeight = plans.reduce((s, p) => s + p.weight, 0);
  let studentsLeft = options.students;
  const studentQuota = plans.map((p, i) => {
    const n =
      i === plans.length - 1
        ? studentsLeft
        : Math.round((options.students * p.weight) / totalWeight);
    studentsLeft -= n;
    return Math.max(0, n);
  });
  const namesakeUse = new Map<string, number>();
  const idSerial = new Map<string, number>();
  let studentCode = 0;

  const makePerson = (
    sr: Random,
    schoolId: string,
    gender: Gender,
    birthYear: number,
    adult: boolean,
  ): DemoPerson => {
    const family = weighted(sr, FAMILY_NAMES);
    const middle = pick(sr, gender === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE);
    const given = pick(sr, gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
    const fullName =
      sr() < 0.15 && !adult
        ? `${family} ${middle} ${pick(sr, gender === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE)} ${given}`
        : `${family} ${middle} ${given}`;
    const parts = splitName(fullName);
    const month = 1 + Math.floor(sr() * 12);
    const day = 1 + Math.floor(sr() * (month === 2 ? 28 : 30));
    const bucket = `${birthYear}${gender}`;
    const serial = idSerial.get(bucket) ?? 0;
    idSerial.set(bucket, serial + 1);
    return {
      id: id(),
      schoolId,
      fullName,
      ...parts,
      searchName: searchKey(fullName),
      birthDate: `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      gender,
      // A multiplicative permutation keeps serials unique within a bucket.
      personalId: makePersonalId(
        DEMO_PROVINCE_CODE,
        birthYear,
        gender,
        (serial * 7919 + 104_729) % 1_000_000,
      ),
    };
  };

  const school = (index: number): DemoSchool => {
    const plan = plans[index]!;
    const sr = prng(plan.seed);
    const levels = LEVELS_OF[plan.level];
    const namesake =
      plan.level === 'preschool' ? pick(sr, PRESCHOOL_NAMES) : pick(sr, SCHOOL_NAMESAKES);
    const seen = namesakeUse.get(`${plan.level}${namesake}`) ?? 0;
    namesakeUse.set(`${plan.level}${namesake}`, seen + 1);
    const prefix = {
      preschool: 'Trường Mầm non',
      primary: 'Trường Tiểu học',
      lower_secondary: 'Trường THCS',
      primary_lower: 'Trường TH&THCS',
      upper_secondary: 'Trường THPT',
    }[plan.level];
    const place = plan.commune.name.replace(/^(Xã|Phường) /, '');
    const name =
      seen === 0
        ? `${prefix} ${namesake}`
        : `${prefix} ${namesake} - ${place}${seen > 1 ? ` ${seen}` : ''}`;
    const ownership: Ownership = sr() < 0.08 ? 'private' : 'public';
    // After the 2025 reform communes run preschool to lower-secondary; upper-secondary schools sit under the department.
    const parent = plan.level === 'upper_secondary' ? department : plan.commune;
    const schoolId = id();
    const unit: DemoUnit = {
      id: schoolId,
      code: `${{ preschool: 'MN', primary: 'TH', lower_secondary: 'THCS', primary_lower: 'THTHCS', upper_secondary: 'THPT' }[plan.level]}${String(index + 1).padStart(4, '0')}`,
      name,
      kind: 'school',
      parentId: parent.id,
      path: `${parent.path}${schoolId}/`,
      depth: parent.depth + 1,
      levels,
      ownership,
      address: `${plan.commune.name}, ${provinceName}`,
      // Within about 1.5 km of the commune's centre (a stream of its own, as above).
      ...located(communeCentre.get(plan.commune.id)!, prng(plan.seed ^ 0x2c1b_3c6d)),
    };
    const grades: { grade: number | null; label: string; age: number; level: SchoolLevel }[] = [];
    for (const level of levels) {
      if (level === 'preschool')
        for (const g of PRESCHOOL_GROUPS)
          grades.push({ grade: null, label: g.prefix, age: g.age, level });
      if (level === 'primary')
        for (let g = 1; g <= 5; g++) grades.push({ grade: g, label: String(g), age: 5 + g, level });
      if (level === 'lower_secondary')
        for (let g = 6; g <= 9; g++) grades.push({ grade: g, label: String(g), age: 5 + g, level });
      if (level === 'upper_secondary')
        for (let g = 10; g <= 12; g++)
          grades.push({ grade: g, label: String(g), age: 5 + g, level });
    }
    const perGrade = Math.floor(studentQuota[index]! / grades.length);
    let extra = studentQuota[index]! - perGrade * grades.length;
    const classes: DemoClass[] = [];
    const students: DemoStudent[] = [];
    const twoSessions = levels.includes('primary') && sr() < 0.85;
    for (const g of grades) {
      const count = perGrade + (extra-- > 0 ? 1 : 0);
      if (count === 0) continue;
      const [minSize, maxSize] = CLASS_SIZE[g.level];
      const target = minSize + sr() * (maxSize - minSize);
      const classCount = Math.max(1, Math.ceil(count / Math.min(maxSize, target)));
      const gradeClasses: DemoClass[] = [];
      for (let c = 0; c < classCount; c++) {
        const suffix = g.grade === null ? ` ${c + 1}` : `A${c + 1}`;
        gradeClasses.push({
          id: id(),
          schoolId,
          name: `${g.label}${suffix}`,
          grade: g.grade,
          sessionsPerDay:
            g.level === 'primary' && twoSessions ? 2 : g.level === 'preschool' ? 2 : 1,
          homeroomStaffId: null,
        });
      }
      classes.push(...gradeClasses);
      for (let s = 0; s < count; s++) {
        const gender: Gender = sr() < 0.485 ? 'female' : 'male';
        // A few repeaters are a year older than their grade.
        const birthYear = startYear - g.age - (sr() < 0.03 && g.grade !== null ? 1 : 0);
        const person = makePerson(sr, schoolId, gender, birthYear, false);
        const guardianGender: Gender = sr() < 0.5 ? 'female' : 'male';
        const guardianFamily =
          guardianGender === 'male' ? person.familyName : weighted(sr, FAMILY_NAMES);
        studentCode++;
        students.push({
          ...person,
          studentCode: `${String(DEMO_PROVINCE_CODE).padStart(2, '0')}${String(studentCode).padStart(8, '0')}`,
          ethnicity: weighted(sr, ETHNICITIES),
          birthPlace: `${pick(sr, PLACE_WORDS)}, ${provinceName}`,
          address: `Thôn ${1 + Math.floor(sr() * 12)}, ${plan.commune.name}, ${provinceName}`,
          guardianName: `${guardianFamily} ${pick(sr, guardianGender === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE)} ${pick(sr, guardianGender === 'male' ? GIVEN_MALE : GIVEN_FEMALE)}`,
          phone: `0${pick(sr, ['3', '7', '8', '9'])}${String(Math.floor(sr() * 1e8)).padStart(8, '0')}`,
          classId: gradeClasses[s % classCount]!.id,
        });
      }
    }
    // Teachers by the norm, plus managers and staff.
    const staff: DemoStaff[] = [];
    const teacherNeed = Math.max(
      2,
      Math.round(
        classes.reduce(
          (sum, c) =>
            sum +
            TEACHER_NORM[
              c.grade === null
                ? 'preschool'
                : c.grade <= 5
                  ? 'primary'
                  : c.grade <= 9
                    ? 'lower_secondary'
                    : 'upper_secondary'
            ],
          0,
        ) *
          (0.9 + sr() * 0.15),
      ),
    );
    const subjects = levels.includes('upper_secondary')
      ? SUBJECTS_UPPER
      : levels.includes('lower_secondary')
        ? SUBJECTS_SECONDARY
        : null;
    // A primary + lower-secondary school: its primary classes' share of the teachers teach primary.
    const multiLevel = levels.includes('primary') && levels.length > 1;
    const primaryTeachers = multiLevel
      ? Math.round(
          (teacherNeed *
            classes.filter((c) => c.grade !== null && c.grade <= 5).length *
            TEACHER_NORM.primary) /
            classes.reduce(
              (sum, c) =>
                sum +
                TEACHER_NORM[c.grade !== null && c.grade <= 5 ? 'primary' : 'lower_secondary'],
              0,
            ),
        )
      : 0;
    const addStaff = (
      position: StaffPosition,
      subject: string | null,
      levelTaught: SchoolLevel | null = null,
    ) => {
      const gender: Gender = sr() < (levels.includes('preschool') ? 0.95 : 0.7) ? 'female' : 'male';
      const person = makePerson(sr, schoolId, gender, startYear - 23 - Math.floor(sr() * 35), true);
      staff.push({
        ...person,
        position,
        levelTaught,
        mainSubject: subject,
        qualification: pick(sr, QUALIFICATIONS),
        employmentType: sr() < 0.88 ? 'Biên chế' : 'Hợp đồng',
        // From the position in the list, not the random stream (the rest of the demo stays the same).
        rank:
          position === 'teacher'
            ? `${RANK_TITLE[levelTaught ?? levels.at(-1) ?? 'primary']} hạng ${['III', 'II', 'II', 'I'][staff.length % 4]}`
            : null,
      });
    };
    addStaff('manager', null);
    for (let m = 1; m < (classes.length > 28 ? 3 : 2); m++) addStaff('manager', null);
    for (let t = 0; t < teacherNeed; t++)
      if (multiLevel)
        addStaff(
          'teacher',
          t < primaryTeachers ? 'Giáo viên tiểu học' : subjects![t % subjects!.length]!,
          t < primaryTeachers ? 'primary' : 'lower_secondary',
        );
      else
        addStaff(
          'teacher',
          subjects
            ? subjects[t % subjects.length]!
            : levels.includes('primary')
              ? 'Giáo viên tiểu học'
              : 'Giáo viên mầm non',
        );
    for (let s = 0; s < 2 + Math.floor(sr() * 3); s++) addStaff('staff', null);
    const teachers = staff.filter((s) => s.position === 'teacher');
    classes.forEach((c, i) => (c.homeroomStaffId = teachers[i % teachers.length]?.id ?? null));
    const extras = schoolExtras(plan.seed, index, startYear, levels, ownership, classes);
    return { unit, classes, students, staff, ...extras };
  };

  return { department, communes, school, schoolCount: options.schools };
}
