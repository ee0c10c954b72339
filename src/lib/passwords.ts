import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';
import type { TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';
import { searchKey } from './vietnamese.ts';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes): a clerk's old
// laptop still signs in fast, an offline guess stays expensive.
// algorithm 2 is Argon2id (a const enum in the package's types, not importable here).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A one-time password an admin hands over; the user must replace it at first sign-in. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 14; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const MIN_PASSWORD_LENGTH = 10;
/**
 * zxcvbn's score 3 ("safely unguessable": about 10^8 guesses or more) is
 * required. Our hashes are argon2id and sign-in is throttled, so 10^8 guesses
 * are out of reach online and costly offline; score 4 (10^10) would refuse
 * many four-word phrases people can remember. Score 2 lets "matkhau123" pass.
 */
export const MIN_PASSWORD_SCORE = 3;

/** zxcvbn's feedback in Vietnamese (the package speaks English only). */
const VI_TRANSLATIONS: TranslationKeys = {
  warnings: {
    straightRow: 'Một hàng phím liền nhau trên bàn phím rất dễ đoán.',
    keyPattern: 'Các kiểu gõ phím ngắn rất dễ đoán.',
    simpleRepeat: 'Ký tự lặp lại như "aaa" rất dễ đoán.',
    extendedRepeat: 'Các nhóm ký tự lặp lại như "abcabcabc" rất dễ đoán.',
    sequences: 'Các dãy ký tự thông dụng như "abc", "123" rất dễ đoán.',
    recentYears: 'Các năm gần đây rất dễ đoán.',
    dates: 'Ngày tháng rất dễ đoán.',
    topTen: 'Đây là một trong những mật khẩu bị dùng nhiều nhất.',
    topHundred: 'Đây là mật khẩu bị dùng rất nhiều.',
    common: 'Đây là mật khẩu thông dụng.',
    similarToCommon: 'Mật khẩu này gần giống một mật khẩu thông dụng.',
    wordByItself: 'Một từ đứng riêng rất dễ đoán.',
    namesByThemselves: 'Tên hoặc họ đứng riêng rất dễ đoán.',
    commonNames: 'Tên và họ thông dụng rất dễ đoán.',
    userInputs: 'Không dùng tên đăng nhập, họ tên của bạn hay tên hệ thống trong mật khẩu.',
    pwned: 'Mật khẩu này đã bị lộ trong một vụ rò rỉ dữ liệu trên Internet.',
  },
  suggestions: {
    l33t: 'Tránh thay chữ bằng ký tự dễ đoán như "@" thay cho "a".',
    reverseWords: 'Tránh viết ngược các từ thông dụng.',
    allUppercase: 'Viết hoa một vài chữ, không phải tất cả.',
    capitalization: 'Viết hoa thêm chữ khác ngoài chữ đầu.',
    dates: 'Tránh ngày tháng và năm gắn với bạn.',
    recentYears: 'Tránh các năm gần đây.',
    associatedYears: 'Tránh các năm gắn với bạn.',
    sequences: 'Tránh các dãy ký tự thông dụng.',
    repeated: 'Tránh lặp lại từ và ký tự.',
    longerKeyboardPattern: 'Dùng kiểu gõ phím dài hơn và đổi hướng nhiều lần.',
    anotherWord: 'Thêm vài từ ít gặp.',
    useWords: 'Ghép nhiều từ, nhưng tránh các câu quen thuộc.',
    noNeed:
      'Không nhất thiết phải có ký hiệu, chữ số hay chữ hoa: một cụm từ dài cũng là mật khẩu mạnh.',
    pwned: 'Nếu bạn dùng mật khẩu này ở nơi khác, hãy đổi nó.',
  },
  timeEstimation: {
    ltSecond: 'chưa đến một giây',
    second: '{base} giây',
    seconds: '{base} giây',
    minute: '{base} phút',
    minutes: '{base} phút',
    hour: '{base} giờ',
    hours: '{base} giờ',
    day: '{base} ngày',
    days: '{base} ngày',
    month: '{base} tháng',
    months: '{base} tháng',
    year: '{base} năm',
    years: '{base} năm',
    centuries: 'hàng thế kỷ',
  },
};

/** Words about this system a password should not lean on. */
const SITE_WORDS = ['sogd', 'giaoduc', 'sogiaoduc', 'daotao', 'matkhau', 'truonghoc', 'hocsinh'];

let estimator: Promise<ZxcvbnFactory> | null = null;

/**
 * The estimator with its dictionaries (a few MB): loaded on the first new
 * password, not at start, and once per process (about 0.6 s the first time).
 */
export function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: VI_TRANSLATIONS,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
  return estimator;
}

/** What zxcvbn thinks of a password, given the account's own names. */
export async function passwordStrength(
  password: string,
  account: { username: string; fullName?: string | undefined },
): Promise<{ score: number; warning: string | null; suggestions: string[] }> {
  const zxcvbn = await loadEstimator();
  const name = account.fullName ?? '';
  const inputs = [
    account.username,
    ...account.username.split(/[._-]/),
    name,
    searchKey(name).replaceAll(' ', ''),
    ...searchKey(name).split(' '),
    ...SITE_WORDS,
  ].filter((w) => w.length >= 2);
  const result = zxcvbn.check(password, inputs);
  return {
    score: result.score,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}

/** Vietnamese reasons a new password is refused, empty when acceptable. */
export async function passwordProblems(
  password: string,
  account: { username: string; fullName?: string | undefined },
): Promise<string[]> {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH)
    problems.push(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  if (password.toLowerCase().includes(account.username.toLowerCase()))
    problems.push('Mật khẩu không được chứa tên đăng nhập.');
  if (problems.length) return problems;
  const strength = await passwordStrength(password, account);
  if (strength.score < MIN_PASSWORD_SCORE)
    problems.push(
      [
        'Mật khẩu quá dễ đoán.',
        strength.warning,
        ...strength.suggestions,
        'Gợi ý: ghép 3–4 từ ít gặp không liên quan đến nhau (có thể thêm dấu gạch và chữ số); không dùng tên, ngày sinh, tên đăng nhập hay các dãy như 123456, qwerty.',
      ]
        .filter(Boolean)
        .join(' '),
    );
  return problems;
}
