import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEMS_EN } from './messages-en/index.ts';
import {
  pathToEnglish,
  problemIn,
  problemLanguage,
  toEnglish,
  validationToEnglish,
} from './problem-language.ts';
import { problemTexts, VIETNAMESE } from './problem-texts.scan.ts';

/**
 * Issue 13 item 17: the server's problem details are complete in English.
 * Every problem text written in src/ (problem-texts.scan.ts says which) has
 * an entry in the English catalogue (messages-en/).
 */
const SRC = join(import.meta.dirname, '../..');

describe('the English catalogue of problem texts', () => {
  const found = problemTexts(SRC);

  it('finds the texts it is meant to check (the scan is not empty)', () => {
    expect(found.length).toBeGreaterThan(500);
    const files = new Set(found.map((f) => f.at.split(':')[0]));
    for (const file of ['core/errors.ts', 'app/app.ts', 'modules/services/import-calendar.ts'])
      expect(files).toContain(file);
  });

  it('has an English entry for every problem text in src/', () => {
    const missing = found
      .filter((f) => PROBLEMS_EN[f.text] === undefined)
      .map((f) => `${f.at}: ${f.text}`);
    expect(missing).toEqual([]);
  });

  it('holds English only, with as many parts as the Vietnamese', () => {
    const wrong = Object.entries(PROBLEMS_EN)
      .filter(
        ([vi, en]) =>
          vi.split('{}').length - 1 !== (en.match(/\{\d*\}/g) ?? []).length ||
          // Vietnamese in an English text: only quoted or bracketed Vietnamese terms (names,
          // headers, values to type) and the symbols of legal documents (30/2020/NĐ-CP).
          VIETNAMESE.test(en.replace(/"[^"]*"|\([^)]*\)|\d+\/\d{4}\/[A-ZĐ-]+/g, '')),
      )
      .map(([vi, en]) => `${vi} → ${en}`);
    expect(wrong).toEqual([]);
  });
});

describe('problem texts in English', () => {
  it('picks the language from Accept-Language, Vietnamese by default', () => {
    expect(problemLanguage(undefined)).toBe('vi');
    expect(problemLanguage('')).toBe('vi');
    expect(problemLanguage('en')).toBe('en');
    expect(problemLanguage('en-US,en;q=0.9')).toBe('en');
    expect(problemLanguage('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(problemLanguage('fr, en;q=0.5')).toBe('en');
    expect(problemLanguage('en;q=0.3, vi;q=0.7')).toBe('vi');
    expect(problemLanguage('en;q=0')).toBe('vi');
    expect(problemLanguage('de, *')).toBe('vi');
  });

  it('translates a template with its interpolated parts, and the Vietnamese nouns in them', () => {
    expect(toEnglish('Không tìm thấy học sinh.')).toBe('Student not found.');
    expect(toEnglish('Mật khẩu phải có ít nhất 12 ký tự.')).toBe(
      'The password must have at least 12 characters.',
    );
    expect(toEnglish('Dòng 3: ngày 2027-02-08 đã có ở dòng trước.')).toBe(
      'Row 3: date 2027-02-08 is already on an earlier row.',
    );
    // A name in the part stays as written.
    expect(toEnglish('Mã đơn vị "THPT-A" đã được dùng cho "Trường THPT Lê Lợi".')).toBe(
      'Unit code "THPT-A" is already used by "Trường THPT Lê Lợi".',
    );
  });

  it('translates texts joined into one detail sentence by sentence', () => {
    expect(
      toEnglish(
        'Dòng 2, cột date: "x" không phải ngày dạng yyyy-mm-dd. Dòng 4: ngày làm bù 2027-02-10 không phải thứ Bảy hay Chủ nhật.',
      ),
    ).toBe(
      'Row 2, column date: "x" is not a date in the form yyyy-mm-dd. Row 4: make-up working day 2027-02-10 is not a Saturday or Sunday.',
    );
  });

  it("translates messages joined with '; ' one by one", () => {
    expect(toEnglish('Tên lớp không được để trống; Trích yếu dài quá 500 ký tự')).toBe(
      'Class name must not be empty; Summary is longer than 500 characters',
    );
  });

  it('translates a list of Vietnamese labels in a part', () => {
    expect(
      toEnglish(
        'Kỳ tuyển sinh đã mở đăng ký từ 01/06/2027 08:00: không thay đổi thời gian mở đăng ký, số nguyện vọng tối đa nữa, vì các gia đình đã đăng ký theo quy định này. Chưa lưu gì.',
      ),
    ).toBe(
      'The campaign opened registration on 01/06/2027 08:00: the registration opening time, the maximum number of preferences can no longer change, because families registered under these rules. Nothing was saved.',
    );
  });

  it('spends no time on long texts that match nothing or almost match (no runaway backtracking)', () => {
    const texts = [
      'Đây là một câu rất dài '.repeat(80),
      `Dòng ${'a. B '.repeat(400)} đã là ngày nghỉ cuối tuần; nếu được nghỉ bù, hãy ghi ngày nghỉ bù.`,
      `Mã ${'x (sinh '.repeat(300)} đã thuộc học sinh x (sinh y), khác cả họ tên và ngày sinh trên dòng này: kiểm tra lại z.`,
    ];
    toEnglish('Không tìm thấy học sinh.');
    const start = performance.now();
    for (const t of texts) toEnglish(t);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('leaves a text the catalogue lacks as it is', () => {
    expect(toEnglish('Một câu chưa có trong danh mục.')).toBe('Một câu chưa có trong danh mục.');
  });

  it('translates the words of a row path, not a field path', () => {
    expect(pathToEnglish('dòng 12, cột Ngày sinh')).toBe('row 12, column Ngày sinh');
    expect(pathToEnglish('body.items.3.roomType')).toBe('body.items.3.roomType');
  });

  it('translates a whole problem for English and leaves it alone for Vietnamese', () => {
    const problem = {
      type: 'about:blank',
      title: 'Dữ liệu không hợp lệ',
      status: 400,
      detail: 'Thông tin lớp chưa hợp lệ.',
      errors: [{ path: 'body.name', message: 'Tên lớp không được để trống.' }],
    };
    expect(problemIn('vi', problem)).toBe(problem);
    expect(problemIn('en', problem)).toEqual({
      type: 'about:blank',
      title: 'Invalid data',
      status: 400,
      detail: "The class's details are not valid.",
      errors: [{ path: 'body.name', message: 'The class name must not be empty.' }],
    });
  });

  it('lists the field errors again in English when the detail is their list', () => {
    const message = 'Tên lớp không được để trống.';
    expect(
      problemIn('en', {
        title: 'Dữ liệu không hợp lệ',
        status: 400,
        detail: `body.name: ${message}; body.grade: Khối lớp là số nguyên từ 1 đến 12.`,
        errors: [
          { path: 'body.name', message },
          { path: 'body.grade', message: 'Khối lớp là số nguyên từ 1 đến 12.' },
        ],
      }).detail,
    ).toBe(
      'body.name: The class name must not be empty.; body.grade: The grade is a whole number from 1 to 12.',
    );
  });

  it("translates Zod's Vietnamese messages answered as text (a use case validating again)", () => {
    expect(
      toEnglish(
        'Quá nhỏ: mong đợi string có >=1 ký tự; Tùy chọn không hợp lệ: mong đợi một trong các giá trị "a"|"b"',
      ),
    ).toBe(
      'Too small: expected string to have >=1 characters; Invalid option: expected one of "a"|"b"',
    );
  });

  it("gives Zod's own English for Zod's Vietnamese messages, the catalogue's for a schema's own", () => {
    expect(
      validationToEnglish({
        keyword: 'invalid_type',
        instancePath: '/csv',
        message: 'Đầu vào không hợp lệ: mong đợi string, nhận được số',
        params: { expected: 'string' },
      }),
    ).toBe('Invalid input: expected string, received number');
    expect(
      validationToEnglish({
        keyword: 'too_big',
        instancePath: '/name',
        message: 'Quá lớn: mong đợi string có <=30 ký tự',
        params: { origin: 'string', maximum: 30, inclusive: true },
      }),
    ).toBe('Too big: expected string to have <=30 characters');
    expect(
      validationToEnglish({
        keyword: 'custom',
        instancePath: '/name',
        message: 'Tên lớp không được để trống.',
        params: {},
      }),
    ).toBe('The class name must not be empty.');
  });
});
