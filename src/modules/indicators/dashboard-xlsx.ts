/**
 * The dashboard's tables as an xlsx workbook (issue #16, point 4: "every
 * table exportable to xlsx"): the same answer as GET /indicators/dashboard
 * for the caller's scope, year and filters, written as numbers (unrounded,
 * shown with 2 decimals) under a title row naming the unit, year and filters.
 *
 * Sheet "Theo đơn vị": one row per child unit (the drill-down table) and the
 * unit's own row last; a school has only its own row.
 * Sheet "Chỉ tiêu": one row per indicator (the cards): numerator,
 * denominator, value, the targets and the source.
 */
import { loadExcelJS } from '../../lib/exceljs.ts';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { SchoolLevel } from '../../db/schema.ts';
import type { Dashboard } from './contract.ts';
import { getDashboard } from './dashboard.ts';
import { TARGET_STATUS_LABELS } from './labels.ts';

export const LEVEL_NAMES: Record<SchoolLevel, string> = {
  preschool: 'Mầm non',
  primary: 'Tiểu học',
  lower_secondary: 'THCS',
  upper_secondary: 'THPT',
};
const OWNERSHIP_NAMES = { public: 'công lập', private: 'ngoài công lập' } as const;

/** Excel shows the number with 2 decimals in the reader's locale (1.234,56 in vi-VN). */
export const TWO_DECIMALS = '#,##0.00';
const INTEGER = '#,##0';

export interface DashboardExportInput {
  year: string;
  unitId?: string | undefined;
  level?: SchoolLevel | undefined;
  ownership?: 'public' | 'private' | undefined;
}

/** The title row: unit, year and filters, in Vietnamese. */
export function exportTitle(data: Dashboard, input: DashboardExportInput): string {
  const filters = [
    input.level ? `cấp học: ${LEVEL_NAMES[input.level]}` : null,
    input.ownership ? `loại hình: ${OWNERSHIP_NAMES[input.ownership]}` : null,
  ].filter(Boolean);
  return `Chỉ tiêu giáo dục – ${data.unit.name} – năm học ${data.year}${filters.length ? ` (${filters.join('; ')})` : ''}`;
}

const unitLabel = (i: Dashboard['indicators'][number]) => (i.unit === 'percent' ? ' (%)' : '');

/**
 * Computes the dashboard (access checked there, in the caller's scope) and
 * answers the workbook's bytes: a refusal is a problem answer, never a cut file.
 */
export async function exportDashboard(
  db: Db,
  scope: Scope,
  input: DashboardExportInput,
): Promise<{ data: Dashboard; bytes: Buffer }> {
  const data = await getDashboard(db, scope, input);
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'sogd';
  const title = exportTitle(data, input);

  const byUnit = workbook.addWorksheet('Theo đơn vị', {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }],
  });
  const header = ['Mã đơn vị', 'Đơn vị', ...data.indicators.map((i) => i.name.vi + unitLabel(i))];
  byUnit.getRow(1).values = [title];
  byUnit.getRow(1).font = { bold: true, size: 13 };
  byUnit.mergeCells(1, 1, 1, Math.max(2, header.length));
  byUnit.getRow(2).values = header;
  byUnit.getRow(2).font = { bold: true };
  byUnit.getRow(2).alignment = { wrapText: true, vertical: 'top' };
  const rows: [string, string, (number | null)[]][] = [
    ...data.children.map((c): [string, string, (number | null)[]] => [
      c.unit.code,
      c.unit.name,
      data.indicators.map((i) => c.values[i.id] ?? null),
    ]),
    [data.unit.code, `Cộng (${data.unit.name})`, data.indicators.map((i) => i.value)],
  ];
  rows.forEach(([code, name, values], n) => {
    const row = byUnit.getRow(3 + n);
    row.values = [code, name, ...values];
    if (n === rows.length - 1) row.font = { bold: true };
  });
  byUnit.getColumn(1).width = 12;
  byUnit.getColumn(2).width = 36;
  data.indicators.forEach((_, k) => {
    const column = byUnit.getColumn(3 + k);
    column.width = 18;
    column.numFmt = TWO_DECIMALS;
  });

  const cards = workbook.addWorksheet('Chỉ tiêu', { views: [{ state: 'frozen', ySplit: 2 }] });
  cards.getRow(1).values = [title];
  cards.getRow(1).font = { bold: true, size: 13 };
  cards.mergeCells(1, 1, 1, 7);
  cards.getRow(2).values = [
    'Chỉ tiêu',
    'Đơn vị tính',
    'Tử số',
    'Mẫu số',
    'Giá trị',
    'Mục tiêu kế hoạch',
    'Căn cứ',
  ];
  cards.getRow(2).font = { bold: true };
  data.indicators.forEach((i, n) => {
    cards.getRow(3 + n).values = [
      i.name.vi,
      i.unit === 'percent' ? '%' : 'tỷ số',
      i.numerator,
      i.denominator,
      i.value,
      i.targets
        .map(
          (t) =>
            `${t.decision} (${t.year}): ${t.value.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}${i.unit === 'percent' ? ' %' : ''} – ${TARGET_STATUS_LABELS[t.status].vi}`,
        )
        .join('; '),
      i.source,
    ];
  });
  const widths = [48, 12, 12, 12, 14, 48, 60];
  widths.forEach((w, k) => (cards.getColumn(k + 1).width = w));
  cards.getColumn(3).numFmt = INTEGER;
  cards.getColumn(4).numFmt = INTEGER;
  cards.getColumn(5).numFmt = TWO_DECIMALS;

  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { data, bytes };
}
