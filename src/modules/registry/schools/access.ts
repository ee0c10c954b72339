import type { Db } from '../../../db/connection.ts';
import type { OrgUnit } from '../../../db/schema.ts';
import { isUuid } from '../../../lib/ids.ts';
import { badRequest, notFound } from '../../../core/errors.ts';
import type { Permission } from '../../../core/access/permissions.ts';
import type { Scope } from '../../../core/access/scope.ts';

/** '2025-2026': two consecutive years. */
export function checkSchoolYear(year: string): void {
  const m = /^(\d{4})-(\d{4})$/.exec(year);
  if (!m || Number(m[2]) !== Number(m[1]) + 1 || Number(m[1]) < 2000 || Number(m[1]) > 2100)
    throw badRequest(`Năm học "${year}" không hợp lệ: cần dạng 2025-2026 (hai năm liên tiếp).`, [
      { path: 'year', message: 'Năm học cần dạng 2025-2026.' },
    ]);
}

/** A school the caller may `permission`: 404 for an unknown id or a unit that is not a school. */
export async function requireSchool(
  db: Db,
  scope: Scope,
  schoolId: string,
  permission: Permission,
): Promise<OrgUnit> {
  scope.require(permission);
  if (!isUuid(schoolId)) throw notFound('trường');
  const unit = await scope.requireUnit(db, schoolId, permission);
  if (unit.kind !== 'school') throw notFound('trường');
  return unit;
}
