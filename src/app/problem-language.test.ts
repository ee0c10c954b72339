import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../core/contract.ts';
import type { Db } from '../db/connection.ts';
import { ORG_HEADERS } from '../modules/orgs/units/org-sheet.ts';
import type { ProgressLine } from '../modules/registry/contract.ts';
import { freshDatabase } from '../../test/helpers/db.ts';
import { signIn, type Client } from '../../test/helpers/client.ts';
import { makeSmallProvince, PASSWORD } from '../../test/helpers/factories/orgs.ts';
import { buildApp, type App } from './app.ts';

/**
 * Issue 13 item 17: a real route answers its problem in English with
 * `Accept-Language: en`, in Vietnamese without it (the use cases throw
 * Vietnamese; the error handler translates).
 */
let db: Db;
let close: () => Promise<void>;
let app: App;
let admin: Client;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  await makeSmallProvince(db);
  app = await buildApp({ db, webDir: null });
  admin = await signIn(app, 'admin', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await close();
});

const send = async (url: string, payload: object, language?: string) => {
  const r = await app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: admin.cookie,
      'x-csrf-token': admin.csrfToken,
      ...(language ? { 'accept-language': language } : {}),
    },
    payload,
  });
  return { status: r.statusCode, body: r.json<Problem>(), language: r.headers['content-language'] };
};

const BAD_CALENDAR =
  'date,kind,name\n2027-02-05,nghỉ,Tết\n2027-02-31,nghỉ,Tết\n2027-02-08,đi chơi,Tết\n';

