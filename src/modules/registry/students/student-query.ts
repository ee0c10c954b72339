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

/** A word of the search box written as a date: dd/mm/yyyy, d/m/yyyy, also with - or . */
const DATE_WORD = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * The filters the repo matches on. A date of birth may be typed in the search
 * box with the name (`19/12/2011`, `nguyen van an 19/12/2011`, issue #13
 * item 6): it becomes the birth-date filter and the other words the name.
 * A 400 names a date that does not exist ("31/02/2024").
 */
export function studentMatch(query: Omit<StudentQuery, 'page' | 'pageSize'>): StudentMatch {
  let birthDate: string | null = null;
  let q = query.q;
  const dates = (q ?? '').split(/\s+/).filter((w) => DATE_WORD.test(w));
  if (dates.length > 1)
    throw badRequest('Chỉ gõ một ngày sinh trong ô tìm kiếm.', [
      { path: 'q', message: `Có ${dates.length} ngày: ${dates.join(', ')}.` },
    ]);
  if (dates.length === 1) {
    const [, d, m, y] = DATE_WORD.exec(dates[0]!)!;
    birthDate = parseVietnameseDate(`${d}/${m}/${y}`);
    if (!birthDate)
      throw badRequest(`Ngày sinh ${dates[0]} không có thật.`, [
        { path: 'q', message: `Ngày ${dates[0]} không có trong lịch.` },
      ]);
    q = (q ?? '')
      .split(/\s+/)
      .filter((w) => w !== dates[0])
      .join(' ');
  }
  if (query.birthDate) {
    const own = parseVietnameseDate(query.birthDate);
    if (!own) throw badRequest('Ngày sinh cần dạng dd/mm/yyyy, là một ngày có thật.');
    if (birthDate && own !== birthDate)
      throw badRequest('Ngày sinh trong ô tìm kiếm khác ngày sinh đã chọn.');
    birthDate = own;
  }
  return {
    q,
    birthDate,
    schoolId: query.schoolId,
    classId: query.classId,
    schoolYear: query.schoolYear,
  };
}
