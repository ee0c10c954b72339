import { describe, expect, it } from 'vitest';
import {
  checkEvidenceFormat,
  citedCodes,
  criterionLevel,
  DEFAULT_EVIDENCE_FORMAT,
  evaluateSchool,
  evaluateWithLevelFour,
  formatEvidenceCode,
} from './rules.ts';
import { criteriaOf, findSet, STANDARD_SETS } from './sets/index.ts';
import type { StandardSet } from './sets/types.ts';

function set(id: string): StandardSet {
  const found = findSet(id);
  if (!found) throw new Error(id);
  return found;
}

/** Every criterion of the set at `base`, then the overrides. */
function levels(s: StandardSet, base: number, overrides: Record<string, number> = {}) {
  return new Map(criteriaOf(s).map((c) => [c.code, overrides[c.code] ?? base]));
}

describe('the shipped sets are consistent data', () => {
  it.each(STANDARD_SETS.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    const codes = criteriaOf(s).map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of criteriaOf(s)) {
      expect(c.levels).toHaveLength(s.criterionLevels);
      expect(c.code.startsWith(`${s.standards.find((st) => st.criteria.includes(c))!.code}.`)).toBe(
        true,
      );
    }
    const requirementCodes = criteriaOf(s).flatMap((c) => c.levels.flat().map((r) => r.code));
    expect(new Set(requirementCodes).size).toBe(requirementCodes.length);
    // Every criterion a rule names exists in the set.
    for (const rule of s.rules)
      for (const cond of rule.conditions) {
        const named =
          cond.kind === 'each'
            ? cond.criteria
            : cond.kind === 'count' && cond.among !== 'all'
              ? cond.among.except
              : [];
        for (const code of named) expect(codes).toContain(code);
      }
    expect(s.confidenceNote.length).toBeGreaterThan(20);
  });

  it('TT 18/2018 has 5 standards and 28 criteria; TT 57/2026 4 and 15 (in their data only)', () => {
    expect(set('tt18-2018').standards).toHaveLength(5);
    expect(criteriaOf(set('tt18-2018'))).toHaveLength(28);
    expect(set('tt57-2026').standards).toHaveLength(4);
    expect(criteriaOf(set('tt57-2026'))).toHaveLength(15);
  });
});

describe('a criterion level from its requirements', () => {
  const c = criteriaOf(set('tt18-2018'))[0]!;
  it('counts levels only while every lower level is met', () => {
    expect(criterionLevel(c, () => false)).toBe(0);
    expect(criterionLevel(c, () => true)).toBe(3);
    expect(criterionLevel(c, (code) => code.includes('.M1.'))).toBe(1);
    // Mức 3 met without Mức 2 is still Mức 1.
    expect(criterionLevel(c, (code) => !code.includes('.M2.'))).toBe(1);
  });
});

