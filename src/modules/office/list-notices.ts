import type { Db } from '../../db/connection.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import type { NoticeList } from './contract.ts';
import { iso } from './present.ts';
import { noticesOf } from './repo.ts';

/** The caller's own deadline reminders, newest first. */
export async function listNotices(db: Db, caller: Caller): Promise<NoticeList> {
  requireOfficeUnit(caller, 'office.read');
  if ('system' in caller) return { items: [] };
  const rows = await noticesOf(db, caller.user.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      message: r.message,
      createdAt: iso(r.created_at)!,
      assignmentId: r.assignment_id,
    })),
  };
}
