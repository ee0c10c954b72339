import { writeTransaction, type Actor } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { PromotionResult, TargetClass } from '../contract.ts';
import {
  buildPlan,
  LEVEL_NAME,
  nextSchoolYear,
  promotableSchool,
  type PlanSchool,
  type PromotionInput,
} from './plan.ts';
import {
  classesOfYear,
  followPromotion,
  graduate,
  insertClasses,
  insertEnrolments,
  insertRun,
  lockSchool,
} from './repo.ts';

/** Applies exactly the preview's plan, recomputed inside the transaction. */
export async function applyPromotion(
  db: Db,
  scope: Scope,
  input: PromotionInput,
): Promise<PromotionResult> {
  nextSchoolYear(input.fromYear);
  const school = await promotableSchool(db, scope, input.schoolId);
  return applyForSchool(db, scope.actor, school, input);
}

/** Also used by the CLI, whose access is the machine's (system actor). */
export async function applyForSchool(
  db: Db,
  actor: Actor,
  school: PlanSchool,
  input: PromotionInput,
): Promise<PromotionResult> {
  return writeTransaction(db, actor, async (tx) => {
    await lockSchool(tx, school.id);
    const plan = await buildPlan(tx, school, input);
    const t = plan.totals;
    if (!t.promoted && !t.repeating && !t.graduating) return { ...plan, runId: null };

    const newClasses: {
      school_id: string;
      id: string;
      school_year: string;
      name: string;
      grade: number;
      sessions_per_day: number;
      homeroom_staff_id: null;
    }[] = [];
    const created = new Map<string, string>();
    const classId = (target: TargetClass, sessions: number): string => {
      if (target.id) return target.id;
      const known = created.get(target.name);
      if (known) return known;
      const id = uuidv7();
      created.set(target.name, id);
      newClasses.push({
        school_id: school.id,
        id,
        school_year: plan.toYear,
        name: target.name,
        grade: target.grade,
        sessions_per_day: sessions,
        homeroom_staff_id: null,
      });
      return id;
    };
    const sessionsOf = new Map(
      (await classesOfYear(tx, school.id, plan.fromYear)).map((c) => [c.id, c.sessions_per_day]),
    );
    const enrolments: {
      student_id: string;
      school_year: string;
      school_id: string;
      class_id: string;
    }[] = [];
    const graduates: Map<string, string[]> = new Map();
    for (const p of plan.classes) {
      const sessions = sessionsOf.get(p.source.id) ?? 1;
      for (const [target, list] of [
        [p.target, p.promoted],
        [p.repeatTarget, p.repeating],
      ] as const) {
        if (!target || !list.length) continue;
        const id = classId(target, sessions);
        target.id = id;
        for (const s of list)
          enrolments.push({
            student_id: s.id,
            school_year: plan.toYear,
            school_id: school.id,
            class_id: id,
          });
      }
      if (p.graduating.length && p.completes) {
        const reason = `Hoàn thành chương trình ${LEVEL_NAME[p.completes]} (năm học ${plan.fromYear})`;
        graduates.set(reason, [...(graduates.get(reason) ?? []), ...p.graduating.map((s) => s.id)]);
      }
    }
    await insertClasses(tx, newClasses);
    await insertEnrolments(tx, enrolments);
    for (const [reason, ids] of graduates) await graduate(tx, ids, reason);
    await followPromotion(tx, school.id, plan.fromYear, plan.toYear);

    const runId = uuidv7();
    await insertRun(tx, {
      school_id: school.id,
      id: runId,
      from_year: plan.fromYear,
      to_year: plan.toYear,
      promoted: t.promoted,
      repeating: t.repeating,
      graduated: t.graduating,
      skipped: t.skipped,
      not_promoted: t.notPromoted,
      classes_created: newClasses.length,
      details: JSON.stringify(
        plan.classes.map((p) => ({
          class: p.source.name,
          action: p.action,
          target: p.target?.name ?? null,
          promoted: p.promoted.map((s) => s.id),
          repeating: p.repeating.map((s) => s.id),
          graduated: p.graduating.map((s) => s.id),
          skipped: p.skipped.map((s) => s.id),
          notPromoted: p.notPromoted.map((s) => s.id),
        })),
      ),
      run_by: actor.id,
      run_by_name: actor.name,
    });
    return { ...plan, runId };
  });
}
