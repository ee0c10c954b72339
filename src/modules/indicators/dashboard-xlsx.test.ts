import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeClasses, makeStudents } from '../../../test/helpers/factories/registry.ts';
import { makeTree, makeUser, PASSWORD, scopeAt } from '../../../test/helpers/factories/orgs.ts';
import type { Dashboard } from './contract.ts';
import { computedAtText, dashboardPdf } from './dashboard-pdf.ts';
import { TWO_DECIMALS } from './dashboard-xlsx.ts';

// The province: two communes; X01 has a primary school (one class of 2
// sessions with 3 pupils, one of 1 session with 4) and a lower secondary
// school (one class, 2 pupils); X02 a primary school (1 class, 2 sessions,
// 5 pupils). Primary pupils two sessions a day: X01 3 / 7 = 42.857142…%,
// X02 5 / 5 = 100 %, the province 8 / 12 = 66.666…%.
const YEAR = '2026-2027';
let t: TestDatabase;
let app: App;
let ids: Record<string, string>;
let officer: Client;
let school: Client;

beforeAll(async () => {
  t = await freshDatabase();
  ids = await makeTree(t.db, [
    { code: 'SGD', name: 'Sở GD&ĐT Thử', kind: 'department' },
    { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
    { code: 'X02', name: 'Xã Hai', kind: 'commune', parent: 'SGD' },
    { code: 'TH1', name: 'Trường TH Một', kind: 'school', parent: 'X01', levels: ['primary'] },
    {
      code: 'CS1',
      name: 'Trường THCS Một',
      kind: 'school',
      parent: 'X01',
      levels: ['lower_secondary'],
    },
    { code: 'TH2', name: 'Trường TH Hai', kind: 'school', parent: 'X02', levels: ['primary'] },
  ]);
  const classes = await makeClasses(t.db, [
    { schoolId: ids.TH1!, name: '1A', grade: 1, schoolYear: YEAR, sessionsPerDay: 2 },
    { schoolId: ids.TH1!, name: '2A', grade: 2, schoolYear: YEAR, sessionsPerDay: 1 },
    { schoolId: ids.CS1!, name: '6A', grade: 6, schoolYear: YEAR, sessionsPerDay: 1 },
    { schoolId: ids.TH2!, name: '1A', grade: 1, schoolYear: YEAR, sessionsPerDay: 2 },
  ]);
  const sizes = [3, 4, 2, 5];
  const schools = [ids.TH1!, ids.TH1!, ids.CS1!, ids.TH2!];
  let n = 0;
  for (let i = 0; i < classes.length; i++)
    await makeStudents(
      t.db,
      Array.from({ length: sizes[i]! }, (_, k) => ({
        schoolId: schools[i]!,
        fullName: `Học Sinh ${++n}`,
        gender: k % 2 ? ('male' as const) : ('female' as const),
        classId: classes[i]!,
        schoolYear: YEAR,
      })),
    );
  await makeUser(t.db, ids.SGD!, 'department_staff', 'canbo.sgd');
  await makeUser(t.db, ids.TH2!, 'school_admin', 'hieutruong.th2');
  app = await buildApp({ db: t.db, webDir: null });
  officer = await signIn(app, 'canbo.sgd', PASSWORD);
  school = await signIn(app, 'hieutruong.th2', PASSWORD);
});
const dir = mkdtempSync(join(tmpdir(), 'sogd-dashboard-pdf-'));
afterAll(async () => {
  await app?.close();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function download(client: Client, query: string) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/indicators/dashboard/export.xlsx?${query}`,
    headers: { cookie: client.cookie },
  });
  return response;
}

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const values = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1);

describe('the dashboard table as xlsx', () => {
  it('holds the same figures as the dashboard’s JSON, as numbers shown with 2 decimals', async () => {
    for (const query of [
      `year=${YEAR}`,
      `year=${YEAR}&level=primary`,
      `year=${YEAR}&unitId=${ids.X01}&ownership=public`,
    ]) {
      const json = await officer.get(`/api/indicators/dashboard?${query}`);
      expect(json.status).toBe(200);
      const data = json.body as Dashboard;
      const response = await download(officer, query);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(response.headers['content-disposition']).toContain(
        `chi-tieu-${data.unit.code}-${YEAR}.xlsx`,
      );
      const workbook = await readBack(response.rawPayload);
      const sheet = workbook.getWorksheet('Theo đơn vị')!;
      const title = sheet.getCell(1, 1).text;
      expect(title).toContain(data.unit.name);
      expect(title).toContain(`năm học ${YEAR}`);
      if (query.includes('level=primary')) expect(title).toContain('cấp học: Tiểu học');
      if (query.includes('ownership=public')) expect(title).toContain('loại hình: công lập');
      expect(values(sheet, 2)).toEqual([
        'Mã đơn vị',
        'Đơn vị',
        ...data.indicators.map((i) => `${i.name.vi}${i.unit === 'percent' ? ' (%)' : ''}`),
      ]);
      const expected = [
        ...data.children.map((c) => [
          c.unit.code,
          c.unit.name,
          ...data.indicators.map((i) => c.values[i.id] ?? null),
        ]),
        [data.unit.code, `Cộng (${data.unit.name})`, ...data.indicators.map((i) => i.value)],
      ];
      expected.forEach((row, k) => {
        const cells = sheet.getRow(3 + k);
        row.forEach((v, c) => {
          const cell = cells.getCell(c + 1);
          // Blank for no value; otherwise the unrounded number itself.
          expect(cell.value ?? null).toEqual(v);
          if (c >= 2 && typeof v === 'number') expect(cell.numFmt).toBe(TWO_DECIMALS);
        });
      });
      expect(sheet.rowCount).toBe(2 + expected.length);

      const cards = workbook.getWorksheet('Chỉ tiêu')!;
      data.indicators.forEach((i, k) => {
        const row = cards.getRow(3 + k);
        const cell = (c: number) => row.getCell(c).value ?? null;
        expect([1, 2, 3, 4, 5].map(cell)).toEqual([
          i.name.vi,
          i.unit === 'percent' ? '%' : 'tỷ số',
          i.numerator,
          i.denominator,
          i.value,
        ]);
        expect(cell(7)).toBe(i.source);
      });
    }
  });

  it('writes the hand-computed rates of the province', async () => {
    const response = await download(officer, `year=${YEAR}`);
    const sheet = (await readBack(response.rawPayload)).getWorksheet('Theo đơn vị')!;
    const header = values(sheet, 2);
    const column = header.indexOf('Tỷ lệ học sinh tiểu học học 2 buổi/ngày (%)') + 1;
    expect(column).toBeGreaterThan(2);
    expect(values(sheet, 3).slice(0, 2)).toEqual(['X01', 'Xã Một']);
    expect(sheet.getRow(3).getCell(column).value).toBeCloseTo((3 / 7) * 100, 10);
    expect(sheet.getRow(4).getCell(column).value).toBe(100);
    expect(sheet.getRow(5).getCell(column).value).toBeCloseTo((8 / 12) * 100, 10);
  });

  it('answers a school its own row only, and 403 for a unit outside its scope', async () => {
    const own = await download(school, `year=${YEAR}`);
    expect(own.statusCode).toBe(200);
    const sheet = (await readBack(own.rawPayload)).getWorksheet('Theo đơn vị')!;
    expect(sheet.rowCount).toBe(3);
    expect(values(sheet, 3).slice(0, 2)).toEqual(['TH2', 'Cộng (Trường TH Hai)']);
    const other = await download(school, `year=${YEAR}&unitId=${ids.X01}`);
    expect(other.statusCode).toBe(403);
    expect(other.headers['content-type']).toContain('problem+json');
  });
});

/** The PDF's text as pdftotext reads it back (layout kept: a row stays on one line). */
function pdfText(bytes: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-']).toString('utf8');
}

describe('the dashboard as a PDF report', () => {
  it('prints the indicators against the plan targets, for all levels and per level', async () => {
    // A plan of the department: one target this year (missed), one next year (still time).
    const plan = await officer.send('POST', '/api/indicators/plans', {
      unitId: ids.SGD,
      name: 'Kế hoạch phát triển giáo dục',
      decision: '298/KH-UBND',
      decisionDate: '2024-12-30',
      targets: [
        { indicatorId: 'two_sessions_primary_students', schoolYear: YEAR, value: 100 },
        { indicatorId: 'two_sessions_primary_students', schoolYear: '2027-2028', value: 90.5 },
      ],
    });
    expect(plan.status).toBe(201);
    const scope = await scopeAt(t.db, ids.SGD!, 'department_staff');
    // 03/12/2026 03:05 UTC is 10:05 in Vietnam.
    const now = new Date('2026-12-03T03:05:00Z');
    const { bytes } = await dashboardPdf(t.db, scope, { year: YEAR }, now);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes, 'province.pdf');
    expect(text).toContain('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('SỞ GD&ĐT THỬ');
    expect(text).toContain('Ngày 03 tháng 12 năm 2026');
    expect(text).toContain('BÁO CÁO CHỈ TIÊU GIÁO DỤC SO VỚI KẾ HOẠCH');
    expect(text).toContain(`Năm học ${YEAR}`);
    expect(text).toContain('Số liệu tính lúc 10:05 ngày 03/12/2026');
    // The sections: all levels, then the two levels the province has (no preschool, no THPT).
    expect(text).toContain('I. Tất cả các cấp học');
    expect(text).toContain('II. Cấp học: Tiểu học');
    expect(text).toContain('III. Cấp học: THCS');
    expect(text).not.toContain('Cấp học: Mầm non');
    expect(text).not.toContain('Cấp học: THPT');
    // Primary pupils two sessions a day: 8 of 12, 66,67 % in vi-VN; the targets and their status.
    const line = text.split('\n').find((l) => l.includes('Tỷ lệ học sinh tiểu học học 2'));
    expect(line).toMatch(/8\s+12\s+66,67 %\s+298\/KH-UBND \(2026-2027\): 100,00 %\s+Không đạt/);
    expect(text).toMatch(/298\/KH-UBND \(2027-2028\): 90,50 %\s+Chưa đạt, còn/);
    // Students per class, a ratio: 14 pupils in 4 classes.
    expect(text).toMatch(/\s14\s+4\s+3,50\s/);
    // The norm (counted in hundredths of a teacher) is printed in teachers.
    expect(text).toMatch(/Giáo viên hiện có so với định mức\s+0\s+6,1\s+0,00 %/);
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    // Three sections over more than one page: each page's table starts with its header.
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages.slice(0, -1)) expect(page).toMatch(/TT\s+Chỉ tiêu\s+Tử số\s+Mẫu số/);
    expect(text).toContain(`Trang 1/${pages.length}`);
  });

  it('prints one level only when the level is chosen, and the commune under its header', async () => {
    const scope = await scopeAt(t.db, ids.SGD!, 'department_staff');
    const { bytes } = await dashboardPdf(t.db, scope, {
      year: YEAR,
      unitId: ids.X01!,
      level: 'lower_secondary',
    });
    const text = pdfText(bytes, 'commune.pdf');
    expect(text).toContain('XÃ MỘT');
    expect(text).toContain('I. Cấp học: THCS');
    expect(text).not.toContain('Tất cả các cấp học');
    expect(text).not.toContain('Tiểu học');
    // The lower secondary school's class: 2 pupils, 1 class.
    expect(text).toMatch(/\s2\s+1\s+2,00\s/);
  });

  it('answers the route as application/pdf, and 403 for a unit outside the scope', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/indicators/dashboard/report.pdf?year=${YEAR}`,
      headers: { cookie: school.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    expect(response.headers['content-disposition']).toContain(`bao-cao-chi-tieu-TH2-${YEAR}.pdf`);
    const text = pdfText(response.rawPayload, 'school.pdf');
    expect(text).toContain('TRƯỜNG TH HAI');
    expect(text).toContain('XÃ HAI');
    expect(text).toContain('II. Cấp học: Tiểu học');
    const other = await app.inject({
      method: 'GET',
      url: `/api/indicators/dashboard/report.pdf?year=${YEAR}&unitId=${ids.X01}`,
      headers: { cookie: school.cookie },
    });
    expect(other.statusCode).toBe(403);
    expect(other.headers['content-type']).toContain('problem+json');
  });

  it('writes the computing time in Vietnam’s time zone', () => {
    expect(computedAtText(new Date('2026-12-31T18:30:00Z'))).toBe('01:30 ngày 01/01/2027');
  });
});
