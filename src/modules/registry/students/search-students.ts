import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { StudentHit } from '../contract.ts';
import { countMatches, hitRows, searchPage } from './repo.ts';
import { studentMatch, type StudentQuery } from './student-query.ts';

export type { StudentQuery } from './student-query.ts';

/** Personal ids leave the server masked but for their last four digits (least exposure). */
export const maskPersonalId = (id: string | null) => (id ? `********${id.slice(-4)}` : null);

/**
 * A search reads at most this many matches: counted exactly up to it, the
 * page sorted by name among them; beyond it the page says "more than" and
 * asks for more words.
 */
export const SEARCH_COUNT_CAP = 1_000;

/**
 * Student search across the caller's scope: by name (diacritics ignored,
 * every word of the query part of the name), personal id, student code and
 * date of birth. Personal ids come back masked (least exposure).
 */
export async function searchStudents(
  db: Db,
  scope: Scope,
  query: StudentQuery,
): Promise<{ items: StudentHit[]; total: number; totalCapped: boolean }> {
  scope.require('registry.read');
  if (query.schoolId) await scope.requireUnit(db, query.schoolId, 'registry.read');
  const match = studentMatch(query);
  // A broad word ("anh", "nguyen van") matches tens of thousands of students:
  // counting, sorting or joining all of them is what made such searches slow.
  // So the first cap + 1 matches found are taken (the database stops there),
  // counted and sorted by name for the page, and only the page's rows are
  // joined to their school and class.
  const cap = query.countCap ?? SEARCH_COUNT_CAP;
  const page = await searchPage(db, scope, match, cap, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const matches = page.length ? Number(page[0]!.n) : await countMatches(db, scope, match, cap);
  const rows = page.length
    ? await hitRows(
        db,
        page.map((r) => r.id),
        query.schoolYear,
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total: Math.min(matches, cap),
    totalCapped: matches > cap,
    items: page
      .map((p) => byId.get(p.id)!)
      .map((r) => ({
        id: r.id,
        fullName: r.full_name,
        birthDate: r.birth_date,
        gender: r.gender,
        status: r.status,
        studentCode: r.student_code,
        personalIdMasked: maskPersonalId(r.personal_id),
        school: { id: r.school_id, code: r.school_code, name: r.school_name },
        className: r.class_name,
        version: r.version,
      })),
  };
}
