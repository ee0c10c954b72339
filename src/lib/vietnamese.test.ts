import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareStudentNames,
  compareVietnamese,
  normalizeText,
  PLAIN_TEXT,
  searchKey,
  sortByVietnameseName,
  splitName,
} from './vietnamese.ts';

describe('searchKey', () => {
  it('ignores diacritics and case, đ/Đ included', () => {
    expect(searchKey('Nguyễn Văn An')).toBe('nguyen van an');
    expect(searchKey('ĐẶNG THỊ ÁNH')).toBe('dang thi anh');
    expect(searchKey('Đỗ Đức Được')).toBe('do duc duoc');
    expect(searchKey("  H'Mông   Thị  ")).toBe("h'mong thi");
  });

  it('gives the same key for NFC and NFD input', () => {
    const nfc = 'Trần Thị Ngọc Ánh'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(searchKey(nfd)).toBe(searchKey(nfc));
    expect(normalizeText(nfd)).toBe(nfc);
  });

  it('is idempotent and never longer than its input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const k = searchKey(s);
        return searchKey(k) === k && k.length <= s.normalize('NFD').length;
      }),
    );
  });
});

describe('fast paths for plain text', () => {
  const plainChars: string[] = [];
  for (const [from, to] of [
    [0x21, 0x7e],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ])
    for (let c = from!; c <= to!; c++) plainChars.push(String.fromCharCode(c));

  it('plain characters are their own NFC form and no two of them compose', () => {
    const changed: string[] = [];
    for (const a of plainChars) {
      if (a.normalize('NFC') !== a) changed.push(a);
      for (const b of plainChars) if ((a + b).normalize('NFC') !== a + b) changed.push(a + b);
    }
    expect(changed).toEqual([]);
    expect(PLAIN_TEXT.test('Nguyễn Thị Ánh')).toBe(true);
    expect(PLAIN_TEXT.test('Nguyễn  Thị')).toBe(false);
    expect(PLAIN_TEXT.test('Nguyễn Thị'.normalize('NFD'))).toBe(false);
  });

  // The definitions the fast paths must agree with, on any text.
  const reference = {
    normalizeText: (t: string) => t.normalize('NFC').replace(/\s+/g, ' ').trim(),
    searchKey: (t: string) =>
      t
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim(),
  };
  const vietnamese = 'Nguyễn Thị Ánh Đặng Văn Ước ơ ư ă â ê ô đ Đ';
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom(...plainChars, ...vietnamese.normalize('NFD'), ' ', ' ', '\t', '\u00a0'),
        fc.string({ maxLength: 2 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('give what the plain definitions give, for any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(normalizeText(t)).toBe(reference.normalizeText(t));
        expect(searchKey(t)).toBe(reference.searchKey(t));
        const words = reference.normalizeText(t).split(' ').filter(Boolean);
        expect(splitName(t)).toEqual(
          words.length === 0
            ? { familyName: '', middleName: '', givenName: '' }
            : words.length === 1
              ? { familyName: '', middleName: '', givenName: words[0] }
              : {
                  familyName: words[0],
                  middleName: words.slice(1, -1).join(' '),
                  givenName: words.at(-1),
                },
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('splitName', () => {
  it('splits family, middle and given names', () => {
    expect(splitName('Nguyễn Văn An')).toEqual({
      familyName: 'Nguyễn',
      middleName: 'Văn',
      givenName: 'An',
    });
    expect(splitName('  Lê   Thị Thu   Hà ')).toEqual({
      familyName: 'Lê',
      middleName: 'Thị Thu',
      givenName: 'Hà',
    });
    expect(splitName('Bùi An')).toEqual({ familyName: 'Bùi', middleName: '', givenName: 'An' });
    expect(splitName('Y')).toEqual({ familyName: '', middleName: '', givenName: 'Y' });
  });

  it('keeps two-syllable family names whole only when asked', () => {
    expect(splitName('Tôn Nữ Thanh Hà').familyName).toBe('Tôn');
    expect(splitName('Tôn Nữ Thanh Hà', { compoundFamilyNames: true })).toEqual({
      familyName: 'Tôn Nữ',
      middleName: 'Thanh',
      givenName: 'Hà',
    });
    expect(splitName('Âu Dương Phong', { compoundFamilyNames: true }).familyName).toBe('Âu Dương');
  });
});

describe('Vietnamese collation', () => {
  it('orders the alphabet a ă â b c d đ e ê … o ô ơ … u ư', () => {
    const alphabet = 'a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y'.split(' ');
    const shuffled = [...alphabet].reverse();
    expect(shuffled.sort(compareVietnamese)).toEqual(alphabet);
  });

  it('orders tones after the base letter: none, huyền, hỏi, ngã, sắc, nặng', () => {
    const tones = ['a', 'à', 'ả', 'ã', 'á', 'ạ', 'ă', 'â'];
    expect([...tones].reverse().sort(compareVietnamese)).toEqual(tones);
    expect(['Đức', 'Đào', 'Duy', 'Dũng', 'Dung'].sort(compareVietnamese)).toEqual([
      'Dung',
      'Dũng',
      'Duy',
      'Đào',
      'Đức',
    ]);
  });

  it('sorts a class list by given name, then middle, then family name', () => {
    const names = [
      'Phạm Thị Ân',
      'Trần Thị Ánh',
      'Hoàng Thị Ảnh',
      'Đỗ Minh Anh',
      'Đặng Ạn',
      'Ngô Thị Ãn',
      'Nguyễn Văn An',
      'Bùi An',
      'Nguyễn Văn Bình',
      'Lê Văn An',
    ];
    expect(sortByVietnameseName(names, (n) => n)).toEqual([
      'Bùi An',
      'Lê Văn An',
      'Nguyễn Văn An',
      'Ngô Thị Ãn',
      'Đặng Ạn',
      'Đỗ Minh Anh',
      'Hoàng Thị Ảnh',
      'Trần Thị Ánh',
      'Phạm Thị Ân',
      'Nguyễn Văn Bình',
    ]);
  });

  it('is a total order consistent in both directions', () => {
    const name = fc
      .array(fc.constantFrom('Nguyễn', 'Văn', 'Thị', 'An', 'Ánh', 'Đức', 'Dũng', 'Ư', 'Ơn'), {
        minLength: 1,
        maxLength: 4,
      })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(name, name, (a, b) => {
        return Math.sign(compareStudentNames(a, b)) === -Math.sign(compareStudentNames(b, a));
      }),
    );
  });
});
