import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from './ids.ts';

describe('uuidv7', () => {
  it('makes distinct, well-formed, time-ordered ids, across refills of the random pool', () => {
    const ids = Array.from({ length: 5_000 }, () => uuidv7());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7'); // version 7
      expect('89ab').toContain(id[19]!); // RFC 9562 variant
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('puts the millisecond timestamp first', () => {
    const id = uuidv7(Date.UTC(2026, 10, 25));
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(
      Date.UTC(2026, 10, 25),
    );
  });
});
