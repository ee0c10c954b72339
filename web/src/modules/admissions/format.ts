/** Numbers as the pages show them: vi-VN (1.234,5) or en-GB. */
export const formatNumber = (lang: string, n: number, digits = 0) =>
  n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/**
 * A moment typed as "dd/mm/yyyy HH:mm", Vietnam's time (UTC+7, no daylight
 * saving) → ISO 8601 with its offset; null when malformed or not a real day.
 */
export function parseVietnameseDateTime(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const utc = new Date(Date.UTC(y, mo - 1, d, h - 7, mi));
  const local = new Date(utc.getTime() + 7 * 3_600_000);
  if (local.getUTCDate() !== d || local.getUTCMonth() !== mo - 1 || h > 23) return null;
  return utc.toISOString();
}
