import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { SchoolLevel } from '../../../db/schema.ts';
import { sortByVietnameseName } from '../../../lib/vietnamese.ts';
import { badRequest, conflict, type FieldError } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { ClassPlan, PlanStudent, PromotionPlan, TargetClass } from '../contract.ts';
import { classesOfYear, laterPromotion, studentsToPromote } from './repo.ts';
export type {
  ClassPlan,
  PlanStudent,
  PromotionPlan,
  PromotionResult,
  PromotionTotals,
  TargetClass,
} from '../contract.ts';

/**
 * Opening a new school year: every student still studying and enrolled in the
 * year that ends moves up a grade (Thông tư 27/2020/TT-BGDĐT for primary,
 * Thông tư 22/2021/TT-BGDĐT "lên lớp / ở lại lớp" for secondary), the final
 * grade of the school's last level completes it (in a multi-level school a
 * lower level's last grade goes on to the next grade there), repeaters stay
 * in their grade. Preview and apply run the same plan; apply writes it in one
 * transaction and skips whoever is already enrolled in the new year.
 *
 * Preschool age groups (grade null) are not promoted automatically: their
 * names vary (Nhà trẻ, Mầm, Chồi, Lá…) and groups are re-formed by age each
 * year, so the preview lists them and the school enrols them in the new year
 * through the student import.
 *
 * This file makes the plan; preview-promotion.ts and apply-promotion.ts are
 * the use cases.
 */

export interface PromotionInput {
  schoolId: string;
  fromYear: string;
  repeaterIds?: string[] | undefined;
}

const FINAL_GRADE: Record<SchoolLevel, number | null> = {
  preschool: null,
  primary: 5,
  lower_secondary: 9,
  upper_secondary: 12,
};
export const LEVEL_NAME: Record<SchoolLevel, string> = {
  preschool: 'mầm non',
  primary: 'tiểu học',
  lower_secondary: 'trung học cơ sở',
  upper_secondary: 'trung học phổ thông',
};

/** '2025-2026' → '2026-2027'; a badly written year is a 400 naming the field. */
export function nextSchoolYear(year: string, path = 'fromYear'): string {
  const m = /^(\d{4})-(\d{4})$/.exec(year);
  if (!m || Number(m[2]) !== Number(m[1]) + 1)
    throw badRequest(`Năm học "${year}" không hợp lệ: cần dạng 2025-2026 (hai năm liền nhau).`, [
      { path, message: 'Cần dạng 2025-2026 (hai năm liền nhau).' },
    ]);
  return `${Number(m[1]) + 1}-${Number(m[2]) + 1}`;
}

/**
 * The class a class of `grade` becomes next year: the name's first number,
 * when it is the grade, goes up by one (6A1 → 7A1, "10 Toán" → "11 Toán",
 * "Lớp 6A" → "Lớp 7A"). null when the name does not carry its grade.
 */
export function promotedClassName(name: string, grade: number): string | null {
  const m = /^(\D*?)(\d+)(.*)$/s.exec(name);
  if (!m || Number(m[2]) !== grade) return null;
  return `${m[1]}${grade + 1}${m[3]}`;
}

/** The school the plan is for (its levels decide the final grades). */
export interface PlanSchool {
  id: string;
  code: string;
  name: string;
  levels: SchoolLevel[];
}

