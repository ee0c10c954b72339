/**
 * The demo's statistical reports (TT 25/2024, start of the year): of the
 * first schools by code, one approved, one submitted, one draft and the
 * rest not started, each of those reminded once; so that the reports tab
 * shows every status.
 */
import { systemActor } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { reportDates } from './definitions.ts';
import { activeSchools, insertReminders, writeReport } from './repo.ts';

export async function seedReportsDemo(db: Db, rootPath: string, schoolYear: string): Promise<void> {
  const actor = systemActor('tạo tỉnh mẫu');
  const schools = await activeSchools(db, rootPath);
  const entered = { disabledStudents: 2, semiBoardingStudents: 0, teachersTrainedToStandard: 20 };
  const [approved, submitted, draft] = schools;
  const base = { schoolYear, period: 'start' as const, expected: null, entered };
  if (approved) {
    await writeReport(db, actor, {
      ...base,
      id: uuidv7(),
      schoolId: approved.id,
      status: 'submitted',
      submittedBy: 'Hiệu trưởng (mẫu)',
    });
    await writeReport(db, actor, {
      ...base,
      id: '',
      schoolId: approved.id,
      expected: 'submitted',
      status: 'approved',
      approvedBy: 'Phòng Kế hoạch - Tài chính (mẫu)',
    });
  }
  if (submitted)
    await writeReport(db, actor, {
      ...base,
      id: uuidv7(),
      schoolId: submitted.id,
      status: 'submitted',
      submittedBy: 'Hiệu trưởng (mẫu)',
    });
  if (draft)
    await writeReport(db, actor, {
      ...base,
      id: uuidv7(),
      schoolId: draft.id,
      status: 'draft',
      entered: { disabledStudents: 1 },
    });
  const due = reportDates(schoolYear, 'start').dueDate;
  const weekBefore = new Date(Date.parse(`${due}T00:00:00Z`) - 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  await insertReminders(
    db,
    schools.slice(2).map((s) => s.id),
    schoolYear,
    'start',
    weekBefore,
  );
}
