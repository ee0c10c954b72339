/**
 * A plan's targets from a workbook (issue #16, point 2), all or nothing:
 * every row is checked (indicator id in the catalogue, a real school year,
 * a number, no row twice), each error naming its row and column; only a file
 * without errors is written. The plan is the unit's plan of that decision
 * number: created when new, else its name and date are updated and its
 * targets become exactly the file's.
 */
import type { Readable } from 'node:stream';
import type { Scope } from '../../../core/access/scope.ts';
import { badRequest, forbidden, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connection.ts';
import { isUuid, uuidv7 } from '../../../lib/ids.ts';
import { headerKey, readFirstSheet, type SheetHeader } from '../../../lib/xlsx.ts';
import { planFields, type PlanImportResult } from '../contract.ts';
import { INDICATORS } from '../definitions.ts';
import { insertPlan, planByDecision, replacePlan, unitById } from '../repo.ts';
import { MAX_PLAN_BYTES, MAX_PLAN_ROWS, PLAN_HEADERS, type PlanField as Field } from './sheet.ts';

const KEY = Object.fromEntries(
  Object.entries(PLAN_HEADERS).map(([f, h]) => [f, headerKey(h)]),
) as Record<Field, string>;
const REQUIRED: Field[] = ['indicatorId', 'schoolYear', 'value'];
const YEAR = /^(\d{4})\s*-\s*(\d{4})$/;

/**
 * A number as a cell holds it ("91.5": a number cell's text) or as a
 * Vietnamese writes it ("91,5", "1.234,5"): with a comma, dots are thousands
 * separators and the comma the decimal point. Null when not a number.
 */
export function parseTargetNumber(text: string): number | null {
  const t = text.replace(/\s+/g, '').replace(/%$/, '');
  let normal: string;
  if (t.includes(',')) {
    if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(t) && !/^-?\d+(,\d+)?$/.test(t)) return null;
    normal = t.replace(/\./g, '').replace(',', '.');
  } else {
    if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t)) return null;
    normal = t;
  }
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

export async function importPlanTargets(
  db: Db,
  scope: Scope,
  input: { fields: Record<string, string>; file: string | Buffer | Readable },
): Promise<PlanImportResult> {
  scope.require('indicators.write');
  const parsed = planFields.safeParse(input.fields);
  if (!parsed.success)
    throw badRequest(
      'Thông tin kế hoạch chưa đủ hoặc không hợp lệ.',
      parsed.error.issues.map((i) => ({
        path: `body.${i.path.join('.')}`,
        message: i.message,
      })),
    );
  const plan = parsed.data;
  if (!isUuid(plan.unitId)) throw notFound('đơn vị');
  const unit = await unitById(db, plan.unitId);
  if (!unit) throw notFound('đơn vị');
  if (!scope.containsPath(unit.path)) throw forbidden();

  const errors: PlanImportResult['errors'] = [];
  const err = (row: number, column: Field | null, message: string) =>
    errors.push({ row, column: column ? PLAN_HEADERS[column] : null, message });
  const known = new Map(INDICATORS.map((d) => [d.id, d]));
  const targets: { indicatorId: string; schoolYear: string; value: number }[] = [];
  const seen = new Map<string, number>();
  let header: SheetHeader | null = null;
  let rows = 0;
  for await (const sheetRow of readFirstSheet(
    input.file,
    Object.values(PLAN_HEADERS),
    (h) => {
      header = h;
    },
    { maxBytes: MAX_PLAN_BYTES, maxRows: MAX_PLAN_ROWS },
  )) {
    const r = sheetRow.rowNumber;
    rows++;
    for (const p of sheetRow.problems)
      errors.push({ row: r, column: p.header, message: p.message });
    const get = (f: Field) => sheetRow.values.get(KEY[f]) ?? null;
    const id = get('indicatorId');
    const yearText = get('schoolYear');
    const valueText = get('value');
    const definition = id ? known.get(id.trim()) : undefined;
    if (!id) err(r, 'indicatorId', 'Thiếu mã chỉ tiêu.');
    else if (!definition)
      err(
        r,
        'indicatorId',
        `Không có chỉ tiêu mã "${id}" trong danh mục: chọn một mã trong trang "Danh mục chỉ tiêu" của tệp mẫu.`,
      );
    let schoolYear: string | null = null;
    const year = yearText ? YEAR.exec(yearText) : null;
    if (!yearText) err(r, 'schoolYear', 'Thiếu năm học.');
    else if (!year || Number(year[2]) !== Number(year[1]) + 1)
      err(
        r,
        'schoolYear',
        `"${yearText}" không phải năm học: cần hai năm liền nhau, dạng 2025-2026.`,
      );
    else schoolYear = `${year[1]}-${year[2]}`;
    let value: number | null = null;
    if (!valueText) err(r, 'value', 'Thiếu mục tiêu.');
    else {
      value = parseTargetNumber(valueText);
      if (value === null)
        err(r, 'value', `Mục tiêu "${valueText}" không phải một số (ví dụ 91,5).`);
      else if (value < 0 || value > 1_000_000)
        err(r, 'value', `Mục tiêu ${valueText} ngoài khoảng cho phép (0 đến 1.000.000).`);
      else if (definition?.unit === 'percent' && value > 100)
        err(r, 'value', `Mục tiêu ${valueText} không phải tỷ lệ phần trăm (cần từ 0 đến 100).`);
    }
    if (definition && schoolYear) {
      const key = `${definition.id}|${schoolYear}`;
      const first = seen.get(key);
      if (first)
        err(
          r,
          'indicatorId',
          `Dòng này trùng dòng ${first} (cùng chỉ tiêu ${definition.id} và năm học ${schoolYear}).`,
        );
      else seen.set(key, r);
      if (!first && value !== null) targets.push({ indicatorId: definition.id, schoolYear, value });
    }
  }
  const h = header as SheetHeader | null;
  if (h) {
    const present = new Set(h.columns.values());
    for (const f of REQUIRED)
      if (!present.has(KEY[f]))
        errors.push({
          row: 1,
          column: PLAN_HEADERS[f],
          message: `Thiếu cột "${PLAN_HEADERS[f]}" ở dòng tiêu đề (dòng 1): hãy dùng tệp mẫu.`,
        });
  }
  if (!errors.length && rows === 0)
    errors.push({ row: 2, column: null, message: 'Tệp không có dòng chỉ tiêu nào.' });
  errors.sort((a, b) => a.row - b.row);
  if (errors.length) return { planId: null, created: false, rows, targets: 0, errors };

  const existing = await planByDecision(db, plan.unitId, plan.decision);
  if (existing) {
    await replacePlan(db, scope.actor, existing.id, plan, targets);
    return { planId: existing.id, created: false, rows, targets: targets.length, errors };
  }
  const id = uuidv7();
  await insertPlan(db, scope.actor, { id, ...plan }, targets);
  return { planId: id, created: true, rows, targets: targets.length, errors };
}
