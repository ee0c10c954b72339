import type { Scope } from '../../../core/access/scope.ts';
import { badRequest, conflict, notFound } from '../../../core/errors.ts';
import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { isEntryCampaign, requireCampaign } from '../access.ts';
import type { CandidateEligibility } from '../contract.ts';
import { entryBirthYears } from '../labels.ts';
import { checkGradeOneBirthYear } from './rules.ts';
import { entryCandidateByCode, setBirthYearException } from './repo.ts';

/**
 * Who may register in an entry-grade campaign, by age (Luật Giáo dục 2019,
 * Điều 28 khoản 1):
 * - grade 1: born in the start year of the school year − 6 (entry/rules.ts);
 * - grade 6: 11 in the calendar year, older when the child started late or
 *   repeated a grade; this check refuses only a child younger than 11 or
 *   older than 16 (the upper bound is ours: the law sets no number; see
 *   docs/entry-enrolment.md).
 * A school may record an exception with its reason; any year passes then.
 * Null when eligible, else the Vietnamese reason.
 */
export const GRADE_SIX_AGE = 11;
export const GRADE_SIX_OLDEST = 16;

export function checkEntryAge(
  grade: number,
  schoolYear: string,
  birthDate: string,
  exception: string | null,
): string | null {
  if (grade === 1) {
    const check = checkGradeOneBirthYear(schoolYear, birthDate, exception);
    return check.ok ? null : check.message;
  }
  if (exception && exception.trim()) return null;
  // The web shows the same range from labels.ts (GRADE_SIX_AGE..GRADE_SIX_OLDEST).
  const { from, to } = entryBirthYears(6, schoolYear);
  const year = Number(birthDate.slice(0, 4));
  if (year < from || year > to)
    return (
      `Trẻ sinh năm ${birthDate.slice(0, 4)}: vào lớp 6 năm học ${schoolYear} cần sinh từ năm ` +
      `${from} đến năm ${to} (Luật Giáo dục 2019, Điều 28). ` +
      'Nếu trẻ thuộc diện ngoại lệ, nhà trường ghi lý do ngoại lệ.'
    );
  return null;
}

/**
 * The school records (or removes, with null) the reason a child outside the
 * birth year may register: children with disabilities, ethnic-minority
 * children in difficult areas, children returning from abroad… (Điều 28
 * khoản 1). Only the child's own school, while registration is open. Audited.
 */
export async function recordBirthYearException(
  db: Db,
  scope: Scope,
  campaignId: string,
  code: string,
  reason: string | null,
): Promise<CandidateEligibility> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.candidates');
  if (!isEntryCampaign(campaign))
    throw badRequest('Ngoại lệ năm sinh chỉ dùng cho tuyển sinh lớp 1, lớp 6.');
  if (campaign.status !== 'open') throw conflict('Kỳ tuyển sinh đã xét tuyển: không sửa hồ sơ.');
  const candidate = await entryCandidateByCode(db, campaign.id, code);
  if (!candidate || !scope.containsPath(candidate.school_path))
    throw notFound('trẻ có mã này trong trường của bạn');
  const text = reason?.trim() || null;
  const at = new Date();
  await writeTransaction(db, scope.actor, (tx) =>
    setBirthYearException(tx, candidate.id, text, scope.actor.name, at),
  );
  return eligibilityOf(campaign, {
    ...candidate,
    birth_year_exception: text,
    birth_year_exception_by: text ? scope.actor.name : null,
    birth_year_exception_at: text ? at : null,
  });
}

export function eligibilityOf(
  campaign: { grade: number; school_year: string },
  c: {
    code: string;
    full_name: string;
    birth_date: string;
    birth_year_exception: string | null;
    birth_year_exception_by?: string | null;
    birth_year_exception_at?: Date | null;
  },
): CandidateEligibility {
  const problem = checkEntryAge(
    campaign.grade,
    campaign.school_year,
    c.birth_date,
    c.birth_year_exception,
  );
  return {
    code: c.code,
    fullName: c.full_name,
    birthDate: c.birth_date,
    birthYearException: c.birth_year_exception,
    exceptionBy: c.birth_year_exception_by ?? null,
    exceptionAt: c.birth_year_exception_at?.toISOString() ?? null,
    eligible: problem === null,
    problem,
  };
}
