/**
 * The education budget figures (issue #16, point 1: "budget share for
 * education, from figures entered per year"): per province (the
 * department's unit) and calendar year, the spending on education and
 * training and the total local budget spending, entered by the department,
 * audited (migration 2026120511). The target: Luật Giáo dục 2019, Điều 96,
 * and Nghị quyết 29-NQ/TW: at least 20 % of total spending.
 */
import type { Scope } from '../../core/access/scope.ts';
import { badRequest, forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import type { BudgetList } from './contract.ts';
import { brief } from './drill.ts';
import { budgetsOf, unitById, upsertBudget, type UnitRow } from './repo.ts';

async function budgetUnit(db: Db, scope: Scope, unitId: string | undefined): Promise<UnitRow> {
  const wanted = unitId ?? scope.user.orgUnitId;
  if (!isUuid(wanted)) throw notFound('đơn vị');
  const unit = await unitById(db, wanted);
  if (!unit) throw notFound('đơn vị');
  if (!scope.containsPath(unit.path)) throw forbidden();
  return unit;
}

export async function listBudgets(
  db: Db,
  scope: Scope,
  input: { unitId?: string | undefined },
): Promise<BudgetList> {
  scope.require('indicators.read');
  const unit = await budgetUnit(db, scope, input.unitId);
  const rows = await budgetsOf(db, unit.id);
  return {
    unit: brief(unit),
    years: rows.map((r) => ({
      year: r.year,
      educationSpending: r.education_spending,
      totalSpending: r.total_spending,
      share: (r.education_spending * 100) / r.total_spending,
      source: r.source,
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}

/** Enters or replaces one year's figures of the province; answers the unit's list. */
export async function saveBudget(
  db: Db,
  scope: Scope,
  input: {
    unitId: string;
    year: number;
    educationSpending: number;
    totalSpending: number;
    source: string;
  },
): Promise<BudgetList> {
  scope.require('indicators.write');
  const unit = await budgetUnit(db, scope, input.unitId);
  if (unit.kind !== 'department')
    throw badRequest('Số liệu ngân sách được nhập cho cấp tỉnh (đơn vị Sở GD&ĐT).', [
      { path: 'body.unitId', message: `${unit.name} không phải đơn vị cấp tỉnh.` },
    ]);
  // The contract checks it too; the table refuses it as well.
  if (input.educationSpending > input.totalSpending)
    throw badRequest('Chi cho giáo dục không thể lớn hơn tổng chi ngân sách.', [
      {
        path: 'body.educationSpending',
        message: 'Chi cho giáo dục không thể lớn hơn tổng chi ngân sách.',
      },
    ]);
  await upsertBudget(db, scope.actor, {
    unitId: unit.id,
    year: input.year,
    education: input.educationSpending,
    total: input.totalSpending,
    source: input.source,
  });
  return listBudgets(db, scope, { unitId: unit.id });
}

/** The budget year a school year reads: the calendar year it starts in ('2025-2026' → 2025). */
export const budgetYearOf = (schoolYear: string): number => Number(schoolYear.slice(0, 4));