export async function buildPlan(
  q: Db | Tx,
  school: PlanSchool,
  input: PromotionInput,
): Promise<PromotionPlan> {
  const toYear = nextSchoolYear(input.fromYear);
  const later = await laterPromotion(q, school.id, input.fromYear);
  if (later)
    throw conflict(
      `${school.name} đã lên lớp từ năm học ${later.from_year} sang ${later.to_year}; không thể lên lớp lại năm học ${input.fromYear}.`,
    );

  const classes = await classesOfYear(q, school.id, input.fromYear);
  const students = await studentsToPromote(q, school.id, input.fromYear, toYear);
  const nextClasses = new Map((await classesOfYear(q, school.id, toYear)).map((c) => [c.name, c]));

  const gradeOf = new Map(classes.map((c) => [c.id, c.grade]));
  const byId = new Map(students.map((s) => [s.id, s]));
  const repeaters = new Set<string>();
  const errors: FieldError[] = [];
  (input.repeaterIds ?? []).forEach((id, i) => {
    const s = byId.get(id);
    if (!s)
      errors.push({
        path: `repeaterIds[${i}]`,
        message: `Học sinh ${id} không đang học tại ${school.name} trong năm học ${input.fromYear}.`,
      });
    else if (gradeOf.get(s.classId) == null)
      errors.push({
        path: `repeaterIds[${i}]`,
        message: `${s.fullName} học nhóm/lớp mầm non: không xét ở lại lớp.`,
      });
    else repeaters.add(id);
  });
  if (errors.length)
    throw badRequest(
      `Có ${errors.length} học sinh ở lại lớp không thuộc ${school.name} năm học ${input.fromYear}.`,
      errors,
    );

  const GRADES: Record<SchoolLevel, [number, number] | null> = {
    preschool: null,
    primary: [1, 5],
    lower_secondary: [6, 9],
    upper_secondary: [10, 12],
  };
  const taughtGrades = new Set<number>();
  for (const level of school.levels) {
    const span = GRADES[level];
    if (span) for (let g = span[0]; g <= span[1]; g++) taughtGrades.add(g);
  }
  const finals = new Map<number, SchoolLevel>();
  for (const level of school.levels) {
    const g = FINAL_GRADE[level];
    if (g !== null) finals.set(g, level);
  }
  if (!finals.size && classes.some((c) => c.grade !== null))
    throw badRequest(
      `${school.name} chưa khai báo cấp học (tiểu học, THCS, THPT) nên không xác định được khối cuối cấp. Hãy cập nhật cấp học của trường.`,
    );

  const collator = new Intl.Collator('vi', { numeric: true });
  classes.sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0) || collator.compare(a.name, b.name) || 0);
  const target = (name: string, grade: number): TargetClass => {
    const existing = nextClasses.get(name);
    if (existing && existing.grade !== grade)
      throw conflict(
        `Lớp ${name} năm học ${toYear} đã có nhưng thuộc ${existing.grade === null ? 'nhóm mầm non' : `khối ${existing.grade}`}, không phải khối ${grade}. Hãy đổi tên hoặc khối của lớp đó trước khi lên lớp.`,
      );
    return { id: existing?.id ?? null, name, grade, exists: Boolean(existing) };
  };
  const view = (s: (typeof students)[number]): PlanStudent => ({
    id: s.id,
    fullName: s.fullName,
    birthDate: s.birthDate,
  });

  const plans: ClassPlan[] = [];
  for (const c of classes) {
    const members = sortByVietnameseName(
      students.filter((s) => s.classId === c.id),
      (s) => s.fullName,
    );
    const plan: ClassPlan = {
      source: { id: c.id, name: c.name, grade: c.grade, students: members.length },
      action: 'promote',
      target: null,
      repeatTarget: null,
      promoted: [],
      repeating: [],
      graduating: [],
      skipped: members.filter((s) => s.enrolledNext).map(view),
      notPromoted: [],
      completes: null,
      note: null,
    };
    const pending = members.filter((s) => !s.enrolledNext);
    const staying = pending.filter((s) => repeaters.has(s.id)).map(view);
    const moving = pending.filter((s) => !repeaters.has(s.id)).map(view);
    if (c.grade === null) {
      plan.action = 'manual';
      plan.notPromoted = pending.map(view);
      plan.note =
        'Nhóm/lớp mầm non: không lên lớp tự động; xếp nhóm năm học mới bằng chức năng nhập danh sách.';
    } else {
      if (staying.length) {
        plan.repeatTarget = target(c.name, c.grade);
        plan.repeating = staying;
      }
      const level = finals.get(c.grade) ?? (c.grade === 12 ? 'upper_secondary' : undefined);
      // In a multi-level school (TH&THCS, THCS&THPT) a level's last grade
      // goes on to the next grade in the same school; only the school's
      // last grade leaves it.
      const continuesHere = level !== undefined && taughtGrades.has(c.grade + 1);
      if (level && !continuesHere) {
        plan.action = 'graduate';
        plan.graduating = moving;
        plan.completes = level;
        plan.note = `Khối cuối cấp: hoàn thành chương trình ${LEVEL_NAME[level]}.`;
      } else {
        const name = promotedClassName(c.name, c.grade);
        if (name === null) {
          plan.action = 'manual';
          plan.notPromoted = moving;
          plan.note = `Tên lớp không bắt đầu bằng số khối ${c.grade}: không suy ra được lớp năm sau; hãy đổi tên lớp hoặc xếp lớp bằng nhập danh sách.`;
        } else {
          plan.target = target(name, c.grade + 1);
          plan.promoted = moving;
          if (continuesHere)
            plan.note = `Hoàn thành chương trình ${LEVEL_NAME[level]}, lên lớp ${c.grade + 1} tại trường.`;
        }
      }
    }
    plans.push(plan);
  }

  const newNames = new Set<string>();
  for (const p of plans)
    for (const t of [p.target, p.repeatTarget])
      if (t && !t.exists && (p.promoted.length || p.repeating.length)) newNames.add(t.name);
  const sum = (f: (p: ClassPlan) => unknown[]) => plans.reduce((n, p) => n + f(p).length, 0);
  return {
    school: { id: school.id, code: school.code, name: school.name },
    fromYear: input.fromYear,
    toYear,
    classes: plans,
    totals: {
      promoted: sum((p) => p.promoted),
      repeating: sum((p) => p.repeating),
      graduating: sum((p) => p.graduating),
      skipped: sum((p) => p.skipped),
      notPromoted: sum((p) => p.notPromoted),
      newClasses: newNames.size,
    },
  };
}

/** The school a user promotes: in their scope with registry.write, and a school. */
export async function promotableSchool(
  db: Db,
  scope: Scope,
  schoolId: string,
): Promise<PlanSchool> {
  const unit = await scope.requireUnit(db, schoolId, 'registry.write');
  if (unit.kind !== 'school' && unit.kind !== 'centre')
    throw badRequest(`${unit.name} không phải là trường học.`, [
      { path: 'schoolId', message: 'Cần chọn một trường.' },
    ]);
  return unit;
}
