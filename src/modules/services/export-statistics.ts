import { PassThrough } from 'node:stream';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { writeSimpleSheets } from '../../lib/xlsx.ts';
import { procedureById } from './catalogue.ts';
import type { StatsDivisionRow } from './contract.ts';
import { monthlyStatistics } from './statistics.ts';

const FIGURES = [
  'Tiếp nhận',
  'Trực tuyến',
  'Tỷ lệ trực tuyến (%)',
  'Đã giải quyết',
  'Đúng hạn',
  'Trễ hạn',
  'Tỷ lệ đúng hạn (%)',
  'Từ chối',
  'Đang giải quyết',
  'Đang quá hạn',
];
const HEADERS = ['Mã thủ tục', 'Thủ tục', ...FIGURES];
const DIVISION_HEADERS = ['Phòng chuyên môn', ...FIGURES];

/**
 * The month's statistics as the page shows them: a sheet with one row per
 * procedure, and one with one row per handling division.
 */
export async function exportStatistics(
  db: Db,
  scope: Scope,
  query: { month?: string | undefined },
): Promise<{ month: string; xlsx: Buffer }> {
  const stats = await monthlyStatistics(db, scope, query);
  const figures = (r: Omit<StatsDivisionRow, 'division'>) => [
    r.received,
    r.online,
    r.onlineShare,
    r.finished,
    r.onTime,
    r.late,
    r.onTimeShare,
    r.refused,
    r.open,
    r.overdueOpen,
  ];
  const rows = stats.rows.map((r) => [
    procedureById(r.procedure)?.nationalCode ?? '',
    procedureById(r.procedure)?.name ?? r.procedure,
    ...figures(r),
  ]);
  const divisions = stats.divisions.map((d) => [d.division, ...figures(d)]);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writeSimpleSheets(out, [
    { name: `Thống kê ${stats.month}`, headers: HEADERS, rows },
    { name: 'Theo phòng chuyên môn', headers: DIVISION_HEADERS, rows: divisions },
  ]);
  await ended;
  return { month: stats.month, xlsx: Buffer.concat(chunks) };
}
