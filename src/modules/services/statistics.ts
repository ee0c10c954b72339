import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { procedureById } from './catalogue.ts';
import type { StatsAnswer, StatsDivisionRow, StatsRow } from './contract.ts';
import { inVietnam } from './deadline.ts';
import { monthlyCounts } from './repo.ts';
import { requireDepartment } from './staff.ts';

const share = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 1000) / 10 : null;

/**
 * Monthly statistics per procedure, in the shape of the service-quality
 * indicators (Decision 766/QĐ-TTg, 23/6/2022: timeliness of handling and the
 * share of applications made online): received, online, finished on time
 * and late, refused, still open and overdue. A month runs in Việt Nam time.
 */
export async function monthlyStatistics(
  db: Db,
  scope: Scope,
  query: { month?: string | undefined },
  now: Date = new Date(),
): Promise<StatsAnswer> {
  await requireDepartment(db, scope, 'services.read');
  const today = inVietnam(now).date;
  const month = query.month ?? today.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 1, 1) - 7 * 3600_000);
  const to = new Date(Date.UTC(y, m, 1) - 7 * 3600_000);
  const counted = await monthlyCounts(db, from, to, today);
  const rows: StatsRow[] = counted.map((r) => {
    const n = (v: string | number | bigint) => Number(v);
    const finished = n(r.finished);
    return {
      procedure: r.procedure,
      received: n(r.received),
      online: n(r.online),
      finished,
      onTime: n(r.on_time),
      late: n(r.late),
      refused: n(r.refused),
      open: n(r.open),
      overdueOpen: n(r.overdue_open),
      onTimeShare: share(n(r.on_time), finished),
      onlineShare: share(n(r.online), n(r.received)),
    };
  });
  return { month, rows, divisions: byDivision(rows) };
}

/** Sums the procedures' rows per handling division (catalogue.ts), shares recomputed from the sums. */
function byDivision(rows: StatsRow[]): StatsDivisionRow[] {
  const sums = new Map<string, StatsDivisionRow>();
  for (const { procedure, ...r } of rows) {
    const division = procedureById(procedure)?.division ?? 'Khác';
    const sum = sums.get(division);
    if (!sum) {
      sums.set(division, { division, ...r });
      continue;
    }
    for (const key of [
      'received',
      'online',
      'finished',
      'onTime',
      'late',
      'refused',
      'open',
      'overdueOpen',
    ] as const)
      sum[key] += r[key];
  }
  return [...sums.values()]
    .map((d) => ({
      ...d,
      onTimeShare: share(d.onTime, d.finished),
      onlineShare: share(d.online, d.received),
    }))
    .sort((a, b) => a.division.localeCompare(b.division, 'vi'));
}
