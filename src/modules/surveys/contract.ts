/**
 * The HTTP boundary of the parent surveys (issue #19): request and answer
 * schemas with their types. Imports only zod, core/contract.ts and ./labels.ts.
 */
import { z } from 'zod';
import { unitRef } from '../../core/contract.ts';
import { MAX_CODES_PER_REQUEST, QUESTION_KINDS } from './labels.ts';

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
});
export type CreateSurveyBody = z.infer<typeof createSurveyBody>;

export const surveySummary = z.object({
  id: z.string(),
  title: z.string(),
  schoolYear: z.string(),
  scope: unitRef,
  status: z.enum(['draft', 'open', 'closed']),
  answers: z.number(),
});
export type SurveySummary = z.infer<typeof surveySummary>;
export const surveyList = z.object({ items: z.array(surveySummary) });
export const surveyDetail = surveySummary.extend({ sections: z.array(section) });
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
