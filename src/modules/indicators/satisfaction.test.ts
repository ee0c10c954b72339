import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeSmallProvince, makeUser, PASSWORD } from '../../../test/helpers/factories/orgs.ts';
import type { SatisfactionAnswer } from './contract.ts';

// The parents' surveys on the dashboard (issue #19 point 6): only schools of
// 10 answers or more, and the unit's mean over those schools only.
let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let department: Client;
let schoolA: Client;
let schoolB: Client;
let surveyId: string;

const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

async function answerAll(client: Client, schoolId: string, answers: Record<string, number>[]) {
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

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeSmallProvince(db);
  await makeUser(db, ids.THA!, 'school_admin', 'truonga');
  await makeUser(db, ids.THB!, 'school_admin', 'truongb');
  app = await buildApp({ db, webDir: null });
  department = await signIn(app, 'admin', PASSWORD);
  schoolA = await signIn(app, 'truonga', PASSWORD);
  schoolB = await signIn(app, 'truongb', PASSWORD);
  const created = await department.send('POST', '/api/surveys', {
    title: 'Khảo sát sự hài lòng của cha mẹ học sinh 2025-2026',
    schoolYear: '2025-2026',
    scopeUnitId: ids.SGD,
    sections: [
      {
        id: 'day-hoc',
        title: 'Hoạt động dạy học',
        questions: [
          { id: 'q1', kind: 'scale5', text: 'Thầy cô giảng dạy dễ hiểu' },
          { id: 'q2', kind: 'scale5', text: 'Trường an toàn, thân thiện' },
        ],
      },
    ],
  });
  expect(created.status).toBe(201);
  surveyId = (created.body as { id: string }).id;
  // A: 12 answers, q1 all 4, q2 six 3s and six 5s: mean 4.
  await answerAll(schoolA, ids.THA!, [
    ...times(6, { q1: 4, q2: 3 }),
    ...times(6, { q1: 4, q2: 5 }),
  ]);
  // B: 9 answers only, all 1: below the minimum group, never shown nor counted.
  await answerAll(schoolB, ids.THB!, times(9, { q1: 1, q2: 1 }));
});

afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('parents’ satisfaction on the dashboard', () => {
  it('shows the schools of 10 answers or more, and the mean over them only', async () => {
    const r = await department.get('/api/indicators/satisfaction?year=2025-2026');
    expect(r.status).toBe(200);
    const answer = r.body as SatisfactionAnswer;
    expect(answer.surveys).toHaveLength(1);
    const [survey] = answer.surveys;
    expect(survey).toMatchObject({ surveyId, status: 'open', answers: 12, meanScore: 4 });
    expect(survey!.schools.map((s) => [s.school.code, s.answers, s.meanScore])).toEqual([
      ['THA', 12, 4],
    ]);
    // The 10th answer of B brings it in, and the mean becomes the answers' weighted one.
    await answerAll(schoolB, ids.THB!, [{ q1: 1, q2: 1 }]);
    const after = (await department.get('/api/indicators/satisfaction?year=2025-2026'))
      .body as SatisfactionAnswer;
    expect(after.surveys[0]!.schools.map((s) => s.school.code)).toEqual(['THA', 'THB']);
    // (12 × 4 + 10 × 1) / 22 = 2.636… → 2.64.
    expect(after.surveys[0]).toMatchObject({ answers: 22, meanScore: 2.64 });
  });

  it('gives another year nothing, a school its own row only, and 403 outside its scope', async () => {
    const other = (await department.get('/api/indicators/satisfaction?year=2024-2025'))
      .body as SatisfactionAnswer;
    expect(other.surveys).toEqual([]);
    const own = await schoolA.get('/api/indicators/satisfaction?year=2025-2026');
    expect(own.status).toBe(200);
    expect((own.body as SatisfactionAnswer).surveys[0]!.schools.map((s) => s.school.code)).toEqual([
      'THA',
    ]);
    const outside = await schoolA.get(
      `/api/indicators/satisfaction?year=2025-2026&unitId=${ids.THB}`,
    );
    expect(outside.status).toBe(403);
  });
});
