/**
 * Periods of each subject in the 2018 general education programme, and the
 * teaching load per level, as data versioned by effective date (issue #16,
 * point 3): the per-subject teacher need is
 *   Σ_grade classes[grade] × periods a year[subject][grade] ÷ (load a week × 35 weeks).
 * Sums are kept as integer period counts; the division happens once, at the
 * end (rounding only at display). What is not confirmed: docs/indicators.md.
 */
import type { SchoolLevel } from '../../db/schema.ts';

/** Weeks of teaching a year the programme counts its periods over (CT GDPT 2018). */
export const WEEKS_A_YEAR = 35;

export interface SubjectDefinition {
  id: string;
  name: { vi: string; en: string };
  level: Exclude<SchoolLevel, 'preschool'>;
  /** Periods a year per class, by grade (a grade without the subject: absent). */
  periods: Partial<Record<number, number>>;
  /**
   * Staff main subjects (free text in the registry) that teach it, compared
   * without accents or case. Empty: taught by teachers of every subject
   * (experiential activities, local content), so no teacher is counted on it.
   */
  teachers: readonly string[];
  /** Several subjects counted together (electives: the classes' combinations are not recorded). */
  group?: boolean;
}

export interface CurriculumVersion {
  effectiveFrom: string;
  sources: string[];
  subjects: readonly SubjectDefinition[];
}

const grades = (from: number, to: number, periods: number) =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, periods]));

/**
 * Chương trình giáo dục phổ thông 2018 (Thông tư 32/2018/TT-BGDĐT ngày
 * 26/12/2018), "Kế hoạch giáo dục" of each level, as amended by Thông tư
 * 13/2022/TT-BGDĐT (Lịch sử compulsory in upper secondary, 52 periods;
 * four elective subjects). Primary: the class teacher (giáo viên tiểu học)
 * teaches Tiếng Việt, Toán, Đạo đức, Tự nhiên và Xã hội, Lịch sử và Địa lí,
 * Khoa học and the experiential activities; the others are taught by
 * subject teachers. The optional subjects (Tiếng dân tộc thiểu số, Ngoại
 * ngữ 1 in grades 1–2) are not counted.
 */
