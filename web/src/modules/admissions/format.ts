/** Numbers as the pages show them: vi-VN (1.234,5) or en-GB. */
export const formatNumber = (lang: string, n: number, digits = 0) =>
  n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
