/**
 * The demo's parent survey (`npm start`): the department's yearly
 * satisfaction survey over the whole province, 5 areas on a 5-point scale,
 * with known codes for the first school (by code) so the answer page can be tried
 * (docs/surveys.md lists them) and 10 answers already in, so that school's
 * results show; and the previous year's round of it (series
 * "hai-long-cmhs", closed, 12 answers at that school), so its trend shows.
 */
import { randomUUID } from 'node:crypto';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { codeHash } from './codes.ts';
import type { SurveySection } from './contract.ts';
import { firstSchool, insertAnswer, insertCodes, insertSurvey, insertTexts } from './repo.ts';

/** Codes KS-DEMO-0001 … KS-DEMO-0020 of the first school: 0001–0010 already answered. */
export const DEMO_CODES = Array.from(
  { length: 20 },
  (_, i) => `KS-DEMO-${String(i + 1).padStart(4, '0')}`,
);

/** The yearly satisfaction survey's rounds share this key (trends). */
export const DEMO_SERIES = 'hai-long-cmhs';

export const DEMO_SECTIONS: SurveySection[] = [
  ['day-hoc', 'Hoạt động dạy học', 'Thầy cô giảng dạy dễ hiểu, quan tâm đến từng học sinh'],
  [
    'moi-truong',
    'Môi trường nhà trường',
    'Nhà trường an toàn, thân thiện, không có bạo lực học đường',
  ],
  ['co-so-vat-chat', 'Cơ sở vật chất', 'Phòng học, nhà vệ sinh, sân chơi sạch sẽ, đủ dùng'],
  ['thong-tin', 'Thông tin, liên lạc', 'Nhà trường thông tin kịp thời, dễ liên hệ'],
  ['quan-ly', 'Quản lý, điều hành', 'Các khoản thu được công khai, minh bạch'],
].map(([id, title, text]) => ({
  id: id!,
  title: title!,
  questions: [{ id: `${id}-1`, kind: 'scale5' as const, text: text! }],
}));
DEMO_SECTIONS.push({
  id: 'y-kien',
  title: 'Ý kiến khác',
  questions: [
    {
      id: 'con-thich',
      kind: 'choice',
      text: 'Con có thích đến trường?',
      choices: ['Có', 'Không', 'Không rõ'],
    },
    { id: 'gop-y', kind: 'text', text: 'Góp ý của gia đình cho nhà trường' },
  ],
});

export async function seedSurveysDemo(db: Db, rootId: string, schoolYear: string) {
  const school = await firstSchool(db);
  if (!school) return null;
  const schoolId = school.id;
  const id = uuidv7();
  const [from, to] = schoolYear.split('-').map(Number);
  const lastYear = `${from! - 1}-${to! - 1}`;
  await writeTransaction(db, systemActor('dữ liệu mẫu'), async (tx) => {
    const previous = uuidv7();
    await insertSurvey(tx, {
      id: previous,
      title: `Khảo sát sự hài lòng của cha mẹ học sinh năm học ${lastYear}`,
      school_year: lastYear,
      scope_unit_id: rootId,
      sections: JSON.stringify(DEMO_SECTIONS),
      status: 'closed',
      closed_at: new Date(`${from}-06-01T03:00:00Z`),
      series: DEMO_SERIES,
      created_by: 'hệ thống: dữ liệu mẫu',
    });
    for (let i = 0; i < 12; i++) {
      const scores: Record<string, number | string> = { 'con-thich': i % 3 ? 'Có' : 'Không rõ' };
      for (const s of DEMO_SECTIONS.slice(0, 5)) scores[`${s.id}-1`] = 2 + ((i + s.id.length) % 3);
      await insertAnswer(tx, {
        id: randomUUID(),
        survey_id: previous,
        school_id: schoolId,
        scores: JSON.stringify(scores),
      });
    }
    await insertSurvey(tx, {
      id,
      title: `Khảo sát sự hài lòng của cha mẹ học sinh năm học ${schoolYear}`,
      school_year: schoolYear,
      scope_unit_id: rootId,
      sections: JSON.stringify(DEMO_SECTIONS),
      status: 'open',
      series: DEMO_SERIES,
      created_by: 'hệ thống: dữ liệu mẫu',
    });
    await insertCodes(
      tx,
      DEMO_CODES.map((c, i) => ({
        code_hash: codeHash(c),
        survey_id: id,
        school_id: schoolId,
        class_name: i < 10 ? '6A' : '6B',
        used: i < 10,
      })),
    );
    for (let i = 0; i < 10; i++) {
      const scores: Record<string, number | string> = {
        'con-thich': i % 4 === 3 ? 'Không rõ' : 'Có',
      };
      for (const s of DEMO_SECTIONS.slice(0, 5)) scores[`${s.id}-1`] = 3 + ((i + s.id.length) % 3);
      await insertAnswer(tx, {
        id: randomUUID(),
        survey_id: id,
        school_id: schoolId,
        scores: JSON.stringify(scores),
      });
    }
    await insertTexts(tx, [
      {
        id: randomUUID(),
        survey_id: id,
        school_id: schoolId,
        question_id: 'gop-y',
        body: 'Mong nhà trường có thêm sân chơi có mái che.',
      },
    ]);
  });
  return id;
}