describe('TT 57/2026: mandatory criteria and "at least 5 of the other 7"', () => {
  const s = set('tt57-2026');
  const others = ['1.1', '1.2', '1.5', '2.3', '2.4', '3.3', '4.3'];
  const othersAt = (level: number, count: number) =>
    Object.fromEntries(others.map((c, i) => [c, i < count ? level : level - 1]));

  it('exactly 5 of the other 7 at Mức 1 is Mức 1; 4 of 7 is not', () => {
    expect(evaluateSchool(s, levels(s, 1, othersAt(1, 5))).level).toBe(1);
    const four = evaluateSchool(s, levels(s, 1, othersAt(1, 4)));
    expect(four.level).toBe(0);
    expect(four.reasons).toEqual([
      'Chưa đạt Mức 1 vì chỉ 4/7 tiêu chí còn lại đạt Mức 1 trở lên (cần ít nhất 5).',
    ]);
  });

  it('a mandatory criterion below the level blocks it, and the reason names it', () => {
    const result = evaluateSchool(s, levels(s, 2, { '3.2': 1 }));
    expect(result.level).toBe(1);
    expect(result.reasons).toEqual([
      'Chưa đạt Mức 2 vì tiêu chí 3.2 mới đạt Mức 1 (tiêu chí bắt buộc).',
    ]);
    expect(evaluateSchool(s, levels(s, 1, { '1.3': 0 })).reasons[0]).toBe(
      'Chưa đạt Mức 1 vì tiêu chí 1.3 chưa đạt Mức 1 (tiêu chí bắt buộc).',
    );
  });

  it('Mức 2 needs exactly 5 of 7 others at Mức 2 and none below Mức 1', () => {
    expect(evaluateSchool(s, levels(s, 2, othersAt(2, 5))).level).toBe(2);
    expect(evaluateSchool(s, levels(s, 2, othersAt(2, 4))).level).toBe(1);
    // Five others at Mức 2, one at Mức 1 and one at none: Mức 1 holds (5/7 at Mức 1), Mức 2 not.
    const oneBelow = evaluateSchool(s, levels(s, 2, { '2.4': 0, '4.3': 0 }));
    expect(oneBelow.level).toBe(1);
    expect(oneBelow.reasons).toContain(
      'Chưa đạt Mức 2 vì tiêu chí 2.4 chưa đạt Mức 1, tiêu chí 4.3 chưa đạt Mức 1.',
    );
    expect(oneBelow.confirmed).toBe(false);
  });
});

describe('TT 18/2018 (thresholds as its data says)', () => {
  const s = set('tt18-2018');
  it('one criterion below Mức 1 leaves the school unrated', () => {
    const result = evaluateSchool(s, levels(s, 3, { '5.6': 0 }));
    expect(result.level).toBe(0);
    expect(result.reasons[0]).toContain('tiêu chí 5.6 chưa đạt Mức 1');
  });
  it('Mức 2 at the threshold of criteria at Mức 2, not one below', () => {
    const rule = s.rules.find((r) => r.level === 2)!;
    const cond = rule.conditions[0]!;
    if (cond.kind !== 'count') throw new Error('count expected');
    const codes = criteriaOf(s).map((c) => c.code);
    const at = (n: number) => new Map(codes.map((c, i) => [c, i < n ? 2 : 1]));
    expect(evaluateSchool(s, at(cond.atLeast)).level).toBe(2);
    expect(evaluateSchool(s, at(cond.atLeast - 1)).level).toBe(1);
  });
});

describe('TT 19/2018, preschools (unconfirmed data)', () => {
  const s = set('tt19-2018');
  it('has 5 standards and 25 criteria as its data says, for preschools only', () => {
    expect(s.standards).toHaveLength(5);
    expect(criteriaOf(s)).toHaveLength(25);
    expect(s.schoolLevels).toEqual(['preschool']);
    expect(s.confidence).toBe('unconfirmed');
    expect(s.rules.every((r) => !r.confirmed)).toBe(true);
  });
  it('Mức 1 needs every criterion; Mức 3 at exactly 17 criteria at Mức 3, not 16', () => {
    const below = evaluateSchool(s, levels(s, 3, { '3.4': 0 }));
    expect(below.level).toBe(0);
    expect(below.reasons[0]).toBe('Chưa đạt Mức 1 vì tiêu chí 3.4 chưa đạt Mức 1.');
    const codes = criteriaOf(s).map((c) => c.code);
    const at = (n: number) => new Map(codes.map((c, i) => [c, i < n ? 3 : 2]));
    expect(evaluateSchool(s, at(17)).level).toBe(3);
    const short = evaluateSchool(s, at(16));
    expect(short.level).toBe(2);
    expect(short.reasons[0]).toBe(
      'Chưa đạt Mức 3 vì chỉ 16/25 tiêu chí đạt Mức 3 trở lên (cần ít nhất 17).',
    );
  });
});

