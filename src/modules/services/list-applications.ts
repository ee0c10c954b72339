import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { loadCalendar } from './calendar.ts';
import type { ListQuery } from './contract.ts';
import { addWorkingDays, inVietnam, isWorkingDay, nextWorkingDay } from './deadline.ts';
import { DUE_SOON_WORKING_DAYS } from './labels.ts';
import { applicationRowOf } from './present.ts';
import { listApplications } from './repo.ts';
import { requireDepartment } from './staff.ts';

const PAGE = 50;

/**
 * The department's applications: by status, procedure, or the follow-up
 * lists — `due=soon` (clock running, due by the next working day) and
 * `due=overdue` (due date passed).
 */
export async function listApplicationsFor(
  db: Db,
  scope: Scope,
  query: ListQuery,
  now = new Date(),
) {
  const department = await requireDepartment(db, scope, 'services.read');
  const today = inVietnam(now).date;
  let dueOnOrBefore: string | undefined;
  if (query.due === 'soon') {
    const calendar = await loadCalendar(db);
    const start = isWorkingDay(calendar, today) ? today : nextWorkingDay(calendar, today);
    dueOnOrBefore = addWorkingDays(calendar, start, DUE_SOON_WORKING_DAYS);
  }
  const { rows, total } = await listApplications(db, {
    authorityId: department.id,
    status: query.status,
    procedure: query.procedure,
    dueOnOrBefore,
    overdueBefore: query.due === 'overdue' ? today : undefined,
    limit: PAGE,
    offset: (query.page - 1) * PAGE,
  });
  const items = rows.map((r) => applicationRowOf(r, today));
  return {
    items: query.due === 'soon' ? items.filter((i) => !i.overdue) : items,
    total,
    page: query.page,
  };
}
