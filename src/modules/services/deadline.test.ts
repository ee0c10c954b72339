import { describe, expect, it } from 'vitest';
import {
  daysLeftWhenStopped,
  deadlineRule,
  dueAfterRestart,
  dueDate,
  isWorkingDay,
  parseReceived,
  workCalendar,
} from './deadline.ts';

const calendar = workCalendar();
function due(procedure: string, received: string, cal = calendar): string {
  const rule = deadlineRule(procedure, received.slice(0, 10));
  if (!rule) throw new Error(`no rule ${procedure}`);
  const at = parseReceived(received);
  if (!at) throw new Error(`unreadable ${received}`);
  return dueDate(cal, rule, at);
}

describe('certified copy: the working day it is received, the next one after 15:00', () => {
  it('is due the same day when received in the morning of a working day', () => {
    expect(due('ban-sao-van-bang', '2026-12-02T10:00:00+07:00')).toBe('2026-12-02');
  });
  it('counts 15:00 exactly as not after 15:00, one second later as after', () => {
    expect(due('ban-sao-van-bang', '2026-12-02T15:00:00+07:00')).toBe('2026-12-02');
    expect(due('ban-sao-van-bang', '2026-12-02T15:00:01+07:00')).toBe('2026-12-03');
    expect(due('ban-sao-van-bang', '2026-12-02T15:00:00.001+07:00')).toBe('2026-12-03');
  });
  it('judges the time in Việt Nam whatever offset it is written with', () => {
    expect(due('ban-sao-van-bang', '2026-12-02T07:59:00Z')).toBe('2026-12-02'); // 14:59
    expect(due('ban-sao-van-bang', '2026-12-02T08:30:00Z')).toBe('2026-12-03'); // 15:30
    expect(due('ban-sao-van-bang', '2026-12-01T20:00:00Z')).toBe('2026-12-02'); // 03:00 on the 2nd
    expect(due('ban-sao-van-bang', '2026-12-02T10:00:00+09:00')).toBe('2026-12-02'); // 08:00
  });
  it('moves a Friday afternoon to Monday', () => {
    expect(due('ban-sao-van-bang', '2026-12-04T16:00:00+07:00')).toBe('2026-12-07');
  });
  it('counts a weekend application as received at the start of Monday (no cut-off)', () => {
    expect(due('ban-sao-van-bang', '2026-12-05T09:00:00+07:00')).toBe('2026-12-07');
    expect(due('ban-sao-van-bang', '2026-12-06T23:30:00+07:00')).toBe('2026-12-07');
  });
});

describe('working days after the receiving day', () => {
  it('gives a correction 5 working days, across a weekend', () => {
    expect(due('chinh-sua-van-bang', '2026-12-02T10:00:00+07:00')).toBe('2026-12-09');
  });
  it('applies no 15:00 cut-off to the correction (the contract states none)', () => {
    expect(due('chinh-sua-van-bang', '2026-12-02T16:30:00+07:00')).toBe('2026-12-09');
  });
  it('counts from the next working day when received on a Sunday', () => {
    // Monday 7/12 is the receiving day; 5 working days after it.
    expect(due('chinh-sua-van-bang', '2026-12-06T10:00:00+07:00')).toBe('2026-12-14');
  });
  it('gives a foreign diploma recognition 20 working days, skipping 1/1 of a year not announced', () => {
    expect(due('cong-nhan-van-bang-nuoc-ngoai', '2026-12-02T10:00:00+07:00')).toBe('2026-12-30');
    expect(due('cong-nhan-van-bang-nuoc-ngoai', '2026-12-10T10:00:00+07:00')).toBe('2027-01-08');
  });
});

