import type { Db } from '../../db/connection.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import type { AssignmentStats } from './contract.ts';
import { assignmentStats as statsOf, findUnit } from './repo.ts';
import { todayInVietnam } from './rules.ts';

/**
 * On-time handling by unit and month (issue #17 item 7): the caller's unit
 * and the units under it. Counts only: a parent unit learns how many of its
 * schools' assignments were late, never what they were about (their
 * documents stay the schools' own).
 */
export async function assignmentStats(
  db: Db,
  caller: Caller,
  input: { year?: number | undefined; unitId?: string },
): Promise<AssignmentStats> {
  const unitId = requireOfficeUnit(caller, 'office.read', input.unitId);
  const unit = await findUnit(db, unitId);
  const today = todayInVietnam();
  const year = input.year ?? Number(today.slice(0, 4));
  if (!unit) return { year, items: [] };
  const rows = await statsOf(db, unit.path, year, today);
  return {
    year,
    items: rows.map((r) => {
      const [onTime, late, overdue, open] = [r.on_time, r.late, r.overdue, r.open].map(Number);
      const due = onTime! + late! + overdue!;
      return {
        unit: { id: r.id, code: r.code, name: r.name },
        month: Number(r.month),
        total: Number(r.total),
        onTime: onTime!,
        late: late!,
        overdue: overdue!,
        open: open!,
        onTimeRate: due ? Math.round((onTime! / due) * 1000) / 1000 : null,
      };
    }),
  };
}
