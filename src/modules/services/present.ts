import type { Selectable } from 'kysely';
import type { ServicesApplicationTable } from '../../db/schema.ts';
import type { ApplicationRow } from './contract.ts';

type Row = Pick<
  Selectable<ServicesApplicationTable>,
  'id' | 'code' | 'procedure' | 'full_name' | 'status' | 'received_at' | 'due_date' | 'version'
>;

const OPEN = new Set(['received', 'handling', 'approval']);

/** A list row; overdue when the clock runs and the due date is before `today`. */
export function applicationRowOf(r: Row, today: string): ApplicationRow {
  const due = String(r.due_date).slice(0, 10);
  return {
    id: r.id,
    code: r.code,
    procedure: r.procedure,
    fullName: r.full_name,
    status: r.status,
    receivedAt: new Date(r.received_at).toISOString(),
    dueDate: due,
    overdue: OPEN.has(r.status) && due < today,
    version: r.version,
  };
}
