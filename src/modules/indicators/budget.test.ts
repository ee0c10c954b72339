import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeClasses } from '../../../test/helpers/factories/registry.ts';
import { makeTree, makeUser, PASSWORD } from '../../../test/helpers/factories/orgs.ts';
import type { BudgetList, Dashboard } from './contract.ts';

// The province enters, for 2026, 2.000 (million đồng) on education of 9.000
// in total: 2000 × 100 / 9000 = 22.222…% for the school year 2026-2027 (the
// year it starts in); none for 2025: the 2025-2026 point has no value. Then
// it corrects the figures to 2.250 of 9.000: 25 %.
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
    { code: 'TH1', name: 'Trường TH Một', kind: 'school', parent: 'X01', levels: ['primary'] },
  ]);
  await makeClasses(t.db, [
    { schoolId: ids.TH1!, name: '1A', grade: 1, schoolYear: YEAR },
    { schoolId: ids.TH1!, name: '1A', grade: 1, schoolYear: '2025-2026' },
  ]);
  await makeUser(t.db, ids.SGD!, 'department_staff', 'canbo.sgd');
  await makeUser(t.db, ids.TH1!, 'school_admin', 'hieutruong.th1');
  app = await buildApp({ db: t.db, webDir: null });
  officer = await signIn(app, 'canbo.sgd', PASSWORD);
  school = await signIn(app, 'hieutruong.th1', PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const put = (c: Client, body: unknown) =>
  app.inject({
    method: 'PUT',
    url: '/api/indicators/budget',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken },
    payload: body as object,
  });

async function share(): Promise<Dashboard['indicators'][number]> {
  const r = await officer.get(`/api/indicators/dashboard?year=${YEAR}`);
  expect(r.status).toBe(200);
  return (r.body as Dashboard).indicators.find((i) => i.id === 'budget_share')!;
}

describe('education budget share', () => {
  it('validates the figures, in Vietnamese, naming the field', async () => {
    const over = await put(officer, {
      unitId: ids.SGD,
      year: 2026,
      educationSpending: 10_000,
      totalSpending: 9_000,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json<{ errors: { path: string; message: string }[] }>().errors).toEqual([
      expect.objectContaining({
        message: 'Chi cho giáo dục không thể lớn hơn tổng chi ngân sách.',
      }),
    ]);
    const badYear = await put(officer, {
      unitId: ids.SGD,
      year: 1999,
      educationSpending: 1,
      totalSpending: 2,
    });
    expect(badYear.statusCode).toBe(400);
    const commune = await put(officer, {
      unitId: ids.X01,
      year: 2026,
      educationSpending: 1,
      totalSpending: 2,
    });
    expect(commune.statusCode).toBe(400);
    expect(commune.json<{ detail: string }>().detail).toContain('cấp tỉnh');
    const bySchool = await put(school, {
      unitId: ids.SGD,
      year: 2026,
      educationSpending: 1,
      totalSpending: 2,
    });
    expect(bySchool.statusCode).toBe(403);
    expect((await share()).value).toBeNull();
  });

  it('feeds the budget-share indicator, and every entry is audited', async () => {
    const saved = await put(officer, {
      unitId: ids.SGD,
      year: 2026,
      educationSpending: 2_000,
      totalSpending: 9_000,
      source: 'Quyết toán ngân sách 2026',
    });
    expect(saved.statusCode).toBe(200);
    const list = saved.json<BudgetList>();
    expect(list.years).toHaveLength(1);
    expect(list.years[0]).toMatchObject({
      year: 2026,
      educationSpending: 2000,
      totalSpending: 9000,
    });
    expect(list.years[0]!.share).toBeCloseTo(200_000 / 9_000, 10);
    const first = await share();
    expect(first).toMatchObject({ numerator: 2000, denominator: 9000 });
    expect(first.value).toBeCloseTo(200_000 / 9_000, 10);
    expect(first.trend).toEqual([
      { year: '2025-2026', value: null },
      { year: YEAR, value: first.value },
    ]);
    const corrected = await put(officer, {
      unitId: ids.SGD,
      year: 2026,
      educationSpending: 2_250,
      totalSpending: 9_000,
    });
    expect(corrected.statusCode).toBe(200);
    expect((await share()).value).toBe(25);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'org_unit_id', 'actor_name'])
      .where('entity_type', '=', 'indicator_budget')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update']);
    expect(audit.every((a) => a.org_unit_id === ids.SGD)).toBe(true);
    expect(audit[0]!.actor_name).toContain('canbo.sgd');
    const read = await school.get(`/api/indicators/budget?unitId=${ids.SGD}`);
    expect(read.status).toBe(403);
  });
});
