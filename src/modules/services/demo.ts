/**
 * The demo's applications (`npm start`), so the one-stop desk's list, its
 * follow-up filters and the month's statistics show something at once: two
 * recognitions of a foreign diploma, one received today, one overdue.
 */
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { loadCalendar } from './calendar.ts';
import { deadlineRule, dueDate, inVietnam } from './deadline.ts';
import { insertApplication, insertEvent } from './repo.ts';

export async function seedServicesDemo(db: Db, departmentId: string): Promise<void> {
  const calendar = await loadCalendar(db);
  const now = new Date();
  const rule = deadlineRule('cong-nhan-van-bang-nuoc-ngoai', inVietnam(now).date)!;
  const rows = [
    {
      code: 'DVC-000000-DEMO01',
      name: 'Trần Minh Khoa',
      personalId: '079209001111',
      at: now,
      due: dueDate(calendar, rule, now),
    },
    {
      code: 'DVC-000000-DEMO02',
      name: 'Lê Thảo Vy',
      personalId: '079209002222',
      at: new Date(now.getTime() - 40 * 86_400_000),
      due: inVietnam(new Date(now.getTime() - 3 * 86_400_000)).date,
    },
  ];
  await writeTransaction(db, systemActor('dữ liệu mẫu'), async (tx) => {
    for (const r of rows) {
      const id = uuidv7(r.at.getTime());
      await insertApplication(tx, {
        id,
        code: r.code,
        procedure: 'cong-nhan-van-bang-nuoc-ngoai',
        authority_id: departmentId,
        personal_id: r.personalId,
        full_name: r.name,
        birth_date: '2009-05-10',
        email: `${r.personalId}@example.vn`,
        details: JSON.stringify({ country: 'Singapore' }),
        status: 'received',
        received_at: r.at,
        due_date: r.due,
      });
      await insertEvent(tx, {
        id: uuidv7(r.at.getTime()),
        application_id: id,
        kind: 'received',
        status: 'received',
        note: `Hạn trả kết quả ${r.due.split('-').reverse().join('/')}`,
        actor: 'người nộp (trực tuyến)',
        at: r.at,
      });
    }
  });
}
