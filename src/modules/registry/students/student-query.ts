import { parseVietnameseDate } from '../../../lib/dates.ts';
import { badRequest } from '../../../core/errors.ts';
import type { StudentMatch } from './repo.ts';

/** A student search or export as the caller sends it. */
export interface StudentQuery {
  q?: string | undefined;
  /** dd/mm/yyyy (or yyyy-mm-dd). */
  birthDate?: string | undefined;
  schoolId?: string | undefined;
  classId?: string | undefined;
  schoolYear: string;
  page: number;
  pageSize: number;
  /** Count matches up to this many (default SEARCH_COUNT_CAP; tests lower it). */
  countCap?: number | undefined;
}

/** The filters the repo matches on: a 400 for a date of birth that is no date. */
export function studentMatch(query: Omit<StudentQuery, 'page' | 'pageSize'>): StudentMatch {
  let birthDate: string | null = null;
  if (query.birthDate) {
    birthDate = parseVietnameseDate(query.birthDate);
    if (!birthDate) throw badRequest('Ngày sinh cần dạng dd/mm/yyyy.');
  }
  return {
    q: query.q,
    birthDate,
    schoolId: query.schoolId,
    classId: query.classId,
    schoolYear: query.schoolYear,
  };
}
