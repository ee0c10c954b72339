/** Every query of the public services. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type {
  ApplicationStatus,
  ServicesApologyTable,
  ServicesApplicationTable,
  ServicesDocumentTable,
  ServicesHandoverTable,
  ServicesEventTable,
  ServicesOtpTable,
} from '../../db/schema.ts';
import type { CalendarDay } from './calendar-data.ts';

type Q = Db | Tx;

// ---------------------------------------------------------------- calendar

export async function calendarDays(db: Q): Promise<CalendarDay[]> {
  const rows = await db
    .selectFrom('services_calendar_day')
    .select(['date', 'kind', 'name'])
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: String(r.date).slice(0, 10), kind: r.kind, name: r.name }));
}

/** The years' days replaced as a whole by `days`. */
export async function replaceCalendarYears(
  tx: Tx,
  years: number[],
  days: CalendarDay[],
  source: string,
): Promise<void> {
  for (const year of years)
    await tx
      .deleteFrom('services_calendar_day')
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .execute();
  if (days.length)
    await tx
      .insertInto('services_calendar_day')
      .values(days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source })))
      .execute();
}

/** The department: the root of the org tree (published view orgs_unit_v). */
export async function departmentUnit(
  db: Q,
): Promise<{ id: string; code: string; name: string } | undefined> {
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'name'])
    .where('parent_id', 'is', null)
    .where('kind', '=', 'department')
    .orderBy('code')
    .executeTakeFirst();
}

// ---------------------------------------------------------------- one-time codes

export async function insertOtp(db: Q, row: Insertable<ServicesOtpTable>): Promise<void> {
  await db.insertInto('services_otp').values(row).execute();
}

export async function otpsSince(db: Q, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('services_otp')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('email', '=', email)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest unused code for this address and personal id, locked. */
export async function lockLatestOtp(tx: Tx, email: string, personalId: string) {
  return tx
    .selectFrom('services_otp')
    .selectAll()
    .where('email', '=', email)
    .where('personal_id', '=', personalId)
    .where('used_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateOtp(
  tx: Tx,
  id: string,
  patch: { attempts?: number; used_at?: Date },
): Promise<void> {
  await tx.updateTable('services_otp').set(patch).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- applications

export async function insertApplication(
  tx: Tx,
  row: Insertable<ServicesApplicationTable>,
): Promise<void> {
  await tx.insertInto('services_application').values(row).execute();
}

export async function insertEvent(tx: Tx, row: Insertable<ServicesEventTable>): Promise<void> {
  await tx.insertInto('services_event').values(row).execute();
}

export async function insertDocument(db: Q, row: Insertable<ServicesDocumentTable>): Promise<void> {
  await db.insertInto('services_document').values(row).execute();
}

export async function countDocuments(db: Q, applicationId: string): Promise<number> {
  const row = await db
    .selectFrom('services_document')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function applicationByCode(db: Q, code: string) {
  return db
    .selectFrom('services_application')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function applicationById(db: Q, id: string) {
  return db.selectFrom('services_application').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockApplication(tx: Tx, id: string) {
  return tx
    .selectFrom('services_application')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateApplication(
  tx: Tx,
  id: string,
  patch: Updateable<ServicesApplicationTable>,
): Promise<void> {
  await tx
    .updateTable('services_application')
    .set({ ...patch, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function eventsOf(db: Q, applicationId: string) {
  return db
    .selectFrom('services_event')
    .select(['kind', 'status', 'note', 'actor', 'at'])
    .where('application_id', '=', applicationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function documentsOf(db: Q, applicationId: string) {
  return db
    .selectFrom('services_document')
    .select(['id', 'requirement', 'file_name', 'media_type', 'size', 'sha256'])
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .execute();
}

const OPEN: ApplicationStatus[] = ['received', 'handling', 'approval'];

export async function listApplications(
  db: Q,
  filter: {
    authorityId: string;
    status?: ApplicationStatus | undefined;
    procedure?: string | undefined;
    dueOnOrBefore?: string | undefined;
    overdueBefore?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  let q = db.selectFrom('services_application').where('authority_id', '=', filter.authorityId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.procedure) q = q.where('procedure', '=', filter.procedure);
  if (filter.dueOnOrBefore)
    q = q.where('status', 'in', OPEN).where('due_date', '<=', filter.dueOnOrBefore);
  if (filter.overdueBefore)
    q = q.where('status', 'in', OPEN).where('due_date', '<', filter.overdueBefore);
  const [rows, total] = await Promise.all([
    q
      .select([
        'id',
        'code',
        'procedure',
        'full_name',
        'status',
        'received_at',
        'due_date',
        'version',
      ])
      .orderBy('due_date')
      .orderBy('received_at')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Open applications (clock running) due on or before `day`, for reminders. */
export async function openDueBy(db: Q, day: string) {
  return db
    .selectFrom('services_application')
    .select(['id', 'code', 'procedure', 'full_name', 'due_date', 'status'])
    .where('status', 'in', OPEN)
    .where('due_date', '<=', day)
    .orderBy('due_date')
    .execute();
}

/** Reminders written; the ones already written that day are skipped. */
export async function insertReminders(
  tx: Tx,
  rows: { application_id: string; kind: 'due_soon' | 'overdue'; day: string }[],
): Promise<number> {
  if (!rows.length) return 0;
  const result = await tx
    .insertInto('services_reminder')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Per procedure, applications received in [from, to) and their outcome. */
export async function monthlyCounts(db: Q, from: Date, to: Date, today: string) {
  return db
    .selectFrom('services_application')
    .select((eb) => [
      'procedure',
      eb.fn.countAll<string>().as('received'),
      sql<string>`count(*) FILTER (WHERE channel = 'online')`.as('online'),
      sql<string>`count(*) FILTER (WHERE status = 'done')`.as('finished'),
      sql<string>`count(*) FILTER (WHERE status = 'done' AND finished_on_time)`.as('on_time'),
      sql<string>`count(*) FILTER (WHERE status = 'done' AND NOT finished_on_time)`.as('late'),
      sql<string>`count(*) FILTER (WHERE status = 'refused')`.as('refused'),
      sql<string>`count(*) FILTER (WHERE status IN ('received', 'additions', 'handling', 'approval'))`.as(
        'open',
      ),
      sql<string>`count(*) FILTER (WHERE status IN ('received', 'handling', 'approval') AND due_date < ${today})`.as(
        'overdue_open',
      ),
    ])
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .groupBy('procedure')
    .orderBy('procedure')
    .execute();
}

// ---------------------------------------------------------------- paper copy, apology

export async function insertHandover(
  tx: Tx,
  row: Insertable<ServicesHandoverTable>,
): Promise<void> {
  await tx.insertInto('services_handover').values(row).execute();
}

export async function handoverOf(db: Q, applicationId: string) {
  return db
    .selectFrom('services_handover')
    .select(['copy_number', 'received_by', 'receiver_document', 'handed_at', 'handed_by'])
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

/** The apology mailed for an application: recorded once (false when it was already). */
export async function insertApologyOnce(
  tx: Tx,
  row: Insertable<ServicesApologyTable>,
): Promise<boolean> {
  const r = await tx
    .insertInto('services_apology')
    .values(row)
    .onConflict((oc) => oc.column('application_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function apologyOf(db: Q, applicationId: string) {
  return db
    .selectFrom('services_apology')
    .select(['new_date', 'mailed_to', 'drafted_by', 'drafted_at'])
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}
