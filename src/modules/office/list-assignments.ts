import type { Db } from '../../db/connection.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import { assignmentQuery, type AssignmentList, type AssignmentQuery } from './contract.ts';
import { DUE_SOON_DAYS } from './labels.ts';
import { assignmentRowOf } from './present.ts';
import { listAssignments as listRows, usersByIds } from './repo.ts';
import { addDays, todayInVietnam } from './rules.ts';

/** Rows of one query with their coordinators' names. */
export async function assignmentsOf(
  db: Db,
  filter: Omit<Parameters<typeof listRows>[1], 'today' | 'soon'>,
): Promise<AssignmentList> {
  const today = todayInVietnam();
  const soon = addDays(today, DUE_SOON_DAYS);
  const rows = await listRows(db, { ...filter, today, soon });
  const users = await usersByIds(db, [...new Set(rows.flatMap((r) => r.co_user_ids))]);
  const names = new Map(users.map((u) => [u.id, u.full_name]));
  return { items: rows.map((r) => assignmentRowOf(r, names, today, soon)) };
}

/**
 * The caller's assignments, or their unit's (the leader's follow-up list):
 * open, overdue, due within DUE_SOON_DAYS, or done.
 */
export async function listAssignments(
  db: Db,
  caller: Caller,
  input: AssignmentQuery,
): Promise<AssignmentList> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const q = assignmentQuery.parse(input);
  const userId = 'system' in caller ? undefined : caller.user.id;
  return assignmentsOf(db, {
    unitId,
    ...(q.who === 'mine' && userId ? { userId } : {}),
    state: q.state,
  });
}