describe('holidays and make-up Saturdays', () => {
  it('skips the fixed holidays 30/4 and 1/5 (Labour Code Art. 112)', () => {
    expect(isWorkingDay(calendar, '2026-04-30')).toBe(false);
    expect(isWorkingDay(calendar, '2026-05-01')).toBe(false);
    expect(due('ban-sao-van-bang', '2026-04-30T10:00:00+07:00')).toBe('2026-05-04');
    expect(due('ban-sao-van-bang', '2026-04-29T15:30:00+07:00')).toBe('2026-05-04');
  });
  it('skips 2/9 in any year, also one not announced', () => {
    expect(isWorkingDay(calendar, '2031-09-02')).toBe(false); // a Tuesday
    expect(due('ban-sao-van-bang', '2031-09-01T16:00:00+07:00')).toBe('2031-09-03');
  });
  it('skips Tết as announced (Bính Ngọ 2026: off 14/2 to 22/2)', () => {
    expect(due('ban-sao-van-bang', '2026-02-13T16:00:00+07:00')).toBe('2026-02-23');
    expect(due('chinh-sua-van-bang', '2026-02-12T10:00:00+07:00')).toBe('2026-02-26');
  });
  it('skips a compensatory day off (Giỗ Tổ on Sunday 26/4/2026, Monday 27/4 off)', () => {
    expect(due('ban-sao-van-bang', '2026-04-24T16:00:00+07:00')).toBe('2026-04-28');
  });
  it('skips a swapped day off and works the make-up Saturday (Tết Ất Tỵ 2025)', () => {
    expect(isWorkingDay(calendar, '2025-01-27')).toBe(false);
    expect(isWorkingDay(calendar, '2025-02-15')).toBe(true);
    expect(due('ban-sao-van-bang', '2025-01-24T16:00:00+07:00')).toBe('2025-02-03');
    expect(due('ban-sao-van-bang', '2025-02-14T16:00:00+07:00')).toBe('2025-02-15');
    expect(due('ban-sao-van-bang', '2025-02-15T10:00:00+07:00')).toBe('2025-02-15');
    expect(due('chinh-sua-van-bang', '2025-02-14T10:00:00+07:00')).toBe('2025-02-20');
  });
  it('lets an imported year replace the built-in one as a whole', () => {
    const imported = workCalendar([
      { date: '2026-12-03', kind: 'holiday', name: 'Nghỉ theo thông báo' },
      { date: '2026-12-05', kind: 'workday', name: 'Làm bù' },
    ]);
    expect(due('ban-sao-van-bang', '2026-12-02T16:00:00+07:00', imported)).toBe('2026-12-04');
    expect(due('ban-sao-van-bang', '2026-12-04T16:00:00+07:00', imported)).toBe('2026-12-05');
    // The built-in Tết 2026 is gone with the import; 1/1 stays (fixed by law).
    expect(isWorkingDay(imported, '2026-02-17')).toBe(true);
    expect(isWorkingDay(imported, '2026-01-01')).toBe(false);
  });
});

describe('the clock stops while additions are awaited', () => {
  it('keeps the working days left and counts them again from the day the additions arrive', () => {
    const rule = deadlineRule('chinh-sua-van-bang', '2026-12-02')!;
    const received = parseReceived('2026-12-02T10:00:00+07:00')!;
    const first = dueDate(calendar, rule, received);
    expect(first).toBe('2026-12-09');
    const left = daysLeftWhenStopped(calendar, first, parseReceived('2026-12-04T09:00:00+07:00')!);
    expect(left).toBe(3); // 7, 8 and 9 December
    const again = dueAfterRestart(
      calendar,
      rule,
      left,
      parseReceived('2026-12-10T10:00:00+07:00')!,
    );
    expect(again).toBe('2026-12-15');
  });
  it('gives a same-day copy its day again (with the cut-off) when the additions arrive', () => {
    const rule = deadlineRule('ban-sao-van-bang', '2026-12-02')!;
    const left = daysLeftWhenStopped(
      calendar,
      '2026-12-02',
      parseReceived('2026-12-02T11:00:00+07:00')!,
    );
    expect(left).toBe(0);
    expect(dueAfterRestart(calendar, rule, left, parseReceived('2026-12-08T09:00:00+07:00')!)).toBe(
      '2026-12-08',
    );
    expect(dueAfterRestart(calendar, rule, left, parseReceived('2026-12-08T15:10:00+07:00')!)).toBe(
      '2026-12-09',
    );
  });
});

describe('reading the contract input', () => {
  it('refuses a time without an offset, an impossible date and text', () => {
    expect(parseReceived('2026-12-02T10:00:00')).toBeUndefined();
    expect(parseReceived('2026-02-30T10:00:00+07:00')).toBeUndefined();
    expect(parseReceived('2026-12-02T25:00:00+07:00')).toBeUndefined();
    expect(parseReceived('hôm qua')).toBeUndefined();
    expect(parseReceived('2026-12-02T10:00+07:00')?.toISOString()).toBe('2026-12-02T03:00:00.000Z');
  });
  it('knows the three procedures of the contract and no other', () => {
    expect(deadlineRule('ban-sao-van-bang', '2026-12-02')?.cutoff).toBe('15:00');
    expect(deadlineRule('chinh-sua-van-bang', '2026-12-02')?.workingDays).toBe(5);
    expect(deadlineRule('cong-nhan-van-bang-nuoc-ngoai', '2026-12-02')?.workingDays).toBe(20);
    expect(deadlineRule('cap-phep-hoat-dong', '2026-12-02')).toBeUndefined();
  });
});
