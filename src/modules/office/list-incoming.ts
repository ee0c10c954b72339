import type { Db } from '../../db/connection.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import { listQuery, type IncomingPage, type ListQuery } from './contract.ts';
import { incomingRowOf } from './present.ts';
import { listIncoming as listRows } from './repo.ts';
import { todayInVietnam } from './rules.ts';

const PAGE_SIZE = 50;

/** The incoming register of the caller's unit, latest arrivals first. */
export async function listIncoming(
  db: Db,
  caller: Caller,
  input: ListQuery,
  options: { countCap?: number } = {},
): Promise<IncomingPage> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const q = listQuery.parse(input);
  const today = todayInVietnam();
  const { total, totalCapped, rows } = await listRows(db, unitId, {
    year: q.year,
    q: q.q?.trim() || undefined,
    page: q.page,
    pageSize: PAGE_SIZE,
    countCap: options.countCap,
  });
  return {
    items: rows.map((r) => incomingRowOf(r, today)),
    total,
    totalCapped,
    page: q.page,
    pageSize: PAGE_SIZE,
  };
}
