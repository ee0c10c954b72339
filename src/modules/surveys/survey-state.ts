import type { Scope } from '../../core/access/scope.ts';
import { AppError } from '../../core/errors.ts';
import { formatVietnameseDate, todayInVietnam } from '../../lib/dates.ts';
import type { SurveySummary } from './contract.ts';
import { MIN_GROUP_SIZE, SURVEY_ENDED_TITLE, SURVEY_ENDED_TYPE } from './labels.ts';

interface SurveyRow {
  id: string;
  title: string;
  school_year: string;
  status: SurveySummary['status'];
  ends_on: string | null;
  closed_at: Date | null;
  series: string | null;
}

/**
 * Whether a survey takes no more answers: closed by its owner or by the
 * nightly job, or past its last day (from 00:00 Việt Nam time the day after,
 * even before the job has run).
 */
export function isClosed(s: SurveyRow, today: string = todayInVietnam()): boolean {
  return s.status === 'closed' || (s.ends_on !== null && s.ends_on < today);
}

/** The day a closed survey stopped taking answers, dd/mm/yyyy. */
function closedDay(s: SurveyRow): string {
  if (s.closed_at) return formatVietnameseDate(todayInVietnam(s.closed_at));
  return s.ends_on ? formatVietnameseDate(s.ends_on) : '';
}

/** 409 for an answer, a form or codes of a closed survey: what happened and since when. */
export function surveyClosed(s: SurveyRow): AppError {
  const day = closedDay(s);
  return new AppError(
    409,
    SURVEY_ENDED_TITLE,
    `Phiếu khảo sát "${s.title}" đã kết thúc${day ? ` (ngày ${day})` : ''}: không nhận thêm phiếu trả lời. Cảm ơn gia đình đã quan tâm.`,
    [],
    SURVEY_ENDED_TYPE,
  );
}

/**
 * The answers a caller is told in a survey's summary: the owner (surveys.manage
 * at or above the unit it was sent from) the exact count, to follow the
 * answering and know whether the form is frozen; anyone else the count only
 * from MIN_GROUP_SIZE up.
 */
export function answersFor(scope: Scope, surveyScopePath: string, answers: number): number | null {
  const owner = scope.can('surveys.manage') && surveyScopePath.startsWith(scope.user.orgPath);
  return owner || answers >= MIN_GROUP_SIZE ? answers : null;
}

/** A survey's row as the contract's summary. */
export function surveySummaryOf(
  s: SurveyRow,
  scope: SurveySummary['scope'],
  answers: number | null,
): SurveySummary {
  return {
    id: s.id,
    title: s.title,
    schoolYear: s.school_year,
    scope,
    status: isClosed(s) ? 'closed' : s.status,
    endsOn: s.ends_on,
    closedAt: s.closed_at ? s.closed_at.toISOString() : null,
    series: s.series,
    answers,
  };
}
