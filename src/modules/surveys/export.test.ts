import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeSmallProvince, makeUser, PASSWORD } from '../../../test/helpers/factories/orgs.ts';
import type { ResultsAnswer } from './contract.ts';
import { RESULT_HEADERS } from './export-results.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let department: Client;
let schoolB: Client;
let surveyId: string;

const SECTIONS = [
  {
    id: 'day-hoc',
    title: 'Hoạt động dạy học',
    questions: [
      { id: 'q1', kind: 'scale5', text: 'Thầy cô giảng dạy dễ hiểu' },
      { id: 'q2', kind: 'choice', text: 'Con có thích đến trường?', choices: ['Có', 'Không'] },
    ],
  },
  {
    id: 'moi-truong',
    title: 'Môi trường nhà trường',
    questions: [{ id: 'q3', kind: 'text', text: 'Ý kiến khác' }],
  },
];

async function answerAll(client: Client, schoolId: string, answers: Record<string, unknown>[]) {
  const r = await client.send('POST', `/api/surveys/${surveyId}/codes`, {
    schoolId,
    count: answers.length,
  });
  const codes = (r.body as { codes: string[] }).codes;
  for (const [i, a] of answers.entries()) {
    const sent = await app.inject({
      method: 'POST',
      url: '/api/public/surveys/answers',
      payload: { code: codes[i], surveyId, answers: a },
    });
    expect(sent.statusCode).toBe(201);
  }
}

/** The xlsx as the route sends it, read back: each sheet's rows as arrays of cell values. */
async function download(client: Client, query = '') {
  const r = await app.inject({
    method: 'GET',
    url: `/api/surveys/${surveyId}/results.xlsx${query}`,
    headers: { cookie: client.cookie },
  });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toContain('spreadsheetml');
  expect(r.headers['content-disposition']).toContain('ket-qua-khao-sat-2025-2026-');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const sheet = book.getWorksheet(name)!;
    const out: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) =>
      out.push((row.values as unknown[]).slice(1).map((v) => v ?? null)),
    );
    return { sheet, out };
  };
  return { results: rows('Kết quả'), texts: rows('Ý kiến') };
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeSmallProvince(db);
  await makeUser(db, ids.THB!, 'school_admin', 'truongb');
  await makeUser(db, ids.THA!, 'school_admin', 'truonga');
  app = await buildApp({ db, webDir: null });
  department = await signIn(app, 'admin', PASSWORD);
  schoolB = await signIn(app, 'truongb', PASSWORD);
  const schoolA = await signIn(app, 'truonga', PASSWORD);
  const created = await department.send('POST', '/api/surveys', {
    title: 'Khảo sát sự hài lòng 2025-2026',
    schoolYear: '2025-2026',
    scopeUnitId: ids.SGD,
    sections: SECTIONS,
    endsOn: '31/12/2099',
  });
  surveyId = (created.body as { id: string }).id;
  // School B: ten answers. q1: 1,2,3,4,5 twice, so [2,2,2,2,2], mean 3;
  // q2: seven "Có", three "Không". Two free texts: one approved, one rejected.
  await answerAll(
    schoolB,
    ids.THB!,
    [1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((q1, i) => ({
      q1,
      q2: i < 7 ? 'Có' : 'Không',
      ...(i === 0 ? { q3: 'Cần thêm sân chơi' } : i === 1 ? { q3: 'Ý kiến bị ẩn' } : {}),
    })),
  );
  // School A: two answers, below the minimum group size.
  await answerAll(schoolA, ids.THA!, [
    { q1: 5, q2: 'Có', q3: 'Trường A tốt' },
    { q1: 5, q2: 'Có' },
  ]);
  const pending = (await department.get(`/api/surveys/${surveyId}/texts`)).body as {
    items: { id: string; body: string }[];
  };
  for (const p of pending.items)
    await department.send('POST', `/api/surveys/texts/${p.id}/review`, {
      decision: p.body === 'Ý kiến bị ẩn' ? 'rejected' : 'approved',
    });
});

afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('results as xlsx', () => {
  it('holds the survey in a header, then the same counts, shares and means as the results', async () => {
    const json = (await department.get(`/api/surveys/${surveyId}/results`)).body as ResultsAnswer;
    const { results, texts } = await download(department);
    const rows = results.out;
    expect(rows[0]).toEqual(['Khảo sát sự hài lòng 2025-2026']);
    expect(rows[1]).toEqual(['Phạm vi: Sở Giáo dục và Đào tạo Thử Nghiệm · Năm học 2025-2026']);
    expect(String(rows[2]![0])).toBe('Trạng thái: Đang mở · ngày cuối nhận trả lời 31/12/2099');
    // Only B's ten answers are counted: A's two are hidden, count included.
    expect(String(rows[3]![0])).toContain('Số phiếu của các trường được hiện: 10 ·');
    expect(rows[6]).toEqual([...RESULT_HEADERS]);
    // Trailing blank cells are not stored: pad to the table's width.
    const table = rows
      .slice(7)
      .map((r) => Array.from({ length: RESULT_HEADERS.length }, (_, i) => r[i] ?? null));

    // Written out: school B, q1 (1..5 twice), q2 (7 Có, 3 Không).
    const b = table.filter((r) => r[0] === 'THB');
    expect(b.map((r) => [r[4], r[6], r[7], r[8], r[9]])).toEqual([
      ['q1', '1 – Rất không hài lòng', 2, 0.2, 3],
      ['q1', '2 – Không hài lòng', 2, 0.2, null],
      ['q1', '3 – Bình thường', 2, 0.2, null],
      ['q1', '4 – Hài lòng', 2, 0.2, null],
      ['q1', '5 – Rất hài lòng', 2, 0.2, null],
      ['q2', 'Có', 7, 0.7, null],
      ['q2', 'Không', 3, 0.3, null],
    ]);
    expect(b.every((r) => r[2] === 10 && r[1] === 'Trường THCS Nguyễn Du')).toBe(true);

    // And the same as the results JSON, row by row.
    const group = json.groups.find((g) => g.school.id === ids.THB)!;
    const fromJson = group.sections.flatMap((s) =>
      s.questions
        .filter((q) => q.kind !== 'text')
        .flatMap((q) =>
          q.distribution.map((n, i) => [q.id, n, n / q.answered, i === 0 ? q.mean : null]),
        ),
    );
    expect(b.map((r) => [r[4], r[7], r[8], r[9]])).toEqual(fromJson);

    // School A: a notice, no figure at all.
    const a = table.filter((r) => r[0] === 'THA');
    expect(a).toEqual([
      [
        'THA',
        'Trường Tiểu học Kim Đồng',
        null,
        null,
        null,
        'Chưa đủ 10 phiếu: không hiện số liệu.',
        null,
        null,
        null,
        null,
      ],
    ]);
    expect(json.groups.find((g) => g.school.id === ids.THA)?.suppressed).toBe(true);

    // Shares and means are numbers, shown as percent and with two decimals.
    const firstB = results.sheet.getRow(8 + table.findIndex((r) => r[0] === 'THB'));
    expect(firstB.getCell(9).numFmt).toBe('0.0%');
    expect(firstB.getCell(10).numFmt).toBe('0.00');

    // Free text: the approved one of B only (A's is in a hidden group, the rejected one hidden).
    expect(texts.out[0]).toEqual(['Khảo sát sự hài lòng 2025-2026']);
    expect(texts.out.slice(7)).toEqual([
      [
        'THB',
        'Trường THCS Nguyễn Du',
        'Môi trường nhà trường',
        'q3',
        'Ý kiến khác',
        'Cần thêm sân chơi',
      ],
    ]);
    const allText = JSON.stringify([results.out, texts.out]);
    expect(allText).not.toContain('Trường A tốt');
    expect(allText).not.toContain('Ý kiến bị ẩn');
    expect(allText).not.toContain('KS-');
  });

  it('gives a school its own results only, and refuses another school’s', async () => {
    const { results } = await download(schoolB);
    const schools = new Set(results.out.slice(7).map((r) => r[0]));
    expect([...schools]).toEqual(['THB']);
    const other = await app.inject({
      method: 'GET',
      url: `/api/surveys/${surveyId}/results.xlsx?schoolId=${ids.THA}`,
      headers: { cookie: schoolB.cookie },
    });
    expect(other.statusCode).toBe(403);
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/surveys/018f0000-0000-7000-8000-000000000000/results.xlsx',
      headers: { cookie: department.cookie },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('publishes the view the indicators read: schools of 10 answers or more only', async () => {
    const rows = await db
      .selectFrom('survey_school_result_v')
      .selectAll()
      .where('survey_id', '=', surveyId)
      .execute();
    // B: q1 is 1..5 twice (sum 30 over 10 scores; the choice and the text are no score).
    expect(rows).toEqual([
      {
        survey_id: surveyId,
        series: null,
        school_year: '2025-2026',
        status: 'open',
        school_id: ids.THB,
        answers: 10,
        mean_score: 3,
        title: 'Khảo sát sự hài lòng 2025-2026',
      },
    ]);
  });
});
