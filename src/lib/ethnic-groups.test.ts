import { describe, expect, it } from 'vitest';
import { checkEthnicGroup, ETHNIC_GROUPS, ethnicKey, findEthnicGroup } from './ethnic-groups.ts';

describe('ethnic groups', () => {
  it('lists the 54 groups, numbered 01–54, plus foreigners (55)', () => {
    expect(ETHNIC_GROUPS).toHaveLength(55);
    expect(ETHNIC_GROUPS.map((g) => g.code)).toEqual(
      Array.from({ length: 55 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(ETHNIC_GROUPS[0]!.name).toBe('Kinh');
    expect(ETHNIC_GROUPS[53]!.name).toBe('Rơ Măm');
    expect(ETHNIC_GROUPS[54]!.name).toBe('Người nước ngoài');
  });

  it('never lets one spelling name two groups', () => {
    const owner = new Map<string, string>();
    for (const g of ETHNIC_GROUPS)
      for (const s of [g.name, ...g.aliases]) {
        const key = ethnicKey(s);
        expect(owner.get(key) ?? g.code, `${s} (${g.code})`).toBe(g.code);
        owner.set(key, g.code);
      }
  });

  it('accepts the usual spellings under the list’s name', () => {
    const cases: [string, string][] = [
      ['kinh', 'Kinh'],
      ['  TÀY ', 'Tày'],
      ['Thai', 'Thái'],
      ['Mông', "H'Mông"],
      ['H’Mông', "H'Mông"],
      ['hmong', "H'Mông"],
      ['Mèo', "H'Mông"],
      ['Khơ-me', 'Khmer'],
      ['Ê-đê', 'Ê Đê'],
      ['Ede', 'Ê Đê'],
      ['Bahnar', 'Ba Na'],
      ['Jrai', 'Gia Rai'],
      ["K'Ho", 'Cơ Ho'],
      ['Bru - Vân Kiều', 'Bru-Vân Kiều'],
      ['Vân Kiều', 'Bru-Vân Kiều'],
      ['Katu', 'Cơ Tu'],
      ['Ta Ôi', 'Tà Ôi'],
      ['Mnông', "M'Nông"],
      ['nuoc ngoai', 'Người nước ngoài'],
      // NFD, as some MOET files carry it.
      ['Mường'.normalize('NFD'), 'Mường'],
    ];
    for (const [typed, name] of cases) expect(findEthnicGroup(typed)?.name, typed).toBe(name);
  });

  it('refuses what is not a group, saying what is expected', () => {
    for (const typed of ['Kinh tế', 'Việt Nam', 'Thượng', 'x', 'Mỹ']) {
      const r = checkEthnicGroup(typed);
      expect(r.ok, typed).toBe(false);
      if (!r.ok) expect(r.message).toContain('không có trong danh mục 54 dân tộc');
    }
  });
});
