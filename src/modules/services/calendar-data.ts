/**
 * The working calendar's rule tables (plain data: the server, the command
 * line and the tests read them). docs/formats/services.md: working days are
 * Monday to Friday, except public holidays; compensatory days off and make-up
 * working Saturdays count as the Government announces them.
 */

/**
 * The public holidays on a fixed solar date, every year: Labour Code
 * 45/2019/QH14 Art. 112(1)(a), (c), (đ), (e) — 1/1, 30/4, 1/5, 2/9 (in force
 * from 01/01/2021). The lunar days (Tết, Giỗ Tổ 10/3) and the day beside 2/9
 * change every year and are announced; they are entered per year below or
 * imported (`sogd services calendar import`).
 */
export const FIXED_HOLIDAY_TABLES = [
  {
    since: '2021-01-01',
    source: 'Bộ luật Lao động 2019, Điều 112 khoản 1',
    days: [
      { monthDay: '01-01', name: 'Tết Dương lịch' },
      { monthDay: '04-30', name: 'Ngày Chiến thắng' },
      { monthDay: '05-01', name: 'Ngày Quốc tế lao động' },
      { monthDay: '09-02', name: 'Quốc khánh' },
    ],
  },
] as const;

export type CalendarDayKind = 'holiday' | 'workday';

/** One announced day: a day off on a weekday (holiday), or a Saturday or Sunday worked. */
export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/**
 * Years as announced for civil servants (cán bộ, công chức, viên chức), used
 * when the department has not imported that year. A year imported into the
 * database replaces its row here as a whole. Only weekdays off and weekend
 * days worked are listed: a Saturday or Sunday off changes nothing.
 */
export const ANNOUNCED_YEARS: Record<number, { source: string; days: CalendarDay[] }> = {
  2025: {
    source:
      'Công văn 7355/BLĐTBXH-LĐ (Tết Ất Tỵ: hoán đổi 27/01 với thứ Bảy 15/02); thông báo nghỉ 30/4–1/5 (hoán đổi 02/5 với thứ Bảy 26/4) và 2/9 (thêm 01/9) năm 2025',
    days: [
      { date: '2025-01-27', kind: 'holiday', name: 'Nghỉ hoán đổi (Tết Nguyên đán)' },
      { date: '2025-01-28', kind: 'holiday', name: 'Tết Nguyên đán' },
      { date: '2025-01-29', kind: 'holiday', name: 'Tết Nguyên đán' },
      { date: '2025-01-30', kind: 'holiday', name: 'Tết Nguyên đán' },
      { date: '2025-01-31', kind: 'holiday', name: 'Tết Nguyên đán' },
      { date: '2025-02-15', kind: 'workday', name: 'Làm bù cho ngày 27/01' },
      { date: '2025-04-07', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2025-04-26', kind: 'workday', name: 'Làm bù cho ngày 02/5' },
      { date: '2025-05-02', kind: 'holiday', name: 'Nghỉ hoán đổi (30/4–1/5)' },
      { date: '2025-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' },
    ],
  },
  2026: {
    source:
      'Phương án nghỉ Tết Bính Ngọ đã chốt: nghỉ từ thứ Bảy 14/02 đến hết Chủ nhật 22/02/2026; Giỗ Tổ 10/3 âm lịch là Chủ nhật 26/4/2026, nghỉ bù thứ Hai 27/4 (Bộ luật Lao động 2019, Điều 111 khoản 3). Ngày liền kề 2/9/2026 chưa công bố: hãy nhập khi có thông báo.',
    days: [
      { date: '2026-02-16', kind: 'holiday', name: 'Tết Nguyên đán' },
      { date: '2026-02-17', kind: 'holiday', name: 'Tết Nguyên đán' },
      { date: '2026-02-18', kind: 'holiday', name: 'Tết Nguyên đán' },
      { date: '2026-02-19', kind: 'holiday', name: 'Tết Nguyên đán' },
      { date: '2026-02-20', kind: 'holiday', name: 'Tết Nguyên đán' },
      { date: '2026-04-27', kind: 'holiday', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    ],
  },
};
