import { badRequest } from '../../core/errors.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import type { SurveySection } from './contract.ts';

/**
 * What the schema cannot check of a form: question ids unique in it (the
 * answers and the trends across rounds go by them), section ids too, and a
 * last day that is not already past. Each error names its section and
 * question by number, as the form builder shows them.
 */
export function checkForm(sections: SurveySection[], endsOn: string | null | undefined): void {
  const errors: { path: string; message: string }[] = [];
  const seen = new Map<string, string>();
  const sectionIds = new Set<string>();
  sections.forEach((s, i) => {
    if (sectionIds.has(s.id))
      errors.push({
        path: `body.sections.${i}.id`,
        message: `Phần ${i + 1}: mã phần "${s.id}" đã dùng cho một phần khác.`,
      });
    sectionIds.add(s.id);
    s.questions.forEach((q, j) => {
      const where = `Phần ${i + 1}, câu ${j + 1}`;
      const first = seen.get(q.id);
      if (first)
        errors.push({
          path: `body.sections.${i}.questions.${j}.id`,
          message: `${where}: mã câu hỏi "${q.id}" đã dùng ở ${first}; mỗi câu hỏi cần một mã riêng.`,
        });
      else seen.set(q.id, where.toLowerCase());
    });
  });
  if (endsOn && endsOn < todayInVietnam())
    errors.push({ path: 'body.endsOn', message: 'Ngày đã qua' });
  if (errors.length) {
    const past = errors.some((e) => e.path === 'body.endsOn');
    throw badRequest(
      past && errors.length === 1
        ? 'Ngày cuối nhận trả lời đã qua: hãy chọn hôm nay hoặc một ngày sau.'
        : `Phiếu chưa đúng: ${errors.map((e) => e.message).join(' ')}`,
      errors,
    );
  }
}
