/**
 * The 54 ethnic groups of Viet Nam (Danh mục các dân tộc Việt Nam, Quyết
 * định 121-TCTK/PPCĐ ngày 02/3/1979 of the General Statistics Office, the
 * list MOET's data standard uses), in that list's order and with its codes,
 * plus "Người nước ngoài" (55) for foreign pupils. Each group's usual
 * spellings are accepted: the names are matched without diacritics, case,
 * spaces, hyphens or apostrophes ("H'Mông", "HMông", "Hmong" are one), and
 * the other names in use (Mèo, Khmer, Bahnar, Jrai, K'Ho, Katu, …) are listed.
 * A match is written under the list's name.
 */

export interface EthnicGroup {
  /** Two digits, as in the list. */
  code: string;
  /** The name as the list writes it. */
  name: string;
  /** Other names and spellings in use. */
  aliases: readonly string[];
}

const GROUPS: [string, string, string[]][] = [
  ['01', 'Kinh', ['Việt']],
  ['02', 'Tày', []],
  ['03', 'Thái', []],
  ['04', 'Hoa', ['Hán']],
  ['05', 'Khmer', ['Khơ-me', 'Khơ me', 'Khơme', 'Khmer Krom']],
  ['06', 'Mường', []],
  ['07', 'Nùng', []],
  ['08', "H'Mông", ['Mông', 'HMông', 'Hmong', 'Mèo']],
  ['09', 'Dao', []],
  ['10', 'Gia Rai', ['Gia-rai', 'Jrai', 'Jarai']],
  ['11', 'Ngái', []],
  ['12', 'Ê Đê', ['Ê-đê', 'Ede', 'Rhade', 'Rađê']],
  ['13', 'Ba Na', ['Ba-na', 'Bahnar']],
  ['14', 'Xơ Đăng', ['Xơ-đăng', 'Sedang', 'Xê Đăng']],
  ['15', 'Sán Chay', ['Sán Chay (Cao Lan - Sán Chỉ)', 'Cao Lan', 'Sán Chỉ', 'Cao Lan - Sán Chỉ']],
  ['16', 'Cơ Ho', ['Cơ-ho', "K'Ho", 'Koho', 'Kơ Ho']],
  ['17', 'Chăm', ['Chàm', 'Cham']],
  ['18', 'Sán Dìu', []],
  ['19', 'Hrê', ["H'rê", 'Hre']],
  ['20', "M'Nông", ['Mnông', 'Mơ Nông']],
  ['21', 'Raglai', ['Ra-glai', 'Ra Glai']],
  ['22', 'Xtiêng', ["X'Tiêng", 'Stiêng', 'Stieng', 'Xa Điêng']],
  ['23', 'Bru-Vân Kiều', ['Bru - Vân Kiều', 'Vân Kiều', 'Bru']],
  ['24', 'Thổ', []],
  ['25', 'Giáy', []],
  ['26', 'Cơ Tu', ['Cơ-tu', 'Katu', 'Ca Tu']],
  ['27', 'Gié Triêng', ['Gié-Triêng', 'Giẻ Triêng', 'Giẻ-Triêng']],
  ['28', 'Mạ', []],
  ['29', 'Khơ Mú', ['Khơ-mú', 'Khmu', 'Kmhmu']],
  ['30', 'Co', ['Cor', 'Cua']],
  ['31', 'Tà Ôi', ['Ta-ôi', 'Ta Oi', 'Pa Cô', 'Pa Kô']],
  ['32', 'Chơ Ro', ['Chơ-ro', 'Châu Ro']],
  ['33', 'Kháng', []],
  ['34', 'Xinh Mun', ['Xinh-mun']],
  ['35', 'Hà Nhì', []],
  ['36', 'Chu Ru', ['Chu-ru']],
  ['37', 'Lào', []],
  ['38', 'La Chí', []],
  ['39', 'La Ha', []],
  ['40', 'Phù Lá', []],
  ['41', 'La Hủ', []],
  ['42', 'Lự', []],
  ['43', 'Lô Lô', []],
  ['44', 'Chứt', []],
  ['45', 'Mảng', []],
  ['46', 'Pà Thẻn', ['Pà Hưng']],
  ['47', 'Cờ Lao', ['Co Lao']],
  ['48', 'Cống', []],
  ['49', 'Bố Y', []],
  ['50', 'Si La', []],
  ['51', 'Pu Péo', []],
  ['52', 'Brâu', []],
  ['53', 'Ơ Đu', ['Ơ-đu']],
  ['54', 'Rơ Măm', ['Rơ-măm']],
  ['55', 'Người nước ngoài', ['Nước ngoài']],
];

export const ETHNIC_GROUPS: readonly EthnicGroup[] = GROUPS.map(([code, name, aliases]) => ({
  code,
  name,
  aliases,
}));

/**
 * What a spelling is matched on: no diacritics (đ → d), lower case, and
 * nothing but letters and digits ("Ê-đê", "Ê Đê" and "ede" are one). Tone
 * marks are dropped too: no two names of the list differ only by them.
 */
export function ethnicKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, EthnicGroup>();
/** Spellings exactly as listed: a list import meets the same few names on every row. */
const AS_LISTED = new Map<string, EthnicGroup>();
for (const group of ETHNIC_GROUPS)
  for (const spelling of [group.name, ...group.aliases]) {
    BY_KEY.set(ethnicKey(spelling), group);
    AS_LISTED.set(spelling, group);
  }

/** The group a spelling names, or undefined. */
export function findEthnicGroup(text: string): EthnicGroup | undefined {
  return AS_LISTED.get(text) ?? BY_KEY.get(ethnicKey(text));
}

/**
 * An ethnic group as typed: its name in the list, or a Vietnamese message
 * saying it is not one of the 54 groups (and "Người nước ngoài").
 */
export function checkEthnicGroup(
  text: string,
): { ok: true; group: EthnicGroup } | { ok: false; message: string } {
  const group = findEthnicGroup(text);
  if (group) return { ok: true, group };
  return {
    ok: false,
    message: `Dân tộc "${text.trim().slice(0, 40)}" không có trong danh mục 54 dân tộc Việt Nam (hoặc "Người nước ngoài"): hãy ghi đúng tên, ví dụ Kinh, Tày, H'Mông, Ê Đê.`,
  };
}
