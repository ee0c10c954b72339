import { describe, expect, it } from 'vitest';
import { formatVietnameseNumber, parseVietnameseNumber } from './numbers.ts';

describe('Vietnamese numbers', () => {
  it('reads the decimal comma and the thousands dot', () => {
    expect(parseVietnameseNumber('96,5')).toBe(96.5);
    expect(parseVietnameseNumber('1.234,5')).toBe(1234.5);
    expect(parseVietnameseNumber('1.234')).toBe(1234);
    expect(parseVietnameseNumber('12.345.678')).toBe(12345678);
    expect(parseVietnameseNumber(' 3 529 ')).toBe(3529);
    expect(parseVietnameseNumber('-0,25')).toBe(-0.25);
    expect(parseVietnameseNumber('965')).toBe(965);
  });
  it('takes a dot before other than three digits as a decimal point', () => {
    expect(parseVietnameseNumber('96.5')).toBe(96.5);
    expect(parseVietnameseNumber('576.90')).toBe(576.9);
    expect(parseVietnameseNumber('0.2500')).toBe(0.25);
  });
  it('refuses what is not a number', () => {
    for (const bad of [
      '',
      'abc',
      '96,5,1',
      '1.23.4',
      '1,234.5',
      '12a',
      ',5',
      '1.2345,6',
      '1234.567',
    ])
      expect(parseVietnameseNumber(bad), bad).toBeNull();
  });
  it('shows numbers vi-VN', () => {
    expect(formatVietnameseNumber(3529)).toBe('3.529');
    expect(formatVietnameseNumber(576.9)).toBe('576,9');
    expect(formatVietnameseNumber(1234.567)).toBe('1.234,57');
  });
});
