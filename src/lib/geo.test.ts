import { describe, expect, it } from 'vitest';
import { checkCoordinate, parseCoordinate, pointOf, readCoordinatePair } from './geo.ts';

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

  it('reads the pair of cells of an imported row, reporting each problem at its column', () => {
    const read = (lat: string | null, lon: string | null) => {
      const reported: [string, string][] = [];
      const point = readCoordinatePair(lat, lon, (axis, message) => reported.push([axis, message]));
      return { point, reported };
    };
    expect(read(null, null)).toEqual({ point: null, reported: [] });
    expect(read('21,0285', '105.8542')).toEqual({
      point: { lat: 21.0285, lon: 105.8542 },
      reported: [],
    });
    expect(read(null, '105,8542')).toEqual({
      point: null,
      reported: [['latitude', 'Ghi cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.']],
    });
    const bad = read('21,0285', '1058542');
    expect(bad.point).toBeUndefined();
    expect(bad.reported.map(([axis]) => axis)).toEqual(['longitude']);
  });

  it('makes a point of two columns only when both are set', () => {
    expect(pointOf(21.03, 105.85)).toEqual({ lat: 21.03, lon: 105.85 });
    expect(pointOf(21.03, null)).toBeNull();
    expect(pointOf(null, null)).toBeNull();
  });
});
