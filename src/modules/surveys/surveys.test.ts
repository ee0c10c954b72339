import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeSmallProvince, makeUser, PASSWORD } from '../../../test/helpers/factories/orgs.ts';
import type { PublicForm, ResultsAnswer } from './contract.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let department: Client;
let schoolB: Client;
let schoolA: Client;
let surveyId: string;
let otherSurveyId: string;

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
    questions: [
      { id: 'q3', kind: 'scale5', text: 'Trường an toàn, thân thiện' },
      { id: 'q4', kind: 'text', text: 'Ý kiến khác' },
    ],
  },
];

async function post(url: string, payload: unknown) {
  const r = await app.inject({ method: 'POST', url, payload: payload as object });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
}

async function codes(client: Client, survey: string, schoolId: string, count: number) {
  const r = await client.send('POST', `/api/surveys/${survey}/codes`, {
    schoolId,
    className: '6A',
    count,
  });
  expect(r.status).toBe(201);
  return (r.body as { codes: string[] }).codes;
}

function answerWith(code: string, score: number, text?: string) {
  return post('/api/public/surveys/answers', {
    code,
    surveyId,
    answers: { q1: score, q2: 'Có', q3: 5, ...(text ? { q4: text } : {}) },
  });
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeSmallProvince(db);
  await makeUser(db, ids.THB!, 'school_admin', 'truongb');
  await makeUser(db, ids.THA!, 'school_admin', 'truonga');
  app = await buildApp({ db, webDir: null });
  department = await signIn(app, 'admin', PASSWORD);
  schoolB = await signIn(app, 'truongb', PASSWORD);
  schoolA = await signIn(app, 'truonga', PASSWORD);
  const created = await department.send('POST', '/api/surveys', {
    title: 'Khảo sát sự hài lòng của cha mẹ học sinh 2025-2026',
    schoolYear: '2025-2026',
    scopeUnitId: ids.SGD,
    sections: SECTIONS,
  });
  expect(created.status).toBe(201);
  surveyId = (created.body as { id: string }).id;
  const other = await department.send('POST', '/api/surveys', {
    title: 'Khảo sát khác',
    schoolYear: '2025-2026',
    scopeUnitId: ids.SGD,
    sections: [SECTIONS[0]],
  });
  otherSurveyId = (other.body as { id: string }).id;
});

afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('parent surveys', () => {
  it('refuses a school building a survey and codes for another school', async () => {
    const r = await schoolB.send('POST', '/api/surveys', {
      title: 'x',
      schoolYear: '2025-2026',
      scopeUnitId: ids.THB,
      sections: SECTIONS,
    });
    expect(r.status).toBe(403);
    const foreign = await schoolB.send('POST', `/api/surveys/${surveyId}/codes`, {
      schoolId: ids.THA,
      count: 1,
    });
    expect(foreign.status).toBe(403);
  });

  it('opens the form with a code and takes one answer per code', async () => {
    const [code] = await codes(schoolB, surveyId, ids.THB!, 1);
    const form = await post('/api/public/surveys/form', { code });
    expect(form.status).toBe(200);
    expect((form.body as unknown as PublicForm).schoolName).toBe('Trường THCS Nguyễn Du');
    expect((await answerWith(code!, 4)).status).toBe(201);
    const again = await answerWith(code!, 1);
    expect(again.status).toBe(409);
    expect(String(again.body.detail)).toContain('mỗi mã chỉ trả lời một lần');
    expect((await post('/api/public/surveys/form', { code })).status).toBe(409);
  });

  it('takes exactly one of five answers sent at once with the same code', async () => {
    const [code] = await codes(schoolA, surveyId, ids.THA!, 1);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => answerWith(code!, n)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const stored = await db
      .selectFrom('survey_answer')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('school_id', '=', ids.THA!)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(1);
  });

  it('refuses a code of another survey and a bad answer, spending nothing', async () => {
    const [other] = await codes(schoolB, otherSurveyId, ids.THB!, 1);
    const wrong = await answerWith(other!, 4);
    expect(wrong.status).toBe(400);
    expect(String(wrong.body.detail)).toContain('phiếu khảo sát khác');
    const [code] = await codes(schoolB, surveyId, ids.THB!, 1);
    const bad = await post('/api/public/surveys/answers', {
      code,
      surveyId,
      answers: { q1: 7, q2: 'Có lẽ' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.answers.q1');
    expect(JSON.stringify(bad.body)).toContain('body.answers.q2');
    // The code still works.
    expect((await answerWith(code!, 5)).status).toBe(201);
  });

  it('stores no link from an answer to its code (anonymous by design)', async () => {
    const columns = await db
      .selectFrom('information_schema.columns' as never)
      .select(['column_name' as never])
      .where('table_name' as never, '=', 'survey_answer' as never)
      .execute();
    expect(columns.map((c) => (c as { column_name: string }).column_name).sort()).toEqual([
      'id',
      'school_id',
      'scores',
      'survey_id',
    ]);
    const codeColumns = await db
      .selectFrom('information_schema.columns' as never)
      .select(['column_name' as never])
      .where('table_name' as never, '=', 'survey_code' as never)
      .execute();
    expect(codeColumns.map((c) => (c as { column_name: string }).column_name)).not.toContain(
      'used_at',
    );
  });

  it('shows a school its results only once 10 answers exist, and free text only after review', async () => {
    // Two answered so far at school B.
    const hidden = (await schoolB.get(`/api/surveys/${surveyId}/results`)).body as ResultsAnswer;
    expect(hidden.minGroupSize).toBe(10);
    expect(hidden.groups).toHaveLength(1);
    expect(hidden.groups[0]).toMatchObject({ suppressed: true, answers: null, sections: [] });

    const more = await codes(schoolB, surveyId, ids.THB!, 7);
    for (const [i, code] of more.entries())
      expect(
        (await answerWith(code, (i % 5) + 1, i === 0 ? 'Cần thêm sân chơi' : undefined)).status,
      ).toBe(201);
    // Nine answers: still hidden.
    const nine = (await schoolB.get(`/api/surveys/${surveyId}/results`)).body as ResultsAnswer;
    expect(nine.groups[0]?.suppressed).toBe(true);

    const [tenth] = await codes(schoolB, surveyId, ids.THB!, 1);
    expect((await answerWith(tenth!, 3)).status).toBe(201);
    const shown = (await schoolB.get(`/api/surveys/${surveyId}/results`)).body as ResultsAnswer;
    const group = shown.groups[0]!;
    expect(group.suppressed).toBe(false);
    expect(group.answers).toBe(10);
    const q1 = group.sections[0]!.questions[0]!;
    expect(q1.distribution.reduce((a, b) => a + b, 0)).toBe(10);
    expect(q1.mean).toBeGreaterThan(1);
    expect(group.sections[0]!.questions[1]!.distribution).toEqual([10, 0]);
    const q4 = group.sections[1]!.questions[1]!;
    expect(q4.texts).toEqual([]); // not reviewed yet

    // School A sees nothing of school B.
    const a = (await schoolA.get(`/api/surveys/${surveyId}/results`)).body as ResultsAnswer;
    expect(a.groups.map((g) => g.school.id)).toEqual([ids.THA]);
    expect(a.groups[0]).toMatchObject({ suppressed: true, answers: null });
    expect((await schoolA.get(`/api/surveys/${surveyId}/results?schoolId=${ids.THB}`)).status).toBe(
      403,
    );

    // The department reviews; a school cannot.
    expect((await schoolB.get(`/api/surveys/${surveyId}/texts`)).status).toBe(403);
    const pending = (await department.get(`/api/surveys/${surveyId}/texts`)).body as {
      items: { id: string; body: string }[];
    };
    expect(pending.items.map((p) => p.body)).toEqual(['Cần thêm sân chơi']);
    const reviewed = await department.send(
      'POST',
      `/api/surveys/texts/${pending.items[0]!.id}/review`,
      {
        decision: 'approved',
      },
    );
    expect(reviewed.status).toBe(200);
    const after = (await schoolB.get(`/api/surveys/${surveyId}/results`)).body as ResultsAnswer;
    expect(after.groups[0]!.sections[1]!.questions[1]!.texts).toEqual(['Cần thêm sân chơi']);
  });

  it('keeps the results tally equal to the answers stored, question by question', async () => {
    // The tally the results read (migration 2026120801) against a count of every answer.
    const direct = await sql<{ school_id: string; question: string; value: string; n: string }>`
      SELECT a.school_id, kv.key AS question, kv.value #>> '{}' AS value, count(*)::text AS n
      FROM survey_answer a CROSS JOIN LATERAL jsonb_each(a.scores) kv
      WHERE a.survey_id = ${surveyId}
      GROUP BY 1, 2, 3
      UNION ALL
      SELECT school_id, '', '', count(*)::text FROM survey_answer
      WHERE survey_id = ${surveyId} GROUP BY 1
      ORDER BY 1, 2, 3`.execute(db);
    const tally = await sql<{ school_id: string; question: string; value: string; n: string }>`
      SELECT school_id, question_id AS question, value, n::text AS n FROM survey_tally
      WHERE survey_id = ${surveyId} ORDER BY 1, 2, 3`.execute(db);
    expect(direct.rows.length).toBeGreaterThan(10);
    expect(tally.rows).toEqual(direct.rows);
  });
});
