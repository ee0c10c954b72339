/** Dates as Vietnamese users write them: dd/mm/yyyy (also d/m/yyyy), checked for existence. */

/** 'dd/mm/yyyy' or 'yyyy-mm-dd' → 'yyyy-mm-dd'; null when malformed or not a real day. */
export function parseVietnameseDate(text: string): string | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 'yyyy-mm-dd' → 'dd/mm/yyyy'. */
export function formatVietnameseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** What a typed date is: the day (yyyy-mm-dd), or why it is not one. */
export type DateCheck =
  { ok: true; iso: string } | { ok: false; reason: 'empty' | 'format' | 'day'; message: string };

const DAYS_IN_MONTH = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A date typed by a person, dd/mm/yyyy (d/m/yyyy, and '.' or '-' between the
 * parts, are accepted), or yyyy-mm-dd as machines send it. Tells a date of
 * the wrong shape ("cần dạng dd/mm/yyyy") from one of the right shape that
 * is not in the calendar ("ngày 31/02/2024 không có: tháng 2/2024 có 29
 * ngày"), naming the field (`label`).
 */
export function checkVietnameseDate(
  text: string,
  label = 'Ngày',
  lang: 'vi' | 'en' = 'vi',
): DateCheck {
  const en = lang === 'en';
  const t = text.trim();
  if (t === '')
    return {
      ok: false,
      reason: 'empty',
      message: en ? `${label} is required.` : `Cần nhập ${label.toLowerCase()}.`,
    };
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let y: number;
  let m: number;
  let d: number;
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else
    return {
      ok: false,
      reason: 'format',
      message: en
        ? `${label} "${t.slice(0, 40)}" is not in the form dd/mm/yyyy (e.g. 15/03/2008).`
        : `${label} "${t.slice(0, 40)}" không đúng dạng: cần dd/mm/yyyy (ví dụ 15/03/2008).`,
    };
  const shown = `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  if (m < 1 || m > 12)
    return {
      ok: false,
      reason: 'day',
      message: en
        ? `${label} ${shown} does not exist: there is no month ${m}.`
        : `${label} ${shown} không có: tháng ${m} không tồn tại.`,
    };
  const days = DAYS_IN_MONTH(y, m);
  if (d < 1 || d > days)
    return {
      ok: false,
      reason: 'day',
      message: en
        ? `${label} ${shown} is not in the calendar: ${m}/${y} has ${days} days.`
        : `${label} ${shown} không có trong lịch: tháng ${m}/${y} có ${days} ngày.`,
    };
  return {
    ok: true,
    iso: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  };
}

/** Today in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), yyyy-mm-dd. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
