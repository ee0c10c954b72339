import type { Db } from '../../db/connection.ts';
import { loadCalendar } from './calendar.ts';
import { deadlineRule, dueDate, inVietnam, parseReceived } from './deadline.ts';

/** Input the command refuses with exit 2 (docs/formats/services.md). */
export class UnreadableInputError extends Error {}

/** `sogd services due`: checks the input, then reads the calendar the database holds. */
export function checkDueInput(procedure: string, received: string) {
  const at = parseReceived(received);
  if (!at)
    throw new UnreadableInputError(
      `Thời điểm nhận "${received}" không đọc được: cần ISO 8601 có múi giờ, ví dụ 2026-12-02T14:30:00+07:00.`,
    );
  const rule = deadlineRule(procedure, inVietnam(at).date);
  if (!rule)
    throw new UnreadableInputError(
      `Không có thủ tục "${procedure}": dùng ban-sao-van-bang, chinh-sua-van-bang hoặc cong-nhan-van-bang-nuoc-ngoai.`,
    );
  return { at, rule };
}

export async function computeDue(
  db: Db,
  input: { procedure: string; received: string },
): Promise<{ procedure: string; received: string; dueDate: string }> {
  const { at, rule } = checkDueInput(input.procedure, input.received);
  return {
    procedure: input.procedure,
    received: input.received,
    dueDate: dueDate(await loadCalendar(db), rule, at),
  };
}
