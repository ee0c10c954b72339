import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { PromotionPlan } from '../contract.ts';
import {
  buildPlan,
  nextSchoolYear,
  promotableSchool,
  type PlanSchool,
  type PromotionInput,
} from './plan.ts';

/** What applying would do, written nowhere. */
export async function previewPromotion(
  db: Db,
  scope: Scope,
  input: PromotionInput,
): Promise<PromotionPlan> {
  nextSchoolYear(input.fromYear);
  const school = await promotableSchool(db, scope, input.schoolId);
  return buildPlan(db, school, input);
}

/** The preview for the CLI, whose access is the machine's. */
export function previewForSchool(
  db: Db,
  school: PlanSchool,
  input: PromotionInput,
): Promise<PromotionPlan> {
  return buildPlan(db, school, input);
}
