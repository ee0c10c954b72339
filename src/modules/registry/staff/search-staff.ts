import type { Db } from '../../../db/connection.ts';
import type { StaffPosition } from '../../../db/schema.ts';
import { parseVietnameseDate } from '../../../lib/dates.ts';
import { badRequest } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { maskPersonalId } from '../students/search-students.ts';
import type { StaffHit } from '../contract.ts';
import { countStaff, staffPage, type StaffFilters } from './repo.ts';
export type { StaffHit } from '../contract.ts';

/**
 * Staff search across the caller's scope: by name (diacritics ignored, every
 * word of the query part of the name), personal id and date of birth, with
 * school, position and active filters. Personal ids come back masked.
 */

export interface StaffQuery {
  q?: string | undefined;
  /** dd/mm/yyyy, as typed. */
  birthDate?: string | undefined;
  schoolId?: string | undefined;
  position?: StaffPosition | undefined;
  active?: boolean | undefined;
}

/** Access first (the school filter inside the scope), then the typed date. */
export async function checkStaffQuery(
  db: Db,
  scope: Scope,
  query: StaffQuery,
): Promise<StaffFilters> {
  scope.require('registry.read');
  if (query.schoolId) await scope.requireUnit(db, query.schoolId, 'registry.read');
  if (!query.birthDate) return { ...query, birthDate: undefined };
  const iso = parseVietnameseDate(query.birthDate);
  if (!iso) throw badRequest('Ngày sinh cần dạng dd/mm/yyyy.');
  return { ...query, birthDate: iso };
}

export async function searchStaff(
  db: Db,
  scope: Scope,
  query: StaffQuery & { page: number; pageSize: number },
): Promise<{ items: StaffHit[]; total: number }> {
  const filters = await checkStaffQuery(db, scope, query);
  const total = await countStaff(db, scope, filters);
  const rows = await staffPage(db, scope, filters, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      gender: r.gender,
      position: r.position,
      mainSubject: r.main_subject,
      qualification: r.qualification,
      employmentType: r.employment_type,
      active: r.active,
      personalIdMasked: maskPersonalId(r.personal_id),
      school: { id: r.school_id, code: r.school_code, name: r.school_name },
      version: r.version,
    })),
  };
}
