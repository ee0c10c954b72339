import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignEntry, EntryInputError, type EntryChild, type EntrySchool } from './assign.ts';
import { checkGradeOneBirthYear, type EntryPriorityRules } from './rules.ts';

const rules: EntryPriorityRules = {
  order: ['permanent-residence', 'sibling', 'distance'],
  seed: 20_260_701,
  overflowInCommune: true,
};

const school = (id: string, seats: number, extra: Partial<EntrySchool> = {}): EntrySchool => ({
  id,
  communeCode: 'X01',
  seats,
  unzoned: false,
  ...extra,
});
const child = (id: string, choices: string[], extra: Partial<EntryChild> = {}): EntryChild => ({
  id,
  communeCode: 'X01',
  catchmentSchools: choices.slice(0, 1),
  choices,
  permanentResidence: true,
  siblingSchools: [],
  ...extra,
});

const byChild = (result: ReturnType<typeof assignEntry>) =>
  Object.fromEntries(result.assignments.map((a) => [a.child, a.school]));

describe('entry-grade assignment by residence', () => {
  it('admits the catchment first, then by the commune order: permanent residence, sibling', () => {
    const schools = [school('A', 2), school('B', 5)];
    const children = [
      // Out of A's catchment (lives in B's) but chose A.
      child('C1', ['A'], { catchmentSchools: ['B'] }),
      child('C2', ['A'], { permanentResidence: false }),
      child('C3', ['A'], { permanentResidence: false, siblingSchools: ['A'] }),
      child('C4', ['A']),
    ];
    const result = byChild(assignEntry(schools, children, rules));
    // Seats at A: C4 (permanent) and C3 (temporary, sibling) — before C2, and C1 lives elsewhere.
    expect(result).toEqual({ C1: 'B', C2: 'B', C3: 'A', C4: 'A' });
  });

  it('breaks remaining ties by the published seed, reproducibly and whatever order families submitted in', () => {
    const schools = [school('A', 3), school('B', 20)];
    const children = Array.from({ length: 12 }, (_, i) =>
      child(`K${String(i).padStart(2, '0')}`, ['A']),
    );
    const first = assignEntry(schools, children, rules);
    const reversed = assignEntry(schools, [...children].reverse(), rules);
    expect(reversed.assignments).toEqual(first.assignments);
    expect(first.assignments.filter((a) => a.school === 'A')).toHaveLength(3);
    const other = assignEntry(schools, children, { ...rules, seed: 7 });
    expect(byChild(other)).not.toEqual(byChild(first)); // another seed, another draw
    expect(first.cutoffs[0]).toEqual({
      school: 'A',
      seats: 3,
      admitted: 3,
      applicants: 12,
      lastAdmittedRank: 3,
    });
  });

  it('offers the nearest school of the commune with free seats, and says it is an offer', () => {
    const home = { lat: 20.86, lon: 106.68 };
    const schools = [
      school('A', 1, { location: home }),
      school('FAR', 5, { location: { lat: 20.95, lon: 106.8 } }),
      school('NEAR', 5, { location: { lat: 20.87, lon: 106.69 } }),
      school('OTHER', 5, { communeCode: 'X02', location: home }),
      school('PRIVATE', 5, { unzoned: true, location: home }),
    ];
    const result = assignEntry(
      schools,
      [child('C1', ['A'], { home }), child('C2', ['A'], { home })],
      rules,
    );
    const offered = result.assignments.find((a) => a.school !== 'A')!;
    expect(offered).toMatchObject({ school: 'NEAR', overflow: true, rank: 2 });
  });

  it('gives an unzoned school applicants from anywhere, the family falling back to its catchment school', () => {
    const schools = [school('Q', 1, { unzoned: true }), school('A', 2)];
    const children = [
      child('C1', ['Q', 'A'], { catchmentSchools: ['A'], siblingSchools: ['Q'] }),
      child('C2', ['Q', 'A'], { catchmentSchools: ['A'] }),
    ];
    expect(byChild(assignEntry(schools, children, rules))).toEqual({ C1: 'Q', C2: 'A' });
  });

  it('never exceeds seats and never leaves a child out while a school of the commune has room', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ pick: fc.nat(), permanent: fc.boolean(), sibling: fc.boolean() }), {
          maxLength: 25,
        }),
        fc.integer(),
        (seats, picks, seed) => {
          const schools = seats.map((n, i) => school(`S${i}`, n));
          const children = picks.map((p, i) => {
            const s = `S${p.pick % seats.length}`;
            return child(`C${String(i).padStart(2, '0')}`, [s], {
              permanentResidence: p.permanent,
              siblingSchools: p.sibling ? [s] : [],
            });
          });
          const result = assignEntry(schools, children, { ...rules, seed });
          for (const c of result.cutoffs) expect(c.admitted).toBeLessThanOrEqual(c.seats);
          const free = result.cutoffs.some((c) => c.admitted < c.seats);
          if (free) expect(result.assignments.every((a) => a.school !== null)).toBe(true);
          // Stability: no child is outranked at their own choice by an admitted child of lower priority.
          for (const a of result.assignments) {
            if (a.rank === 1) continue;
            const mine = children.find((c) => c.id === a.child)!;
            const wanted = mine.choices[0]!;
            const admitted = children.filter(
              (c) => result.assignments.find((x) => x.child === c.id)!.school === wanted,
            );
            for (const other of admitted)
              expect(
                Number(other.permanentResidence) * 2 +
                  Number(other.siblingSchools.includes(wanted)),
              ).toBeGreaterThanOrEqual(
                Number(mine.permanentResidence) * 2 + Number(mine.siblingSchools.includes(wanted)),
              );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses two applications for one child and unknown schools, in Vietnamese', () => {
    const schools = [school('A', 1)];
    expect(() => assignEntry(schools, [child('C1', ['A']), child('C1', ['A'])], rules)).toThrow(
      /Trẻ C1 có hai hồ sơ/,
    );
    expect(() => assignEntry(schools, [child('C1', ['Z'])], rules)).toThrow(EntryInputError);
  });
});

describe('grade-1 birth year (Luật Giáo dục 2019, Điều 28)', () => {
  it('expects children born six calendar years before the school year starts', () => {
    expect(checkGradeOneBirthYear('2027-2028', '2021-12-31', null)).toEqual({ ok: true });
    const early = checkGradeOneBirthYear('2027-2028', '2022-01-01', null);
    expect(early).toMatchObject({ ok: false, expected: 2021 });
    expect(!early.ok && early.message).toContain('phải sinh năm 2021');
    expect(
      checkGradeOneBirthYear('2027-2028', '2020-05-01', 'Trẻ khuyết tật, vào học muộn'),
    ).toEqual({
      ok: true,
    });
  });
});
