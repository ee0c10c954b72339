import type { Db } from '../../db/connection.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import type { Member } from './contract.ts';
import { membersOf } from './repo.ts';

/** The active accounts of the caller's unit: whom a leader can give a document to. */
export async function listMembers(db: Db, caller: Caller): Promise<{ items: Member[] }> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const rows = await membersOf(db, unitId);
  return { items: rows.map((r) => ({ id: r.id, fullName: r.full_name })) };
}
