import type { Db } from '../../../db/connection.ts';
import { searchKey } from '../../../lib/vietnamese.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { SchoolListAnswer, SchoolListFilters, SchoolListRow } from '../contract.ts';
import { checkSchoolYear } from './access.ts';
import { schoolListRows } from './repo.ts';

const collator = new Intl.Collator('vi', { numeric: true });

/**
 * Every active school in the caller's scope (or under `unitId`, inside it)
 * matching the filters, sorted, with the totals of all the matches: the
 * department's or commune's "Trường học" list and its export.
 */
export async function listSchoolsInScope(
  db: Db,
  scope: Scope,
  input: SchoolListFilters,
): Promise<{ rows: SchoolListRow[]; totals: SchoolListAnswer['totals'] }> {
  checkSchoolYear(input.year);
  const unit = await scope.requireUnit(db, input.unitId ?? scope.user.orgUnitId, 'registry.read');
  const words = input.q ? searchKey(input.q).split(' ').filter(Boolean) : [];
  const found = (await schoolListRows(db, unit.path, input.year)).filter(
    (r) =>
      words.every((w) => r.search_name.includes(w) || r.code.toLowerCase().includes(w)) &&
      (!input.level || r.levels.includes(input.level)) &&
      (!input.ownership || r.ownership === input.ownership) &&
      (input.nationalStandardLevel === undefined ||
        (r.national_standard_level ?? 0) === input.nationalStandardLevel) &&
      (input.accreditationLevel === undefined ||
        (r.accreditation_level ?? 0) === input.accreditationLevel) &&
      (input.twoSessionsADay === undefined ||
        (r.two_sessions_a_day ?? false) === (input.twoSessionsADay === '1')),
  );
  const rows = found.map((r): SchoolListRow => ({
    id: r.id,
    code: r.code,
    name: r.name,
    levels: r.levels,
    ownership: r.ownership,
    commune:
      r.communeId && r.communeCode && r.communeName
        ? { id: r.communeId, code: r.communeCode, name: r.communeName }
        : null,
    students: Number(r.students),
    classes: Number(r.classes),
    staff: Number(r.staff),
    nationalStandardLevel: r.national_standard_level ?? 0,
    accreditationLevel: r.accreditation_level ?? 0,
    twoSessionsADay: r.two_sessions_a_day ?? false,
  }));
  const key = SORT_KEYS[input.sort];
  const sign = input.order === 'desc' ? -1 : 1;
  // Ties fall back to the code, so pages never shuffle between requests.
  rows.sort((a, b) => sign * key(a, b) || collator.compare(a.code, b.code));
  const totals = { students: 0, classes: 0, staff: 0 };
  for (const r of rows) {
    totals.students += r.students;
    totals.classes += r.classes;
    totals.staff += r.staff;
  }
  return { rows, totals };
}

const SORT_KEYS: Record<SchoolListFilters['sort'], (a: SchoolListRow, b: SchoolListRow) => number> =
  {
    code: (a, b) => collator.compare(a.code, b.code),
    name: (a, b) => collator.compare(a.name, b.name),
    commune: (a, b) => collator.compare(a.commune?.name ?? '', b.commune?.name ?? ''),
    students: (a, b) => a.students - b.students,
    classes: (a, b) => a.classes - b.classes,
    staff: (a, b) => a.staff - b.staff,
    nationalStandardLevel: (a, b) => a.nationalStandardLevel - b.nationalStandardLevel,
    accreditationLevel: (a, b) => a.accreditationLevel - b.accreditationLevel,
  };

/** One page of the list. */
export async function listSchoolsPage(
  db: Db,
  scope: Scope,
  input: SchoolListFilters & { page: number; pageSize: number },
): Promise<SchoolListAnswer> {
  const { rows, totals } = await listSchoolsInScope(db, scope, input);
  const start = (input.page - 1) * input.pageSize;
  return {
    items: rows.slice(start, start + input.pageSize),
    total: rows.length,
    page: input.page,
    pageSize: input.pageSize,
    totals,
  };
}