describe('problem details in the language of Accept-Language', () => {
  it("answers a CSV import's row errors in Vietnamese by default", async () => {
    const vi = await send('/api/services/calendar/import', { csv: BAD_CALENDAR });
    expect(vi.status).toBe(400);
    expect(vi.language).toBe('vi');
    expect(vi.body.title).toBe('Dữ liệu không hợp lệ');
    expect(vi.body.detail).toBe(
      'Dòng 3, cột date: "2027-02-31" không phải ngày dạng yyyy-mm-dd. Dòng 4, cột kind: "đi chơi" cần là "nghỉ" (holiday) hoặc "làm bù" (workday).',
    );
    // A browser's usual header that prefers Vietnamese.
    const preferred = await send(
      '/api/services/calendar/import',
      { csv: BAD_CALENDAR },
      'vi-VN,vi;q=0.9,en;q=0.8',
    );
    expect(preferred.body).toEqual(vi.body);
  });

  it('answers the same refusal in English with Accept-Language: en', async () => {
    const en = await send('/api/services/calendar/import', { csv: BAD_CALENDAR }, 'en');
    expect(en.status).toBe(400);
    expect(en.language).toBe('en');
    expect(en.body).toEqual({
      type: 'about:blank',
      title: 'Invalid data',
      status: 400,
      detail:
        'Row 3, column date: "2027-02-31" is not a date in the form yyyy-mm-dd. Row 4, column kind: "đi chơi" must be "nghỉ" (holiday) or "làm bù" (workday).',
    });
  });

  it("answers a Zod validation error with Zod's English, and Vietnamese without the header", async () => {
    const vi = await send('/api/services/calendar/import', { csv: 5 });
    expect(vi.status).toBe(400);
    expect(vi.body.errors).toEqual([
      { path: 'body.csv', message: 'Đầu vào không hợp lệ: mong đợi string, nhận được số' },
    ]);
    const en = await send('/api/services/calendar/import', { csv: 5 }, 'en-GB,en;q=0.9');
    expect(en.status).toBe(400);
    expect(en.body).toEqual({
      type: 'about:blank',
      title: 'Invalid data',
      status: 400,
      detail: 'body.csv: Invalid input: expected string, received number',
      errors: [{ path: 'body.csv', message: 'Invalid input: expected string, received number' }],
    });
  });

  it("answers an xlsx import's row errors (the 422 report) in English, the file's headers kept", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đơn vị');
    sheet.addRow(Object.values(ORG_HEADERS));
    sheet.addRow(['THPT-X', 'Trường THPT X', 'SGD', 'Lâu đài', '', '', '']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const boundary = '----sogd-language';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="don-vi.xlsx"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = async (language?: string) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/orgs/import?dryRun=1',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          ...(language ? { 'accept-language': language } : {}),
        },
        payload,
      });
      return {
        status: r.statusCode,
        errors: r.json<{ errorList: { row: number; column: string; message: string }[] }>()
          .errorList,
      };
    };
    const vi = await upload();
    expect(vi.status).toBe(422);
    const kindVi = vi.errors.find((e) => e.column === ORG_HEADERS.kind);
    expect(kindVi?.message).toMatch(/^Loại đơn vị "Lâu đài" không hợp lệ: cần một trong /);
    const en = await upload('en');
    expect(en.status).toBe(422);
    expect(en.errors.map((e) => [e.row, e.column])).toEqual(
      vi.errors.map((e) => [e.row, e.column]),
    );
    const kindEn = en.errors.find((e) => e.column === ORG_HEADERS.kind);
    expect(kindEn?.row).toBe(2);
    expect(kindEn?.message).toMatch(/^Unit kind "Lâu đài" is not valid: expected one of /);
    for (const e of en.errors) expect(e.message).not.toMatch(/không|Thiếu|phải/);
  });

  it("answers the registry import's progress stream (row errors, a failure) in English", async () => {
    const multipart = (bytes: Buffer) => {
      const boundary = '----sogd-progress';
      return {
        boundary,
        body: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hs.xlsx"\r\n` +
              'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
          ),
          bytes,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      };
    };
    const stream = async (url: string, bytes: Buffer, language?: string) => {
      const { boundary, body } = multipart(bytes);
      const r = await app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          ...(language ? { 'accept-language': language } : {}),
        },
        payload: body,
      });
      return r.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as ProgressLine)
        .at(-1)!;
    };
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('HS').addRow(['Mã trường', 'Lớp', 'Họ và tên', 'Ngày sinh', 'Giới tính']);
    wb.worksheets[0]!.addRow(['KHONG-CO', '6A1', 'Đinh Văn Nam', '02/02/2014', 'Nam']);
    const students = Buffer.from(await wb.xlsx.writeBuffer());
    const url = '/api/registry/imports/students?year=2025-2026&dryRun=1&progress=1';
    const messages = (line: ProgressLine) =>
      line.phase === 'done' ? line.result.errorList.map((e) => `${e.column}|${e.message}`) : [];
    expect(messages(await stream(url, students))).toContain(
      'Mã trường|Không có trường mã "KHONG-CO" trong cây đơn vị.',
    );
    expect(messages(await stream(url, students, 'en'))).toContain(
      'Mã trường|There is no school with code "KHONG-CO" in the unit tree.',
    );
    const junk = Buffer.from('không phải bảng tính');
    const failedVi = await stream(url, junk);
    expect(failedVi.phase === 'failed' && failedVi.error.title).toBe('Dữ liệu không hợp lệ');
    const failedEn = await stream(url, junk, 'en');
    expect(failedEn.phase === 'failed' && failedEn.error).toMatchObject({
      status: 400,
      title: 'Invalid data',
      detail: expect.stringMatching(/^The file cannot be read as an Excel workbook/) as unknown,
    });
  });

  it('translates the noun of a not-found, and the answer of an unknown address', async () => {
    const get = async (url: string, language?: string) => {
      const r = await app.inject({
        method: 'GET',
        url,
        headers: { cookie: admin.cookie, ...(language ? { 'accept-language': language } : {}) },
      });
      return r.json<Problem>();
    };
    const id = '01900000-0000-7000-8000-000000000000';
    expect((await get(`/api/jobs/${id}`)).detail).toBe('Không tìm thấy công việc.');
    expect(await get(`/api/jobs/${id}`, 'en')).toMatchObject({
      title: 'Not found',
      detail: 'Job not found.',
    });
    expect((await get('/api/no-such-thing', 'en')).detail).toBe(
      'There is no resource at this address.',
    );
    expect((await get('/api/no-such-thing')).detail).toBe('Không có tài nguyên nào ở địa chỉ này.');
  });
});
