import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeSmallProvince, makeUser, PASSWORD } from '../../../test/helpers/factories/orgs.ts';
import { closeEndedSurveys } from './close-survey.ts';
import type { SurveyDetail, SurveySummary } from './contract.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let department: Client;
let school: Client;

const SECTIONS = [
  {
    id: 'day-hoc',
    title: 'Hoạt động dạy học',
    questions: [{ id: 'q1', kind: 'scale5', text: 'Thầy cô giảng dạy dễ hiểu' }],
  },
];

const dayAfter = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const dmy = (iso: string) => iso.split('-').reverse().join('/');

async function post(url: string, payload: unknown) {
  const r = await app.inject({ method: 'POST', url, payload: payload as object });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
}

async function newSurvey(extra: Record<string, unknown> = {}) {
  const r = await department.send('POST', '/api/surveys', {
    title: 'Khảo sát cuối học kỳ',
    schoolYear: '2025-2026',
    scopeUnitId: ids.SGD,
    sections: SECTIONS,
    ...extra,
  });
  expect(r.status).toBe(201);
  return (r.body as { id: string }).id;
}

async function codes(survey: string, count: number) {
  const r = await school.send('POST', `/api/surveys/${survey}/codes`, {
    schoolId: ids.THB,
    count,
  });
  expect(r.status).toBe(201);
  return (r.body as { codes: string[] }).codes;
}

const answer = (surveyId: string, code: string) =>
  post('/api/public/surveys/answers', { code, surveyId, answers: { q1: 4 } });

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

describe('closing a survey', () => {
  it('is the owner’s action: a school cannot, the department can, once; answers are then refused', async () => {
    const id = await newSurvey();
    const [first, second, third] = await codes(id, 3);
    expect((await answer(id, first!)).status).toBe(201);

    expect((await school.send('POST', `/api/surveys/${id}/close`)).status).toBe(403);
    const closed = await department.send('POST', `/api/surveys/${id}/close`);
    expect(closed.status).toBe(200);
    const summary = closed.body as SurveySummary;
    expect(summary.status).toBe('closed');
    expect(summary.closedAt).not.toBeNull();
    expect(summary.answers).toBe(1);

    // The public form and the answer both say it has ended, with the day.
    const today = dmy(todayInVietnam());
    const form = await post('/api/public/surveys/form', { code: second });
    expect(form.status).toBe(409);
    expect(form.body.title).toBe('Khảo sát đã kết thúc');
    expect(String(form.body.detail)).toContain(`đã kết thúc (ngày ${today})`);
    const late = await answer(id, third!);
    expect(late.status).toBe(409);
    expect(String(late.body.detail)).toContain('không nhận thêm phiếu trả lời');
    // A used code of a closed survey also hears that it has ended.
    expect((await answer(id, first!)).status).toBe(409);
    // Nothing was written by the refused answers; the code was not spent.
    const stored = await db
      .selectFrom('survey_answer')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('survey_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(1);
    const spent = await db
      .selectFrom('survey_code')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('survey_id', '=', id)
      .where('used', '=', true)
      .executeTakeFirstOrThrow();
    expect(Number(spent.n)).toBe(1);

    // No more codes, and a second close says it is already closed.
    const more = await school.send('POST', `/api/surveys/${id}/codes`, {
      schoolId: ids.THB,
      count: 1,
    });
    expect(more.status).toBe(400);
    expect(JSON.stringify(more.body)).toContain('không cấp thêm mã');
    const again = await department.send('POST', `/api/surveys/${id}/close`);
    expect(again.status).toBe(409);

    // The list and the survey show it closed; results stay readable.
    const detail = (await department.get(`/api/surveys/${id}`)).body as SurveyDetail;
    expect(detail.status).toBe('closed');
    expect((await department.get(`/api/surveys/${id}/results`)).status).toBe(200);
  });

  it('is in the audit log: who closed which survey', async () => {
    const id = await newSurvey();
    expect((await department.send('POST', `/api/surveys/${id}/close`)).status).toBe(200);
    const entries = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'before', 'after'])
      .where('entity_type', '=', 'survey_form')
      .where('entity_id', '=', id)
      .execute();
    expect(entries.map((e) => e.action).sort()).toEqual(['insert', 'update']);
    const update = entries.find((e) => e.action === 'update')!;
    expect(update.actor_name).toBe('Người dùng admin (admin)');
    expect((update.before as { status: string }).status).toBe('open');
    expect((update.after as { status: string }).status).toBe('closed');
  });

  it('refuses an unknown survey and a last day already past', async () => {
    const unknown = await department.send(
      'POST',
      '/api/surveys/018f0000-0000-7000-8000-000000000000/close',
    );
    expect(unknown.status).toBe(404);
    const past = await department.send('POST', '/api/surveys', {
      title: 'x',
      schoolYear: '2025-2026',
      scopeUnitId: ids.SGD,
      sections: SECTIONS,
      endsOn: '01/01/2020',
    });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain('Ngày cuối nhận trả lời đã qua');
    const wrong = await department.send('POST', '/api/surveys', {
      title: 'x',
      schoolYear: '2025-2026',
      scopeUnitId: ids.SGD,
      sections: SECTIONS,
      endsOn: '31/02/2027',
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('Ngày cuối nhận trả lời 31/02/2027 không có');
  });

  it('closes itself after its last day: refused from the next day, closed by the nightly job', async () => {
    const today = todayInVietnam();
    const id = await newSurvey({ endsOn: dmy(today) });
    const open = await newSurvey(); // no last day: the job leaves it alone
    const [code, later] = await codes(id, 2);
    // Its last day: still taking answers, and the job closes nothing yet.
    expect((await answer(id, code!)).status).toBe(201);
    expect(await closeEndedSurveys(db, today)).toEqual({ closed: 0 });

    // Moved a day back (as if today were the day after): answers are refused
    // at once, before the job has run.
    const yesterday = new Date(`${today}T00:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    const lastDay = yesterday.toISOString().slice(0, 10);
    await writeTransaction(db, systemActor('kiểm thử'), (tx) =>
      tx.updateTable('survey_form').set({ ends_on: lastDay }).where('id', '=', id).execute(),
    );
    const refused = await answer(id, later!);
    expect(refused.status).toBe(409);
    expect(String(refused.body.detail)).toContain(`(ngày ${dmy(lastDay)})`);
    expect(((await department.get(`/api/surveys/${id}`)).body as SurveySummary).status).toBe(
      'closed',
    );

    // The job closes it (and only it); a second run finds nothing.
    expect(await closeEndedSurveys(db, dayAfter(lastDay))).toEqual({ closed: 1 });
    expect(await closeEndedSurveys(db, dayAfter(lastDay))).toEqual({ closed: 0 });
    const rows = await db
      .selectFrom('survey_form')
      .select(['id', 'status', 'closed_at'])
      .where('id', 'in', [id, open])
      .execute();
    expect(rows.find((r) => r.id === id)).toMatchObject({ status: 'closed' });
    expect(rows.find((r) => r.id === id)!.closed_at).not.toBeNull();
    expect(rows.find((r) => r.id === open)).toMatchObject({ status: 'open', closed_at: null });
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_name'])
      .where('entity_type', '=', 'survey_form')
      .where('entity_id', '=', id)
      .where('action', '=', 'update')
      .execute();
    // The test's own move of the last day, then the job's closing.
    expect(audit.map((a) => a.actor_name).sort()).toEqual([
      'hệ thống: kiểm thử',
      'hệ thống: đóng khảo sát hết hạn',
    ]);
  });
});
