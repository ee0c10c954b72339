import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeSmallProvince, makeUser, PASSWORD } from '../../../test/helpers/factories/orgs.ts';
import type { SurveyDetail, SurveySummary } from './contract.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let department: Client;
let school: Client;

const form = (text = 'Thầy cô giảng dạy dễ hiểu') => [
  {
    id: 'day-hoc',
    title: 'Hoạt động dạy học',
    questions: [
      { id: 'q1', kind: 'scale5', text },
      { id: 'q2', kind: 'choice', text: 'Con có thích đến trường?', choices: ['Có', 'Không'] },
    ],
  },
];

const edit = (client: Client, id: string, body: Record<string, unknown>) =>
  client.send('PATCH', `/api/surveys/${id}`, {
    title: 'Khảo sát học kỳ I',
    schoolYear: '2025-2026',
    sections: form(),
    ...body,
  });

async function draft() {
  const r = await department.send('POST', '/api/surveys', {
    title: 'Nháp',
    schoolYear: '2025-2026',
    scopeUnitId: ids.SGD,
    sections: form(),
    draft: true,
  });
  expect(r.status).toBe(201);
  return (r.body as { id: string }).id;
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeSmallProvince(db);
  await makeUser(db, ids.THB!, 'school_admin', 'truongb');
  app = await buildApp({ db, webDir: null });
  department = await signIn(app, 'admin', PASSWORD);
  school = await signIn(app, 'truongb', PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('the form builder', () => {
  it('keeps a draft hidden from schools, edits it, then opens it', async () => {
    const id = await draft();
    // A school does not see the draft, cannot answer it nor issue its codes.
    const list = (await school.get('/api/surveys')).body as { items: SurveySummary[] };
    expect(list.items.map((s) => s.id)).not.toContain(id);
    expect((await school.get(`/api/surveys/${id}`)).status).toBe(404);
    const codes = await school.send('POST', `/api/surveys/${id}/codes`, {
      schoolId: ids.THB,
      count: 1,
    });
    expect(codes.status).toBe(400);
    expect(JSON.stringify(codes.body)).toContain('chưa mở');

    // The school may not edit it; the department does.
    expect((await edit(school, id, {})).status).toBe(403);
    const edited = await edit(department, id, {
      sections: [
        ...form('Thầy cô giảng bài dễ hiểu'),
        {
          id: 'co-so',
          title: 'Cơ sở vật chất',
          questions: [{ id: 'q3', kind: 'text', text: 'Góp ý' }],
        },
      ],
      endsOn: '31/12/2099',
      series: 'hoc-ky',
    });
    expect(edited.status).toBe(200);
    const detail = edited.body as SurveyDetail;
    expect(detail).toMatchObject({
      title: 'Khảo sát học kỳ I',
      status: 'draft',
      endsOn: '2099-12-31',
      series: 'hoc-ky',
    });
    expect(detail.sections.map((s) => s.questions.map((q) => q.text))).toEqual([
      ['Thầy cô giảng bài dễ hiểu', 'Con có thích đến trường?'],
      ['Góp ý'],
    ]);

    const opened = await department.send('POST', `/api/surveys/${id}/open`);
    expect(opened.status).toBe(200);
    expect((opened.body as SurveyDetail).status).toBe('open');
    expect((await department.send('POST', `/api/surveys/${id}/open`)).status).toBe(409);
    expect((await school.get(`/api/surveys/${id}`)).status).toBe(200);
  });

  it('refuses a save from a stale builder instead of overwriting the other editor', async () => {
    const id = await draft();
    const loaded = (await department.get(`/api/surveys/${id}`)).body as SurveyDetail;
    // Two officers open the same draft; the first saves.
    const first = await edit(department, id, {
      sections: form('Câu hỏi của người thứ nhất'),
      version: loaded.version,
    });
    expect(first.status).toBe(200);
    expect((first.body as SurveyDetail).version).toBe(loaded.version + 1);
    // The second, from the form as it was loaded, is told to reload; nothing is written.
    const second = await edit(department, id, {
      sections: form('Câu hỏi của người thứ hai'),
      version: loaded.version,
    });
    expect(second.status).toBe(409);
    expect((second.body as { type: string; detail: string }).type).toBe(
      'urn:sogd:problem:stale-version',
    );
    expect((second.body as { detail: string }).detail).toContain('hãy tải lại');
    const now = (await department.get(`/api/surveys/${id}`)).body as SurveyDetail;
    expect(now.sections[0]!.questions[0]!.text).toBe('Câu hỏi của người thứ nhất');
  });

  it('names the section and question of a repeated id, and refuses a malformed form', async () => {
    const id = await draft();
    const twice = await edit(department, id, {
      sections: [
        ...form(),
        {
          id: 'moi-truong',
          title: 'Môi trường',
          questions: [{ id: 'q1', kind: 'scale5', text: 'An toàn' }],
        },
      ],
    });
    expect(twice.status).toBe(400);
    const body = twice.body as { detail: string; errors: { path: string; message: string }[] };
    expect(body.errors).toEqual([
      {
        path: 'body.sections.1.questions.0.id',
        message:
          'Phần 2, câu 1: mã câu hỏi "q1" đã dùng ở phần 1, câu 1; mỗi câu hỏi cần một mã riêng.',
      },
    ]);
    const choiceless = await edit(department, id, {
      sections: [
        {
          id: 'day-hoc',
          title: 'Dạy học',
          questions: [{ id: 'q1', kind: 'choice', text: 'Chọn', choices: ['Một'] }],
        },
      ],
    });
    expect(choiceless.status).toBe(400);
    expect(JSON.stringify(choiceless.body)).toContain('ít nhất 2 lựa chọn');
  });

  it('freezes the form once an answer exists, and is audited', async () => {
    const id = await draft();
    await department.send('POST', `/api/surveys/${id}/open`);
    // Open but unanswered: still editable.
    expect((await edit(department, id, { title: 'Khảo sát học kỳ I (sửa)' })).status).toBe(200);
    const r = await school.send('POST', `/api/surveys/${id}/codes`, {
      schoolId: ids.THB,
      count: 1,
    });
    const [code] = (r.body as { codes: string[] }).codes;
    const answered = await app.inject({
      method: 'POST',
      url: '/api/public/surveys/answers',
      payload: { code, surveyId: id, answers: { q1: 5, q2: 'Có' } },
    });
    expect(answered.statusCode).toBe(201);
    const frozen = await edit(department, id, { sections: form('Câu khác') });
    expect(frozen.status).toBe(409);
    expect(JSON.stringify(frozen.body)).toContain('Phiếu đã có 1 phiếu trả lời: không sửa được');
    const after = (await department.get(`/api/surveys/${id}`)).body as SurveyDetail;
    expect(after.sections[0]!.questions[0]!.text).toBe('Thầy cô giảng dạy dễ hiểu');

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'survey_form')
      .where('entity_id', '=', id)
      .where('action', '=', 'update')
      .execute();
    const titles = audit.map((a) => (a.after as { title: string }).title);
    expect(titles).toContain('Khảo sát học kỳ I (sửa)');
    expect(audit.map((a) => (a.after as { status: string }).status)).toContain('open');

    // Closed: no edit either.
    await department.send('POST', `/api/surveys/${id}/close`);
    expect((await edit(department, id, {})).status).toBe(409);
  });

  it('tells a school its count only from 10 answers, the owner always', async () => {
    const r = await department.send('POST', '/api/surveys', {
      title: 'Khảo sát riêng trường B',
      schoolYear: '2025-2026',
      scopeUnitId: ids.THB,
      sections: form(),
    });
    const id = (r.body as { id: string }).id;
    const issued = await school.send('POST', `/api/surveys/${id}/codes`, {
      schoolId: ids.THB,
      count: 1,
    });
    const [code] = (issued.body as { codes: string[] }).codes;
    const sent = await app.inject({
      method: 'POST',
      url: '/api/public/surveys/answers',
      payload: { code, surveyId: id, answers: { q1: 2 } },
    });
    expect(sent.statusCode).toBe(201);
    const mine = (await school.get('/api/surveys')).body as { items: SurveySummary[] };
    expect(mine.items.find((s) => s.id === id)?.answers).toBeNull();
    expect(((await school.get(`/api/surveys/${id}`)).body as SurveyDetail).answers).toBeNull();
    const owner = (await department.get('/api/surveys')).body as { items: SurveySummary[] };
    expect(owner.items.find((s) => s.id === id)?.answers).toBe(1);
  });
});
