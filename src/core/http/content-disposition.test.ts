import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.ts';

describe('contentDisposition', () => {
  it('keeps an ASCII name as it is, in both parameters', () => {
    expect(contentDisposition('don-vi.xlsx')).toBe(
      `attachment; filename="don-vi.xlsx"; filename*=UTF-8''don-vi.xlsx`,
    );
    expect(contentDisposition('so-yeu-ly-lich.pdf', 'inline')).toMatch(/^inline; /);
  });

  it('gives a Vietnamese name in UTF-8 and an ASCII stand-in, a header Node accepts', () => {
    const value = contentDisposition("Báo cáo tự đánh giá (Đợt 1)'s.pdf");
    expect(value).toBe(
      `attachment; filename="Bao_cao_tu_danh_gia_Dot_1_s.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20t%E1%BB%B1%20%C4%91%C3%A1nh%20gi%C3%A1%20%28%C4%90%E1%BB%A3t%201%29%27s.pdf`,
    );
    // Only Latin-1 (here: ASCII): what Node's setHeader requires.
    expect(/^[\x20-\x7e]*$/.test(value)).toBe(true);
    expect(decodeURIComponent(value.split("UTF-8''")[1]!)).toBe(
      "Báo cáo tự đánh giá (Đợt 1)'s.pdf",
    );
  });
});
