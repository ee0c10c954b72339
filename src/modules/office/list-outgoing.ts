import type { Db } from '../../db/connection.ts';
import type { Caller } from './caller.ts';
import { requireOfficeUnit } from './caller.ts';
import { listQuery, type ListQuery, type OutgoingPage } from './contract.ts';
import { outgoingRowOf } from './present.ts';
import { listOutgoing as listRows } from './repo.ts';

const PAGE_SIZE = 50;

/** The outgoing register of the caller's unit, newest first. */
export async function listOutgoing(
  db: Db,
  caller: Caller,
  input: ListQuery,
  options: { countCap?: number } = {},
): Promise<OutgoingPage> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const q = listQuery.parse(input);
  const { total, totalCapped, rows } = await listRows(db, unitId, {
    year: q.year,
    q: q.q?.trim() || undefined,
    page: q.page,
    pageSize: PAGE_SIZE,
    countCap: options.countCap,
  });
  return { items: rows.map(outgoingRowOf), total, totalCapped, page: q.page, pageSize: PAGE_SIZE };
}
