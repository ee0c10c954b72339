import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPersonalId, makePersonalId } from './personal-id.ts';

describe('personal id', () => {
  it('accepts an id that fits gender and birth year', () => {
    expect(checkPersonalId('031313004567', { birthYear: 2013, gender: 'female' })).toBeNull();
    expect(checkPersonalId('001098123456', { birthYear: 1998, gender: 'male' })).toBeNull();
  });

  it('says which digit disagrees, in Vietnamese', () => {
    expect(checkPersonalId('031313004567', { birthYear: 2013, gender: 'male' })).toContain(
      'Chữ số thứ 4 là 3',
    );
    expect(checkPersonalId('031314004567', { birthYear: 2013, gender: 'female' })).toContain(
      'không khớp năm sinh 2013',
    );
    expect(checkPersonalId('097313004567', { birthYear: 2013, gender: 'female' })).toContain(
      'mã tỉnh',
    );
    expect(checkPersonalId('03131300456', { birthYear: 2013, gender: 'female' })).toContain(
      '12 chữ số',
    );
  });

  it('makes ids that always pass the check', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 96 }),
        fc.integer({ min: 1900, max: 2099 }),
        fc.constantFrom('male' as const, 'female' as const),
        fc.nat(),
        (province, year, gender, serial) =>
          checkPersonalId(makePersonalId(province, year, gender, serial), {
            birthYear: year,
            gender,
          }) === null,
      ),
    );
  });
});
