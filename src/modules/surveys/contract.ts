/**
 * The HTTP boundary of the parent surveys (issue #19): request and answer
 * schemas with their types. Imports only zod, core/contract.ts and ./labels.ts.
 */
import { z } from 'zod';
import { fileAnswer, isoDate, timestamp, unitRef, versionField } from '../../core/contract.ts';
import { checkVietnameseDate } from '../../lib/dates.ts';
import { MAX_CODES_PER_REQUEST, QUESTION_KINDS, SURVEY_STATUSES } from './labels.ts';

export * from './labels.ts';

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} dài quá ${max} ký tự`);
const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Mã câu hỏi/phần gồm chữ thường, số và "-", tối đa 40 ký tự');

/** A day typed dd/mm/yyyy (or yyyy-mm-dd), given as yyyy-mm-dd; a wrong one names the field. */
const vnDate = (label: string) =>
  z
    .string()
    .max(40)
    .transform((v, ctx) => {
      const r = checkVietnameseDate(v, label);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return r.iso;
    });

export const question = z
  .object({
    id: key,
    kind: z.enum(QUESTION_KINDS),
    text: text(500, 'Câu hỏi'),
    choices: z.array(text(200, 'Lựa chọn')).max(20).optional(),
  })
  .refine((q) => q.kind !== 'choice' || (q.choices?.length ?? 0) >= 2, {
    message: 'Câu hỏi chọn một cần ít nhất 2 lựa chọn',
    path: ['choices'],
  });
export const section = z.object({
  id: key,
  title: text(200, 'Tên phần'),
  questions: z.array(question).min(1, 'Mỗi phần cần ít nhất một câu hỏi').max(50),
});
export type SurveySection = z.infer<typeof section>;

export const createSurveyBody = z.object({
  title: text(300, 'Tên phiếu khảo sát'),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Năm học dạng 2025-2026'),
  /** All schools under this unit (the department: the whole province; a commune; one school). */
  scopeUnitId: z.string().max(64),
  sections: z.array(section).min(1).max(20),
  /** The last day answers are taken (the survey closes itself the night after). */
  endsOn: vnDate('Ngày cuối nhận trả lời').optional(),
  /**
   * Rounds of one survey share this key (the yearly satisfaction survey:
   * "hai-long-cmhs"); a question keeps its id from round to round, so the
   * results page shows its trend.
   */
  series: key.optional(),
  /** Kept as a draft (edited in the form builder, opened later); default: open at once. */
  draft: z.boolean().optional(),
});
export type CreateSurveyBody = z.infer<typeof createSurveyBody>;

/** The form builder's save: the whole form again (its scope stays). */
export const editSurveyBody = z.object({
  title: createSurveyBody.shape.title,
  schoolYear: createSurveyBody.shape.schoolYear,
  sections: createSurveyBody.shape.sections,
  endsOn: vnDate('Ngày cuối nhận trả lời').nullable().optional(),
  series: key.nullable().optional(),
  /** The version the builder loaded (a stale save is refused, src/core/versions.ts). */
  version: versionField,
});
export type EditSurveyBody = z.infer<typeof editSurveyBody>;

export const surveySummary = z.object({
  id: z.string(),
  title: z.string(),
  schoolYear: z.string(),
  scope: unitRef,
  status: z.enum(SURVEY_STATUSES),
  /** The last day answers are taken (yyyy-mm-dd), if set. */
  endsOn: isoDate.nullable(),
  closedAt: timestamp.nullable(),
  /** The series this survey is a round of, if any. */
  series: z.string().nullable(),
  /**
   * Answers so far: exact for the survey's owner (the unit it was sent from
   * or above, with surveys.manage); for others null below MIN_GROUP_SIZE
   * (a survey of one school would otherwise show that school's small count).
   */
  answers: z.number().nullable(),
});
export type SurveySummary = z.infer<typeof surveySummary>;
export const surveyList = z.object({ items: z.array(surveySummary) });
export const surveyDetail = surveySummary.extend({
  sections: z.array(section),
  /** Sent back by the builder's save. */
  version: z.number().int(),
});
export type SurveyDetail = z.infer<typeof surveyDetail>;

export const issueCodesBody = z.object({
  schoolId: z.string().max(64),
  className: text(40, 'Tên lớp').optional(),
  count: z.number().int().min(1).max(MAX_CODES_PER_REQUEST),
});
export type IssueCodesBody = z.infer<typeof issueCodesBody>;
export const issuedCodes = z.object({
  surveyId: z.string(),
  school: unitRef,
  className: z.string().nullable(),
  /** Shown once: only their hashes are kept. */
  codes: z.array(z.string()),
});

export const answerCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^KS-[0-9A-Z]{4}-[0-9A-Z]{4}$/,
    'Mã khảo sát có dạng KS-XXXX-XXXX (in trên phiếu nhà trường phát)',
  );
export const codeBody = z.object({ code: answerCode });
export const publicForm = z.object({
  surveyId: z.string(),
  title: z.string(),
  schoolName: z.string(),
  sections: z.array(section),
});
export type PublicForm = z.infer<typeof publicForm>;

export const answerBody = z.object({
  code: answerCode,
  /** The form the parent opened: a code of another survey is refused. */
  surveyId: z.string().max(64),
  /** question id → 1..5 (scale5), the choice's text (choice), or the text (text). */
  answers: z.record(key, z.union([z.number().int(), z.string().max(2000)])),
});
export type AnswerBody = z.infer<typeof answerBody>;
export const answerAccepted = z.object({ accepted: z.literal(true) });

export const resultsQuery = z.object({ schoolId: z.string().max(64).optional() });
export const questionResult = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  /** choice: the form's choices, in the distribution's order; otherwise empty. */
  choices: z.array(z.string()),
  answered: z.number(),
  /** scale5: counts of 1..5; choice: per choice in the form's order. */
  distribution: z.array(z.number()),
  mean: z.number().nullable(),
  /** Approved free texts only. */
  texts: z.array(z.string()),
});
export const groupResult = z.object({
  school: unitRef,
  answers: z.number().nullable(),
  /** Fewer than MIN_GROUP_SIZE answers: nothing shown, not even the count. */
  suppressed: z.boolean(),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      mean: z.number().nullable(),
      questions: z.array(questionResult),
    }),
  ),
});
export type GroupResult = z.infer<typeof groupResult>;
export const resultsAnswer = z.object({
  survey: surveySummary,
  minGroupSize: z.number(),
  groups: z.array(groupResult),
});
export type ResultsAnswer = z.infer<typeof resultsAnswer>;

export const pendingText = z.object({
  id: z.string(),
  school: z.string(),
  questionId: z.string(),
  body: z.string(),
});
export const pendingTexts = z.object({ items: z.array(pendingText) });
export const reviewBody = z.object({ decision: z.enum(['approved', 'rejected']) });

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const xlsxFile = fileAnswer(XLSX, 'Tệp xlsx');

export const trendRound = z.object({
  id: z.string(),
  title: z.string(),
  schoolYear: z.string(),
  status: z.enum(SURVEY_STATUSES),
});
export const trendGroup = z.object({
  school: unitRef,
  /** Per round (the answer's order): the answers, null when the round hides the school. */
  answers: z.array(z.number().nullable()),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** Per round: the section's mean, null when hidden or not asked that round. */
      means: z.array(z.number().nullable()),
      questions: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          means: z.array(z.number().nullable()),
        }),
      ),
    }),
  ),
});
export type TrendGroup = z.infer<typeof trendGroup>;
export const trendAnswer = z.object({
  series: z.string().nullable(),
  /** The rounds of the series the caller may see, oldest first (only this survey without a series). */
  rounds: z.array(trendRound),
  minGroupSize: z.number(),
  groups: z.array(trendGroup),
});
export type TrendAnswer = z.infer<typeof trendAnswer>;
