import { describe, expect, it } from 'vitest';
import {
  CLASS_SIZE_RULES,
  checkClassSize,
  classSizeRuleOn,
  levelOfGrade,
  vietnamDay,
  type ClassSizeRule,
} from './class-size.ts';

// The class-size table (Điều lệ trường tiểu học, TT 28/2020 Art. 6; Điều lệ
// trường THCS/THPT, TT 32/2020 Art. 15) looked up by the day a campaign opens.
describe('the maximum class size', () => {
  it('is 35 for grade 1 and 45 for grade 6 under the charters in force', () => {
    expect(classSizeRuleOn(levelOfGrade(1), '2027-06-01').maxPerClass).toBe(35);
    expect(classSizeRuleOn(levelOfGrade(6), '2027-06-01').maxPerClass).toBe(45);
    expect(classSizeRuleOn('primary', '2027-06-01').source).toContain('28/2020');
    expect(classSizeRuleOn('lower_secondary', '2027-06-01').source).toContain('32/2020');
  });

  it('takes the rule in force on the day: an amendment applies from its date only', () => {
    const amended: ClassSizeRule[] = [
      ...CLASS_SIZE_RULES,
      {
        level: 'primary',
        effectiveFrom: '2028-01-01',
        maxPerClass: 30,
        source: 'thử nghiệm',
        refuse: true,
      },
    ];
    expect(classSizeRuleOn('primary', '2027-12-31', amended).maxPerClass).toBe(35);
    expect(classSizeRuleOn('primary', '2028-01-01', amended).maxPerClass).toBe(30);
    expect(classSizeRuleOn('lower_secondary', '2028-06-01', amended).maxPerClass).toBe(45);
    // Before the table starts, its first rule still checks.
    expect(classSizeRuleOn('primary', '2019-01-01', amended).maxPerClass).toBe(35);
  });

  it('reads an instant as the Vietnamese calendar day', () => {
    expect(vietnamDay(new Date('2027-12-31T17:00:00Z'))).toBe('2028-01-01');
    expect(vietnamDay(new Date('2027-12-31T16:59:59Z'))).toBe('2027-12-31');
  });

  it('warns above classes × maximum, refuses only when the rule says so', () => {
    const primary = classSizeRuleOn('primary', '2027-06-01');
    expect(checkClassSize(primary, { grade: 1, classes: 3, seats: 105 })).toMatchObject({
      seatsPerClass: 35,
      warning: null,
      refused: false,
    });
    const over = checkClassSize(primary, { grade: 1, classes: 3, seats: 106 });
    expect(over.seatsPerClass).toBe(36);
    expect(over.refused).toBe(false);
    expect(over.warning).toContain('3 lớp 1 × 35 học sinh/lớp = 105');
    expect(over.warning).toContain('Cần thêm 1 lớp');
    const strict = { ...primary, refuse: true };
    expect(checkClassSize(strict, { grade: 1, classes: 3, seats: 106 }).refused).toBe(true);
    expect(checkClassSize(strict, { grade: 1, classes: 3, seats: 100 }).refused).toBe(false);
    // Without classes there is nothing to check.
    expect(checkClassSize(primary, { grade: 1, classes: null, seats: 500 })).toMatchObject({
      seatsPerClass: null,
      warning: null,
    });
    const secondary = classSizeRuleOn('lower_secondary', '2027-06-01');
    expect(checkClassSize(secondary, { grade: 6, classes: 4, seats: 200 }).warning).toContain(
      '4 lớp 6 × 45 học sinh/lớp = 180',
    );
  });
});
