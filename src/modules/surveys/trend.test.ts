import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeSmallProvince, makeUser, PASSWORD } from '../../../test/helpers/factories/orgs.ts';
import type { SurveySummary, TrendAnswer } from './contract.ts';
import { seedSurveysDemo } from './index.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let department: Client;
let schoolA: Client;
let schoolB: Client;
let round1: string;
let round2: string;
let other: string;

const teaching = (extra: object[] = []) => ({
  id: 'day-hoc',
  title: 'Hoạt động dạy học',
  questions: [
    { id: 'q1', kind: 'scale5', text: 'Thầy cô giảng dạy dễ hiểu' },
    { id: 'q2', kind: 'scale5', text: 'Thầy cô quan tâm đến con' },
    ...extra,
  ],
});
const environment = {
  id: 'moi-truong',
  title: 'Môi trường nhà trường',
  questions: [{ id: 'q3', kind: 'scale5', text: 'Trường an toàn, thân thiện' }],
};

async function survey(schoolYear: string, sections: object[], series?: string) {
  const r = await department.send('POST', '/api/surveys', {
    title: `Khảo sát sự hài lòng ${schoolYear}`,
    schoolYear,
    scopeUnitId: ids.SGD,
    sections,
    ...(series ? { series } : {}),
  });
  expect(r.status).toBe(201);
  return (r.body as { id: string }).id;
}

async function answerAll(
  client: Client,
  surveyId: string,
  schoolId: string,
  answers: Record<string, number>[],
) {
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

const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeSmallProvince(db);
  await makeUser(db, ids.THA!, 'school_admin', 'truonga');
  await makeUser(db, ids.THB!, 'school_admin', 'truongb');
  app = await buildApp({ db, webDir: null });
  department = await signIn(app, 'admin', PASSWORD);
  schoolA = await signIn(app, 'truonga', PASSWORD);
  schoolB = await signIn(app, 'truongb', PASSWORD);
  // Created out of order: the rounds are ordered by school year.
  round2 = await survey(
    '2025-2026',
    [teaching([{ id: 'q4', kind: 'scale5', text: 'Bài tập về nhà vừa sức' }]), environment],
    'hai-long-thu',
  );
  round1 = await survey('2024-2025', [teaching(), environment], 'hai-long-thu');
  other = await survey('2025-2026', [teaching()], 'khao-sat-khac');

  // Round 1 (2024-2025).
  // B, 10 answers: q1 all 3; q2 five 2s and five 4s (mean 3); q3 all 4.
  await answerAll(schoolB, round1, ids.THB!, [
    ...times(5, { q1: 3, q2: 2, q3: 4 }),
    ...times(5, { q1: 3, q2: 4, q3: 4 }),
  ]);
  // A, 12 answers: q1 all 2, q2 all 3, q3 all 5.
  await answerAll(schoolA, round1, ids.THA!, times(12, { q1: 2, q2: 3, q3: 5 }));

  // Round 2 (2025-2026).
  // B, 10 answers: q1 four 5s and six 4s (4,4); q2 all 4; q3 seven 5s, three 3s (4,4); q4 all 2.
  await answerAll(schoolB, round2, ids.THB!, [
    ...times(4, { q1: 5, q2: 4, q3: 5, q4: 2 }),
    ...times(3, { q1: 4, q2: 4, q3: 5, q4: 2 }),
    ...times(3, { q1: 4, q2: 4, q3: 3, q4: 2 }),
  ]);
  // A, 3 answers only: hidden in round 2.
  await answerAll(schoolA, round2, ids.THA!, times(3, { q1: 1, q2: 1, q3: 1, q4: 1 }));
  // The other series: not part of the trend.
  await answerAll(schoolB, other, ids.THB!, times(10, { q1: 1, q2: 1 }));
});

afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('trends across rounds of a series', () => {
  it('sets each round’s means side by side, oldest first, hiding a school’s small round', async () => {
    const r = await department.get(`/api/surveys/${round2}/trend`);
    expect(r.status).toBe(200);
    const trend = r.body as TrendAnswer;
    expect(trend.series).toBe('hai-long-thu');
    expect(trend.rounds.map((x) => [x.id, x.schoolYear])).toEqual([
      [round1, '2024-2025'],
      [round2, '2025-2026'],
    ]);
    expect(trend.groups.map((g) => g.school.code)).toEqual(['THA', 'THB']);

    const b = trend.groups.find((g) => g.school.code === 'THB')!;
    expect(b.answers).toEqual([10, 10]);
    expect(b.sections).toEqual([
      {
        id: 'day-hoc',
        title: 'Hoạt động dạy học',
        // Round 1: (3 + 3) / 2 = 3; round 2: (4,4 + 4 + 2) / 3 = 3,47.
        means: [3, 3.47],
        questions: [
          { id: 'q1', text: 'Thầy cô giảng dạy dễ hiểu', means: [3, 4.4] },
          { id: 'q2', text: 'Thầy cô quan tâm đến con', means: [3, 4] },
          // Asked from round 2 only.
          { id: 'q4', text: 'Bài tập về nhà vừa sức', means: [null, 2] },
        ],
      },
      {
        id: 'moi-truong',
        title: 'Môi trường nhà trường',
        means: [4, 4.4],
        questions: [{ id: 'q3', text: 'Trường an toàn, thân thiện', means: [4, 4.4] }],
      },
    ]);

    // A: 12 answers in round 1 shown; 3 in round 2 hidden, count included.
    const a = trend.groups.find((g) => g.school.code === 'THA')!;
    expect(a.answers).toEqual([12, null]);
    expect(a.sections[0]!.means).toEqual([2.5, null]);
    expect(a.sections[0]!.questions.map((q) => q.means)).toEqual([
      [2, null],
      [3, null],
      [null, null],
    ]);
    expect(a.sections[1]!.means).toEqual([5, null]);
  });

  it('is the same from the older round, and a school sees only its own', async () => {
    const older = (await department.get(`/api/surveys/${round1}/trend`)).body as TrendAnswer;
    expect(older.rounds.map((x) => x.id)).toEqual([round1, round2]);
    // The older round's form has no q4.
    const b = older.groups.find((g) => g.school.code === 'THB')!;
    expect(b.sections[0]!.questions.map((q) => [q.id, q.means])).toEqual([
      ['q1', [3, 4.4]],
      ['q2', [3, 4]],
    ]);
    const mine = (await schoolB.get(`/api/surveys/${round2}/trend`)).body as TrendAnswer;
    expect(mine.groups.map((g) => g.school.code)).toEqual(['THB']);
    expect((await schoolB.get(`/api/surveys/${round2}/trend?schoolId=${ids.THA}`)).status).toBe(
      403,
    );
  });

  it('is the survey alone without a series', async () => {
    const lone = await survey('2025-2026', [environment]);
    const trend = (await department.get(`/api/surveys/${lone}/trend`)).body as TrendAnswer;
    expect(trend.series).toBeNull();
    expect(trend.rounds.map((x) => x.id)).toEqual([lone]);
    expect(trend.groups).toEqual([]);
    const unknown = await department.get('/api/surveys/018f0000-0000-7000-8000-000000000000/trend');
    expect(unknown.status).toBe(404);
  });

  it('shows in the demo: the closed round of last year and this year’s for the first school', async () => {
    const id = await seedSurveysDemo(db, ids.SGD!, '2025-2026');
    const list = (await department.get('/api/surveys')).body as { items: SurveySummary[] };
    const demo = list.items.filter((s) => s.series === 'hai-long-cmhs');
    expect(demo.map((s) => [s.schoolYear, s.status]).sort()).toEqual([
      ['2024-2025', 'closed'],
      ['2025-2026', 'open'],
    ]);
    const trend = (await department.get(`/api/surveys/${id}/trend`)).body as TrendAnswer;
    expect(trend.rounds.map((r) => r.schoolYear)).toEqual(['2024-2025', '2025-2026']);
    // The first school by code (THA) has 12 answers last year and 10 this year.
    expect(trend.groups.map((g) => [g.school.code, g.answers])).toEqual([['THA', [12, 10]]]);
    expect(trend.groups[0]!.sections[0]!.means.every((m) => m !== null)).toBe(true);
  });
});
