/**
 * A campaign's timetable in order: opens < (first close ≤ change window
 * opens) < closes < confirmation deadline. The change window is optional
 * and comes whole (both times or neither). Each problem names its field.
 */
export interface Timetable {
  opens: Date;
  closes: Date;
  confirmBy: Date | null;
  firstCloses: Date | null;
  changeOpens: Date | null;
}

export function timetableProblems(t: Timetable): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!(t.opens < t.closes))
    problems.push({
      path: 'body.closesAt',
      message: 'Thời gian đóng đăng ký phải sau thời gian mở đăng ký (opensAt).',
    });
  if (t.confirmBy && !(t.confirmBy > t.closes))
    problems.push({
      path: 'body.confirmBy',
      message: 'Hạn xác nhận nhập học phải sau thời gian đóng đăng ký (closesAt).',
    });
  if ((t.firstCloses === null) !== (t.changeOpens === null))
    problems.push({
      path: t.firstCloses === null ? 'body.firstClosesAt' : 'body.changeOpensAt',
      message:
        'Đợt điều chỉnh nguyện vọng cần cả hai thời điểm: hết hạn đăng ký (firstClosesAt) và mở điều chỉnh (changeOpensAt).',
    });
  else if (t.firstCloses && t.changeOpens) {
    if (!(t.opens < t.firstCloses && t.firstCloses < t.closes))
      problems.push({
        path: 'body.firstClosesAt',
        message:
          'Hết hạn đăng ký (firstClosesAt) phải sau khi mở và trước khi đóng hẳn (closesAt).',
      });
    if (!(t.firstCloses <= t.changeOpens && t.changeOpens < t.closes))
      problems.push({
        path: 'body.changeOpensAt',
        message:
          'Mở điều chỉnh nguyện vọng (changeOpensAt) phải từ lúc hết hạn đăng ký đến trước khi đóng hẳn (closesAt).',
      });
  }
  return problems;
}
