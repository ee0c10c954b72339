import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeClasses, makeStudents } from '../../../test/helpers/factories/registry.ts';
import { makeTree, scopeAt } from '../../../test/helpers/fixtures.ts';
import { reportRemindersJob } from './jobs.ts';
import { reportFormPdf, reportTable, writeReportTable } from './reports/report-files.ts';
import {
  decideReport,
  getReportForm,
  listReports,
  saveReport,
} from './reports/report-use-cases.ts';

const YEAR = '2026-2027';
const dir = mkdtempSync(join(tmpdir(), 'sogd-reports-'));
let t: TestDatabase;
let ids: Record<string, string>;

// TH1: grade 1 (2 sessions, 3 girls of 5 pupils, 2 Tày) and grade 2 (1
// session, 4 boys); 2 teachers, 1 manager, 1 clerk; 6 classrooms, 1 temporary.
beforeAll(async () => {
  t = await freshDatabase();
  ids = await makeTree(t.db, [
    { code: 'SGD', name: 'Sở GD&ĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'TH1', name: 'Trường TH Một', kind: 'school', parent: 'X01', levels: ['primary'] },
    { code: 'TH2', name: 'Trường TH Hai', kind: 'school', parent: 'X01', levels: ['primary'] },
  ]);
  const [c1, c2] = await makeClasses(t.db, [
    { schoolId: ids.TH1!, name: '1A', schoolYear: YEAR, sessionsPerDay: 2 },
    { schoolId: ids.TH1!, name: '2A', schoolYear: YEAR },
  ]);
  let n = 0;
  const pupil = (classId: string, gender: 'male' | 'female', ethnicity: string | null) => ({
    schoolId: ids.TH1!,
    fullName: `Học Sinh ${++n}`,
    gender,
    ethnicity,
    classId,
    schoolYear: YEAR,
  });
  await makeStudents(t.db, [
    pupil(c1!, 'female', 'Tày'),
    pupil(c1!, 'female', 'Tày'),
    pupil(c1!, 'female', 'Kinh'),
    pupil(c1!, 'male', null),
    pupil(c1!, 'male', null),
    ...Array.from({ length: 4 }, () => pupil(c2!, 'male', 'Kinh')),
  ]);
  const staff = (position: 'teacher' | 'manager' | 'staff') => ({
    id: uuidv7(),
    school_id: ids.TH1!,
    full_name: `Cán Bộ ${++n}`,
    family_name: 'Cán',
    middle_name: 'Bộ',
    given_name: String(n),
    search_name: `can bo ${n}`,
    birth_date: '1985-01-01',
    gender: 'female' as const,
    position,
  });
  await writeTransaction(t.db, systemActor('test'), async (tx) => {
    await tx
      .insertInto('staff')
      .values([staff('teacher'), staff('teacher'), staff('manager'), staff('staff')])
      .execute();
    await tx
      .insertInto('facility')
      .values([
        {
          id: uuidv7(),
          school_id: ids.TH1!,
          school_year: YEAR,
          room_type: 'classroom',
          condition: 'solid',
          room_count: 5,
        },
        {
          id: uuidv7(),
          school_id: ids.TH1!,
          school_year: YEAR,
          room_type: 'classroom',
          condition: 'temporary',
          room_count: 1,
        },
      ])
      .execute();
  });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const START = { year: YEAR, period: 'start' as const };
const ENTERED = { disabledStudents: 1, semiBoardingStudents: 0, teachersTrainedToStandard: 2 };

describe('statistical reports (TT 25/2024)', () => {
  it('fills the school form from the records and says what the school must enter', async () => {
    const school = await scopeAt(t.db, ids.TH1!, 'school_admin');
    const form = await getReportForm(t.db, school, { schoolId: ids.TH1!, ...START });
    expect(form).toMatchObject({
      status: 'not_started',
      referenceDate: '2026-09-30',
      dueDate: '2026-10-30',
      canEdit: true,
      canDecide: false,
    });
    expect(form.levels).toEqual([
      {
        level: 'primary',
        classes: 2,
        classesTwoSessions: 1,
        students: 9,
        femaleStudents: 3,
        ethnicMinorityStudents: 2,
      },
    ]);
    const value = (id: string) => form.lines.find((l) => l.id === id)!;
    expect(value('teachers')).toMatchObject({ source: 'sogd', value: 2 });
    expect(value('managers').value).toBe(1);
    expect(value('otherStaff').value).toBe(1);
    expect(value('classrooms').value).toBe(6);
    expect(value('temporaryClassrooms').value).toBe(1);
    expect(value('disabledStudents')).toMatchObject({ source: 'entered', value: null });
    expect(form.lines.some((l) => l.id === 'repeatingStudents')).toBe(false);
  });

  it('saves a draft, refuses bad input without a change, submits, and goes up for approval', async () => {
    const school = await scopeAt(t.db, ids.TH1!, 'school_admin');
    const dept = await scopeAt(t.db, ids.SGD!, 'department_staff');
    const at = { schoolId: ids.TH1!, ...START };
    await expect(
      saveReport(t.db, school, { ...at, entered: { repeatingStudents: 3 }, submit: false }),
    ).rejects.toMatchObject({ status: 400 });
    expect((await getReportForm(t.db, school, at)).status).toBe('not_started');
    const draft = await saveReport(t.db, school, {
      ...at,
      entered: { disabledStudents: 1 },
      submit: false,
    });
    expect(draft.status).toBe('draft');
    expect(draft.lines.find((l) => l.id === 'disabledStudents')!.value).toBe(1);
    // Submitting needs every entered line.
    await expect(
      saveReport(t.db, school, { ...at, entered: { disabledStudents: 1 }, submit: true }),
    ).rejects.toMatchObject({ status: 400 });
    const sent = await saveReport(t.db, school, { ...at, entered: ENTERED, submit: true });
    expect(sent).toMatchObject({ status: 'submitted', canEdit: false });
    await expect(
      saveReport(t.db, school, { ...at, entered: ENTERED, submit: false }),
    ).rejects.toMatchObject({ status: 409 });
    // Only a unit above decides; a school user of another school sees nothing.
    await expect(decideReport(t.db, school, { ...at, decision: 'approve' })).rejects.toMatchObject({
      status: 403,
    });
    const other = await scopeAt(t.db, ids.TH2!, 'school_admin');
    await expect(getReportForm(t.db, other, at)).rejects.toMatchObject({ status: 403 });
    await expect(
      saveReport(t.db, dept, { ...at, entered: ENTERED, submit: false }),
    ).rejects.toMatchObject({ status: 403 });

    const list = await listReports(t.db, dept, START);
    expect(list.counts).toEqual({ not_started: 1, draft: 0, submitted: 1, approved: 0 });
    expect((await getReportForm(t.db, dept, at)).canDecide).toBe(true);
    expect((await decideReport(t.db, dept, { ...at, decision: 'return' })).status).toBe('draft');
    await saveReport(t.db, school, { ...at, entered: ENTERED, submit: true });
    const approved = await decideReport(t.db, dept, { ...at, decision: 'approve' });
    expect(approved.status).toBe('approved');
    expect(approved.approvedBy).toContain('(');
    await expect(decideReport(t.db, dept, { ...at, decision: 'return' })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('reminds the schools that have not submitted, once a day, from a week before the due date', async () => {
    const run = (today: string) =>
      reportRemindersJob.handler({
        db: t.db,
        payload: { today },
        jobId: 'test',
        attempt: 1,
        reportProgress: async () => {},
        signal: new AbortController().signal,
      });
    expect(await run('2026-10-01')).toMatchObject({ reminded: 0 });
    expect(await run('2026-10-25')).toMatchObject({ reports: 1, reminded: 1 });
    expect(await run('2026-10-25')).toMatchObject({ reminded: 0 });
    const dept = await scopeAt(t.db, ids.SGD!, 'department_staff');
    const list = await listReports(t.db, dept, START);
    expect(list.schools.map((s) => [s.unit.code, s.status, s.remindedOn])).toEqual([
      ['TH1', 'approved', null],
      ['TH2', 'not_started', '2026-10-25'],
    ]);
  });

  it('exports the unit table as xlsx with the sum, and a school form as PDF', async () => {
    const dept = await scopeAt(t.db, ids.SGD!, 'department_staff');
    const table = await reportTable(t.db, dept, { ...START, unitId: ids.X01! });
    const file = join(dir, 'bang.xlsx');
    const out = createWriteStream(file);
    await writeReportTable(table, out);
    await finished(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Biểu thống kê')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(1).value).toBe('TH1');
    expect(sheet.getRow(2).getCell(3).value).toBe('Đã duyệt');
    expect(sheet.getRow(2).getCell(col('Tiểu học: Học sinh')).value).toBe(9);
    expect(sheet.getRow(3).getCell(3).value).toBe('Chưa làm');
    expect(sheet.getRow(4).getCell(2).value).toBe('Cộng (Xã Một)');
    expect(sheet.getRow(4).getCell(col('Giáo viên')).value).toBe(2);
    expect(
      sheet.getRow(4).getCell(col('Học sinh khuyết tật học hoà nhập (trường nhập)')).value,
    ).toBe(1);

    const pdf = join(dir, 'form.pdf');
    writeFileSync(pdf, await reportFormPdf(t.db, dept, { schoolId: ids.TH1!, ...START }));
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-']).toString('utf8');
    expect(text).toContain('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BÁO CÁO THỐNG KÊ ĐẦU NĂM HỌC 2026-2027');
    expect(text).toContain('TRƯỜNG TH MỘT');
    expect(text).toMatch(/Tiểu học\s+2\s+1\s+9\s+3\s+2/);
    expect(text).toMatch(/Học sinh khuyết tật học hoà nhập\s+1\s+trường nhập/);
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });
});
