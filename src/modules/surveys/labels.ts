/**
 * The names of the surveys' values, in vi and en. Plain data (no zod).
 */

export const QUESTION_KINDS = ['scale5', 'choice', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: {
  vi: Record<QuestionKind, string>;
  en: Record<QuestionKind, string>;
} = {
  vi: { scale5: 'Thang 5 mức', choice: 'Chọn một', text: 'Ý kiến (chữ)' },
  en: { scale5: '5-point scale', choice: 'Single choice', text: 'Free text' },
};

/** The 5-point scale's words, 1 to 5. */
export const SCALE_LABELS = {
  vi: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
  en: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
} as const;

/**
 * Results of a group with fewer answers than this are not shown (counts
 * included): a small class's answers could otherwise be told apart.
 */
export const MIN_GROUP_SIZE = 10;

/** The most codes one request issues (a school's classes, one at a time). */
export const MAX_CODES_PER_REQUEST = 1000;

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const SURVEY_STATUS_LABELS: {
  vi: Record<SurveyStatus, string>;
  en: Record<SurveyStatus, string>;
} = {
  vi: { draft: 'Đang soạn', open: 'Đang mở', closed: 'Đã đóng' },
  en: { draft: 'Draft', open: 'Open', closed: 'Closed' },
};

/** The title of the 409 a closed survey answers. */
export const SURVEY_ENDED_TITLE = 'Khảo sát đã kết thúc';
/** Its problem type: the public form tells it from other refusals in either language. */
export const SURVEY_ENDED_TYPE = 'urn:sogd:problem:survey-ended';
