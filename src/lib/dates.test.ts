import { describe, expect, it } from 'vitest';
import { checkVietnameseDate, parseVietnameseDate, todayInVietnam } from './dates.ts';

describe('checkVietnameseDate', () => {
  it('reads dd/mm/yyyy as typed, with one-digit parts and other separators', () => {
    expect(checkVietnameseDate('24/12/2008')).toEqual({ ok: true, iso: '2008-12-24' });
    expect(checkVietnameseDate(' 5/3/2008 ')).toEqual({ ok: true, iso: '2008-03-05' });
    expect(checkVietnameseDate('05.03.2008')).toEqual({ ok: true, iso: '2008-03-05' });
    expect(checkVietnameseDate('2008-03-05')).toEqual({ ok: true, iso: '2008-03-05' });
    expect(checkVietnameseDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('says a day of the right shape does not exist, not that the format is wrong', () => {
    const r = checkVietnameseDate('31/02/2024', 'Ngày cấp');
    expect(r).toMatchObject({ ok: false, reason: 'day' });
    expect(!r.ok && r.message).toBe(
      'Ngày cấp 31/02/2024 không có trong lịch: tháng 2/2024 có 29 ngày.',
    );
    expect(checkVietnameseDate('29/02/2023')).toMatchObject({ ok: false, reason: 'day' });
    expect(checkVietnameseDate('12/13/2024')).toMatchObject({ ok: false, reason: 'day' });
    expect(checkVietnameseDate('00/01/2024')).toMatchObject({ ok: false, reason: 'day' });
  });

  it('says the same in English for an English page', () => {
    const r = checkVietnameseDate('31/02/2024', 'Issue date', 'en');
    expect(!r.ok && r.message).toBe(
      'Issue date 31/02/2024 is not in the calendar: 2/2024 has 29 days.',
    );
    const f = checkVietnameseDate('yesterday', 'Issue date', 'en');
    expect(!f.ok && f.message).toBe(
      'Issue date "yesterday" is not in the form dd/mm/yyyy (e.g. 15/03/2008).',
    );
  });

  it('says a malformed date is malformed', () => {
    for (const text of ['2024/02/31', '31-02', 'hôm qua', '1/1/24', '2008-1-1x']) {
      const r = checkVietnameseDate(text);
      expect(r).toMatchObject({ ok: false, reason: 'format' });
      expect(!r.ok && r.message).toContain('dd/mm/yyyy');
    }
    expect(checkVietnameseDate('  ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('agrees with parseVietnameseDate on what is a day', () => {
    for (const text of ['31/02/2024', '29/02/2024', '1/1/2000', '31/04/2025', '2025-04-30']) {
      const r = checkVietnameseDate(text);
      expect(r.ok ? r.iso : null).toBe(parseVietnameseDate(text));
    }
  });
});

describe('todayInVietnam', () => {
  it('is already the next day at 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2026-07-19T16:59:00Z'))).toBe('2026-07-19');
    expect(todayInVietnam(new Date('2026-07-19T17:00:00Z'))).toBe('2026-07-20');
  });
});
