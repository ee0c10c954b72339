import { describe, expect, it } from 'vitest';
import { checkCoordinate, parseCoordinate } from './geo.ts';

describe('coordinates in Viet Nam', () => {
  it('reads a decimal point or the Vietnamese decimal comma', () => {
    expect(parseCoordinate('21,0285', 'latitude')).toEqual({ ok: true, value: 21.0285 });
    expect(parseCoordinate(' 105.8542 ', 'longitude')).toEqual({ ok: true, value: 105.8542 });
    expect(parseCoordinate('21', 'latitude')).toEqual({ ok: true, value: 21 });
  });

  it('refuses what is not a plain decimal, saying how to write one', () => {
    for (const text of ['21°01′N', '1.234,5', '0x15', '2e1', '21,02,85', ''])
      expect(parseCoordinate(text, 'latitude')).toMatchObject({ ok: false, reason: 'format' });
    const r = parseCoordinate('21°01′N', 'latitude');
    expect(r.ok || r.message).toBe(
      'Vĩ độ "21°01′N" không phải số thập phân: ghi độ thập phân, ví dụ 21,0285 hoặc 21.0285 (không ghi độ, phút, giây).',
    );
  });

  it('refuses a point outside Viet Nam (a lost decimal point, a swapped pair), as written', () => {
    const lost = parseCoordinate('210,28', 'latitude');
    expect(lost.ok || lost.message).toBe(
      'Vĩ độ 210,28 nằm ngoài lãnh thổ Việt Nam: cần một số thập phân từ 8 đến 24 (xem lại dấu thập phân, và vĩ độ, kinh độ có bị đổi chỗ không).',
    );
    expect(checkCoordinate(21.03, 'longitude')).toMatchObject({
      ok: false,
      reason: 'range',
      message: expect.stringContaining('Kinh độ 21,03 nằm ngoài lãnh thổ Việt Nam') as string,
    });
    expect(checkCoordinate(Number.NaN, 'latitude')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkCoordinate(8, 'latitude')).toEqual({ ok: true, value: 8 });
    expect(checkCoordinate(118, 'longitude')).toEqual({ ok: true, value: 118 });
  });
});
