import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { isEntryCampaign, points, requireCampaign } from './access.ts';
import { checkEntryAge } from './entry/eligibility.ts';
import type { CandidateRow } from './contract.ts';
import { candidatesInScope } from './repo.ts';

/**
 * The candidates of the caller's schools, with whether each has registered:
 * a school follows up those who have not.
 */
export async function listCandidates(
  db: Db,
  scope: Scope,
  campaignId: string,
  filter: { registered?: 'yes' | 'no' | undefined } = {},
): Promise<CandidateRow[]> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.candidates');
  const rows = await candidatesInScope(db, campaign.id, scope);
  return rows
    .filter((r) =>
      filter.registered === 'yes'
        ? r.choices > 0
        : filter.registered === 'no'
          ? r.choices === 0
          : true,
    )
    .map((r) => ({
      code: r.code,
      fullName: r.full_name,
      birthDate: r.birth_date,
      school: { id: r.school_id, code: r.school_code, name: r.school_name },
      version: r.version,
      choices: r.choices,
      score: r.score === null ? null : points(r.score),
      free: r.student_id === null,
      addedBy: r.added_by,
      ...(isEntryCampaign(campaign) ? entryFields(campaign, r) : {}),
    }));
}

/** An entry-grade child's birth-year exception, who recorded it and when, and the age check. */
function entryFields(
  campaign: { grade: number; school_year: string },
  r: {
    birth_date: string;
    birth_year_exception: string | null;
    birth_year_exception_by: string | null;
    birth_year_exception_at: Date | null;
  },
) {
  const problem = checkEntryAge(
    campaign.grade,
    campaign.school_year,
    r.birth_date,
    r.birth_year_exception,
  );
  return {
    birthYearException: r.birth_year_exception,
    exceptionBy: r.birth_year_exception_by,
    exceptionAt: r.birth_year_exception_at?.toISOString() ?? null,
    eligible: problem === null,
    ageProblem: problem,
  };
}