const GDPT_2018: readonly SubjectDefinition[] = [
  {
    id: 'primary_class_teacher',
    name: {
      vi: 'Giáo viên văn hoá (Tiếng Việt, Toán, Đạo đức, TN&XH, LS&ĐL, Khoa học, HĐTN)',
      en: 'Class teacher (Vietnamese, mathematics, ethics, science and society, experiential)',
    },
    level: 'primary',
    // TV 420/350/245/245/245 + Toán 105/175/175/175/175 + Đạo đức 35 + TN&XH 70 (1–3)
    // or LS&ĐL 70 + Khoa học 70 (4–5) + HĐTN 105.
    periods: { 1: 735, 2: 735, 3: 630, 4: 700, 5: 700 },
    teachers: [
      'giao vien tieu hoc',
      'van hoa',
      'giao vien van hoa',
      'tieu hoc',
      'giao vien chu nhiem',
    ],
  },
  {
    id: 'primary_foreign_language',
    name: { vi: 'Ngoại ngữ 1 (tiểu học)', en: 'Foreign language 1 (primary)' },
    level: 'primary',
    periods: grades(3, 5, 140),
    teachers: ['tieng anh', 'ngoai ngu', 'ngoai ngu 1', 'tieng phap', 'tieng trung', 'tieng nhat'],
  },
  {
    id: 'primary_it_technology',
    name: { vi: 'Tin học và Công nghệ (tiểu học)', en: 'IT and technology (primary)' },
    level: 'primary',
    periods: grades(3, 5, 70),
    teachers: ['tin hoc', 'tin hoc va cong nghe', 'cong nghe'],
  },
  {
    id: 'primary_physical_education',
    name: { vi: 'Giáo dục thể chất (tiểu học)', en: 'Physical education (primary)' },
    level: 'primary',
    periods: grades(1, 5, 70),
    teachers: ['giao duc the chat', 'the duc'],
  },
  {
    id: 'primary_music',
    name: { vi: 'Âm nhạc (tiểu học)', en: 'Music (primary)' },
    level: 'primary',
    periods: grades(1, 5, 35),
    teachers: ['am nhac', 'nhac'],
  },
  {
    id: 'primary_fine_arts',
    name: { vi: 'Mĩ thuật (tiểu học)', en: 'Fine arts (primary)' },
    level: 'primary',
    periods: grades(1, 5, 35),
    teachers: ['mi thuat', 'my thuat'],
  },

  ...(
    [
      ['literature', 'Ngữ văn', 'Literature', 140, ['ngu van', 'van']],
      ['mathematics', 'Toán', 'Mathematics', 140, ['toan']],
      [
        'foreign_language',
        'Ngoại ngữ 1',
        'Foreign language 1',
        105,
        ['tieng anh', 'ngoai ngu', 'ngoai ngu 1', 'tieng phap', 'tieng trung', 'tieng nhat'],
      ],
      [
        'civic_education',
        'Giáo dục công dân',
        'Civic education',
        35,
        ['giao duc cong dan', 'gdcd'],
      ],
      [
        'history_geography',
        'Lịch sử và Địa lí',
        'History and geography',
        105,
        ['lich su va dia li', 'lich su va dia ly', 'lich su', 'dia li', 'dia ly'],
      ],
      [
        'natural_sciences',
        'Khoa học tự nhiên',
        'Natural sciences',
        140,
        ['khoa hoc tu nhien', 'khtn', 'vat li', 'vat ly', 'hoa hoc', 'sinh hoc'],
      ],
      ['informatics', 'Tin học', 'Informatics', 35, ['tin hoc']],
      [
        'physical_education',
        'Giáo dục thể chất',
        'Physical education',
        70,
        ['giao duc the chat', 'the duc'],
      ],
      ['music', 'Âm nhạc', 'Music', 35, ['am nhac', 'nhac']],
      ['fine_arts', 'Mĩ thuật', 'Fine arts', 35, ['mi thuat', 'my thuat']],
    ] as const
  ).map(([id, vi, en, periods, teachers]): SubjectDefinition => ({
    id: `lower_${id}`,
    name: { vi: `${vi} (THCS)`, en: `${en} (lower secondary)` },
    level: 'lower_secondary',
    periods: grades(6, 9, periods),
    teachers,
  })),
  {
    id: 'lower_technology',
    name: { vi: 'Công nghệ (THCS)', en: 'Technology (lower secondary)' },
    level: 'lower_secondary',
    periods: { 6: 35, 7: 35, 8: 52, 9: 52 },
    teachers: ['cong nghe'],
  },
  {
    id: 'lower_shared',
    name: {
      vi: 'HĐTN, hướng nghiệp và nội dung giáo dục địa phương (THCS; giáo viên các môn đảm nhiệm)',
      en: 'Experiential activities, career guidance, local content (lower secondary; all teachers)',
    },
    level: 'lower_secondary',
    periods: grades(6, 9, 140),
    teachers: [],
  },

  ...(
    [
      ['literature', 'Ngữ văn', 'Literature', 105, ['ngu van', 'van']],
      ['mathematics', 'Toán', 'Mathematics', 105, ['toan']],
      [
        'foreign_language',
        'Ngoại ngữ 1',
        'Foreign language 1',
        105,
        ['tieng anh', 'ngoai ngu', 'ngoai ngu 1', 'tieng phap', 'tieng trung', 'tieng nhat'],
      ],
      ['history', 'Lịch sử', 'History', 52, ['lich su']],
      [
        'physical_education',
        'Giáo dục thể chất',
        'Physical education',
        70,
        ['giao duc the chat', 'the duc'],
      ],
      [
        'defence_security',
        'Giáo dục quốc phòng và an ninh',
        'Defence and security education',
        35,
        ['giao duc quoc phong va an ninh', 'giao duc quoc phong', 'gdqp', 'gdqp-an'],
      ],
    ] as const
  ).map(([id, vi, en, periods, teachers]): SubjectDefinition => ({
    id: `upper_${id}`,
    name: { vi: `${vi} (THPT)`, en: `${en} (upper secondary)` },
    level: 'upper_secondary',
    periods: grades(10, 12, periods),
    teachers,
  })),
  {
    id: 'upper_electives',
    name: {
      vi: 'Bốn môn lựa chọn và chuyên đề học tập (THPT; theo tổ hợp của lớp)',
      en: 'Four elective subjects and study topics (upper secondary; by class combination)',
    },
    level: 'upper_secondary',
    // 4 × 70 periods + 3 topics × 35.
    periods: grades(10, 12, 385),
    teachers: [
      'vat li',
      'vat ly',
      'hoa hoc',
      'sinh hoc',
      'dia li',
      'dia ly',
      'giao duc kinh te va phap luat',
      'gdkt&pl',
      'cong nghe',
      'tin hoc',
      'am nhac',
      'mi thuat',
      'my thuat',
    ],
    group: true,
  },
  {
    id: 'upper_shared',
    name: {
      vi: 'HĐTN, hướng nghiệp và nội dung giáo dục địa phương (THPT; giáo viên các môn đảm nhiệm)',
      en: 'Experiential activities, career guidance, local content (upper secondary; all teachers)',
    },
    level: 'upper_secondary',
    periods: grades(10, 12, 140),
    teachers: [],
  },
];

