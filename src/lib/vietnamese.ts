/**
 * Vietnamese text: normalisation, diacritics-insensitive search keys, name
 * splitting and class-list collation (../shared/reference/vn-regulations.md §8).
 */

/** NFC (MOET files mix NFC and NFD), trimmed, inner white space collapsed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Search key: no diacritics, lower case, đ/Đ → d, spaces collapsed.
 * "Nguyễn Văn Đức" → "nguyen van duc".
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface NameParts {
  familyName: string;
  middleName: string;
  givenName: string;
}

/** Two-syllable family names kept whole when `compoundFamilyNames` is asked for. */
export const COMPOUND_FAMILY_NAMES = [
  'Tôn Nữ',
  'Tôn Thất',
  'Âu Dương',
  'Nguyễn Phúc',
  'Nguyễn Phước',
  'Công Tằng Tôn Nữ',
  'Hoàng Phủ',
  'Gia Cát',
  'Tư Mã',
  'Thượng Quan',
];

/**
 * Splits a full name: first word the family name (họ), last word the given
 * name (tên), the rest the middle name (đệm). A one-word name is a given name.
 */
export function splitName(
  fullName: string,
  options: { compoundFamilyNames?: boolean } = {},
): NameParts {
  const words = normalizeText(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { familyName: '', middleName: '', givenName: '' };
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0]! };
  let familyWords = 1;
  if (options.compoundFamilyNames) {
    const key = searchKey(words.join(' '));
    for (const compound of COMPOUND_FAMILY_NAMES) {
      const n = compound.split(' ').length;
      if (words.length > n && key.startsWith(`${searchKey(compound)} `)) {
        familyWords = Math.max(familyWords, n);
      }
    }
  }
  return {
    familyName: words.slice(0, familyWords).join(' '),
    middleName: words.slice(familyWords, -1).join(' '),
    givenName: words.at(-1)!,
  };
}

// ICU's Vietnamese collation (CLDR): a < ă < â … d < đ … o < ô < ơ, u < ư;
// tones after the base letter: none < huyền < hỏi < ngã < sắc < nặng. Tested
// in vietnamese.test.ts so that a Node with a different ICU fails loudly.
const collator = new Intl.Collator('vi', { sensitivity: 'variant' });

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a.normalize('NFC'), b.normalize('NFC'));
}

/** Class-list order: given name, then middle name, then family name, then the whole. */
export function compareStudentNames(a: string, b: string): number {
  const x = splitName(a);
  const y = splitName(b);
  return (
    compareVietnamese(x.givenName, y.givenName) ||
    compareVietnamese(x.middleName, y.middleName) ||
    compareVietnamese(x.familyName, y.familyName) ||
    compareVietnamese(a, b)
  );
}

/** A sorted copy, Vietnamese class-list order. */
export function sortByVietnameseName<T>(items: readonly T[], getName: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareStudentNames(getName(a), getName(b)));
}
