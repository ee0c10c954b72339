/**
 * Vietnamese text: normalisation, diacritics-insensitive search keys, name
 * splitting and class-list collation (../shared/reference/vn-regulations.md §8).
 */

/**
 * Printable ASCII, Latin-1 letters, Latin Extended-A and -B and Latin
 * Extended Additional: Vietnamese in NFC. Each of these characters is its
 * own NFC form and no two of them compose (vietnamese.test.ts checks every
 * pair), so text made of them, single-spaced and trimmed, is already what
 * normalizeText returns. A list import meets millions of such cells; this
 * test costs a sixth of normalising them.
 */
const PLAIN_RANGES = [
  [0x21, 0x7e],
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
] as const;
const hex4 = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const PLAIN_CHARS = PLAIN_RANGES.map(([from, to]) => `${hex4(from)}-${hex4(to)}`).join('');
export const PLAIN_TEXT = new RegExp(`^[${PLAIN_CHARS}]+(?: [${PLAIN_CHARS}]+)*$`);

/** NFC (MOET files mix NFC and NFD), trimmed, inner white space collapsed. */
export function normalizeText(text: string): string {
  return PLAIN_TEXT.test(text) ? text : text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Search key: no diacritics, lower case, đ/Đ → d, spaces collapsed.
 * "Nguyễn Văn Đức" → "nguyen van duc".
 */
export function searchKey(text: string): string {
  return text.length <= MAX_TABLE_KEY && PLAIN_TEXT.test(text)
    ? (tableSearchKey(text) ?? slowSearchKey(text))
    : slowSearchKey(text);
}

function slowSearchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key of each plain character on its own (0: none of one character), so
 * that the key of plain text is one table lookup per character: a quarter of
 * the time of normalising, stripping and lowering it. Same result: plain text
 * holds no combining marks, so its NFD is the NFD of each character in turn.
 */
const KEY_OF = new Uint16Array(PLAIN_RANGES.at(-1)![1] + 1);
for (const [from, to] of PLAIN_RANGES)
  for (let c = from; c <= to; c++) {
    const key = slowSearchKey(String.fromCharCode(c));
    KEY_OF[c] = key.length === 1 ? key.charCodeAt(0) : 0;
  }
KEY_OF[0x20] = 0x20; // the one space between words (slowSearchKey trims a lone one)
const MAX_TABLE_KEY = 256;
const keyCodes = new Uint16Array(MAX_TABLE_KEY);

function tableSearchKey(plain: string): string | null {
  for (let i = 0; i < plain.length; i++) {
    const key = KEY_OF[plain.charCodeAt(i)]!;
    if (key === 0) return null;
    keyCodes[i] = key;
  }
  return String.fromCharCode(...keyCodes.subarray(0, plain.length));
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
  if (!options.compoundFamilyNames && PLAIN_TEXT.test(fullName)) {
    // Already single-spaced: cut at the first and the last space.
    const first = fullName.indexOf(' ');
    if (first < 0) return { familyName: '', middleName: '', givenName: fullName };
    const last = fullName.lastIndexOf(' ');
    return {
      familyName: fullName.slice(0, first),
      middleName: first === last ? '' : fullName.slice(first + 1, last),
      givenName: fullName.slice(last + 1),
    };
  }
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
