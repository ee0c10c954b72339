import { systemActor } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { PromotionPlan } from '../contract.ts';
import { applyForSchool } from './apply-promotion.ts';
import { previewForSchool } from './preview-promotion.ts';
import { studentOfSchoolByKey, unitByCode } from './repo.ts';

/**
 * The CLI's promotion, whose access is the machine's: the school named by
 * its code, repeaters by student code, personal id or id (one a line of the
 * given file; blank lines skipped). Nothing is written when the school or a
 * repeater is unknown.
 */
export async function promoteSchoolByCode(
  db: Db,
  input: {
    schoolCode: string;
    fromYear: string;
    repeaterLines: string[];
    dryRun: boolean;
    /** Once the school and repeaters are known, before the plan is made. */
    onStart?: (school: { name: string }) => void;
  },
): Promise<
  | { kind: 'unknown-school' }
  | { kind: 'unknown-repeaters'; errors: { row: number; column: string; message: string }[] }
  | { kind: 'done'; school: { name: string }; plan: PromotionPlan & { runId?: string | null } }
> {
  const school = await unitByCode(db, input.schoolCode);
  if (!school) return { kind: 'unknown-school' };
  const repeaterIds: string[] = [];
  const errors: { row: number; column: string; message: string }[] = [];
  for (const [i, key] of input.repeaterLines.entries()) {
    if (!key) continue;
    const found = await studentOfSchoolByKey(db, school.id, key);
    if (found) repeaterIds.push(found.id);
    else
      errors.push({
        row: i + 1,
        column: 'Học sinh',
        message: `"${key}" không phải học sinh của ${school.name}.`,
      });
  }
  if (errors.length) return { kind: 'unknown-repeaters', errors };
  const plan = { schoolId: school.id, fromYear: input.fromYear, repeaterIds };
  input.onStart?.(school);
  return {
    kind: 'done',
    school,
    plan: input.dryRun
      ? await previewForSchool(db, school, plan)
      : await applyForSchool(
          db,
          systemActor(`lên lớp ${school.code} ${input.fromYear}`),
          school,
          plan,
        ),
  };
}