export const CURRICULA: readonly CurriculumVersion[] = [
  {
    // TT 13/2022/TT-BGDĐT's date of effect is not confirmed (docs/indicators.md).
    effectiveFrom: '2022-09-18',
    sources: [
      'Thông tư 32/2018/TT-BGDĐT ngày 26/12/2018 (Chương trình giáo dục phổ thông), sửa đổi bởi Thông tư 13/2022/TT-BGDĐT',
    ],
    subjects: GDPT_2018,
  },
];

export interface LoadVersion {
  effectiveFrom: string;
  source: string;
  /** Periods a week of a full teaching load (định mức tiết dạy). */
  perWeek: Record<Exclude<SchoolLevel, 'preschool'>, number>;
}

export const TEACHING_LOADS: readonly LoadVersion[] = [
  {
    effectiveFrom: '2009-12-05',
    source: 'Thông tư 28/2009/TT-BGDĐT ngày 21/10/2009 (chế độ làm việc của giáo viên phổ thông)',
    perWeek: { primary: 23, lower_secondary: 19, upper_secondary: 17 },
  },
  {
    effectiveFrom: '2025-04-22',
    source:
      'Thông tư 05/2025/TT-BGDĐT ngày 07/3/2025 (chế độ làm việc của giáo viên phổ thông), hiệu lực 22/4/2025',
    perWeek: { primary: 23, lower_secondary: 19, upper_secondary: 17 },
  },
];

function inForce<T extends { effectiveFrom: string }>(list: readonly T[], date: string): T | null {
  let found: T | null = null;
  for (const v of list) if (v.effectiveFrom <= date) found = v;
  return found;
}

export const curriculumOn = (date: string) => inForce(CURRICULA, date);
export const teachingLoadOn = (date: string) => inForce(TEACHING_LOADS, date);

/** A main subject as the tables compare it: no accents, lower case, single spaces. */
export function subjectKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The subject of `level` a teacher of `mainSubject` counts on, if any. */
export function subjectOf(
  subjects: readonly SubjectDefinition[],
  level: SchoolLevel,
  mainSubject: string | null,
): SubjectDefinition | undefined {
  if (!mainSubject) return undefined;
  const key = subjectKey(mainSubject);
  return subjects.find((s) => s.level === level && s.teachers.includes(key));
}
