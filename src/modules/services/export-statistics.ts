import { PassThrough } from 'node:stream';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { writeSimpleWorkbook } from '../../lib/xlsx.ts';
import { procedureById } from './catalogue.ts';
import { monthlyStatistics } from './statistics.ts';

const HEADERS = [
  'Mã thủ tục',
  'Thủ tục',
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

/** The month's statistics as an xlsx sheet (one row per procedure), as the page shows them. */
export async function exportStatistics(
  db: Db,
  scope: Scope,
  query: { month?: string | undefined },
): Promise<{ month: string; xlsx: Buffer }> {
  const stats = await monthlyStatistics(db, scope, query);
  const rows = stats.rows.map((r) => [
    procedureById(r.procedure)?.nationalCode ?? '',
    procedureById(r.procedure)?.name ?? r.procedure,
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
  ]);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writeSimpleWorkbook(out, `Thống kê ${stats.month}`, HEADERS, rows);
  await ended;
  return { month: stats.month, xlsx: Buffer.concat(chunks) };
}
