import type { Tx } from '../../db/actor.ts';
import { conflict } from '../../core/errors.ts';
import type { OrgTreeHooks } from '../../core/org-tree.ts';

/** Lets the org tree count and move registry data without touching its tables (the app installs them). */
export const registryOrgTreeHooks: OrgTreeHooks = {
  // The repo is loaded when a hook runs: the descriptor is imported by every `sogd` command.
  countUnit: async (db, unit) => (await import('./repo.ts')).countUnitData(db, unit),
  mergeUnit: mergeSchoolData,
};

/** A merged school's classes, students and staff belong to the survivor afterwards. */
async function mergeSchoolData(tx: Tx, fromId: string, intoId: string): Promise<void> {
  const { classClashes, moveSchoolData } = await import('./repo.ts');
  const clash = await classClashes(tx, fromId, intoId);
  if (clash.length)
    throw conflict(
      `Hai trường có lớp trùng tên: ${clash.map((c) => `${c.name} (${c.school_year})`).join(', ')}. Hãy đổi tên lớp trước khi sáp nhập.`,
    );
  await moveSchoolData(tx, fromId, intoId);
}