describe('Mức 4: its own list of criteria (TT 17/18/19-2018, unconfirmed)', () => {
  const sets = ['tt17-2018', 'tt18-2018', 'tt19-2018'].map(set);
  it.each(sets.map((s) => [s.id, s] as const))(
    '%s: placeholders, unconfirmed, codes unique, level 4 recognisable',
    (_id, s) => {
      const four = s.levelFour!;
      expect(four.level).toBe(s.criterionLevels + 1);
      expect(four.confirmed).toBe(false);
      expect(four.criteria.length).toBeGreaterThan(0);
      // No wording invented: the department enters it.
      expect(four.criteria.every((c) => c.text === null)).toBe(true);
      const codes = four.criteria.map((c) => c.code);
      expect(new Set(codes).size).toBe(codes.length);
      const requirementCodes = criteriaOf(s).flatMap((c) => c.levels.flat().map((r) => r.code));
      for (const code of codes) expect(requirementCodes).not.toContain(code);
      expect(s.recognition.find((r) => r.level === four.level)?.accreditationLevel).toBe(4);
    },
  );
  it('TT 57/2026 has no Mức 4 list', () => {
    expect(set('tt57-2026').levelFour).toBeUndefined();
  });

  const s = set('tt18-2018');
  const four = s.levelFour!;
  const entered = [
    { code: 'M4.1', text: 'Tiêu chí một (nhập thử).' },
    { code: 'M4.2', text: 'Tiêu chí hai (nhập thử).' },
    { code: 'M4.3', text: 'Tiêu chí ba (nhập thử).' },
  ];
  const atThree = evaluateSchool(s, levels(s, 3));
  it('a school at Mức 3 reaches Mức 4 only when every Mức 4 criterion is met', () => {
    expect(atThree.level).toBe(3);
    const all = evaluateWithLevelFour(atThree, four, entered, () => true);
    expect(all.level).toBe(4);
    expect(all.reasons).toEqual([]);
    expect(all.confirmed).toBe(false);
    expect(all.articles.at(-1)).toBe(four.article);
    const oneShort = evaluateWithLevelFour(atThree, four, entered, (c) => c !== 'M4.2');
    expect(oneShort.level).toBe(3);
    expect(oneShort.reasons).toEqual(['Chưa đạt Mức 4 vì tiêu chí Mức 4 M4.2 chưa đạt.']);
  });
  it('the placeholders (no text entered) cannot give Mức 4, and say why', () => {
    const r = evaluateWithLevelFour(atThree, four, four.criteria, () => true);
    expect(r.level).toBe(3);
    expect(r.reasons[0]).toContain('Sở chưa nhập nội dung các tiêu chí Mức 4');
  });
  it('below Mức 3 the Mức 4 criteria change nothing', () => {
    const atTwo = evaluateSchool(s, levels(s, 2));
    expect(atTwo.level).toBe(2);
    expect(evaluateWithLevelFour(atTwo, four, entered, () => true)).toEqual(atTwo);
  });
});

describe('evidence codes', () => {
  it('formats and finds the default [Hn.a.bc.de]', () => {
    const code = formatEvidenceCode(DEFAULT_EVIDENCE_FORMAT, {
      box: 1,
      standard: 3,
      criterion: 2,
      number: 7,
    });
    expect(code).toBe('[H1.3.02.07]');
    expect(citedCodes(DEFAULT_EVIDENCE_FORMAT, `Có ${code} và [H1.1.10.01], lại ${code}.`)).toEqual(
      ['[H1.3.02.07]', '[H1.1.10.01]'],
    );
  });
  it('takes another format and refuses one missing a part', () => {
    expect(
      formatEvidenceCode('MC-n-a.bc.de', { box: 2, standard: 1, criterion: 10, number: 3 }),
    ).toBe('MC-2-1.10.03');
    expect(checkEvidenceFormat('[Hn.bc.de]')).toContain('đúng một lần');
    expect(checkEvidenceFormat(DEFAULT_EVIDENCE_FORMAT)).toBeNull();
  });
});
