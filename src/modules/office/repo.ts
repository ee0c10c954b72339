/**
 * Every query of the office module. Functions take a `Db` (a transaction is
 * one too); the use cases decide access before calling them.
 */
import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { searchKey } from '../../lib/vietnamese.ts';
import type {
  OfficeAttachmentTable,
  OfficeDraftStatus,
  OfficeDraftTable,
  OfficeAssignmentTable,
  OfficeCalendarEntryTable,
  OfficeCertificateTable,
  OfficeCounterTable,
  OfficeFileTable,
  OfficeIncomingTable,
  OfficeOutgoingTable,
  OfficeRecipientTable,
} from '../../db/schema.ts';

// ---------------------------------------------------------------- units

export async function findUnit(db: Db, unitId: string) {
  return db
    .selectFrom('orgs_unit_v as org_unit')
    .leftJoin('office_unit', 'office_unit.id', 'org_unit.id')
    .select([
      'org_unit.id',
      'org_unit.code',
      'org_unit.name',
      'org_unit.path',
      'org_unit.kind',
      'org_unit.parent_id',
      'office_unit.abbreviation',
      'office_unit.divisions',
    ])
    .where('org_unit.id', '=', unitId)
    .executeTakeFirst();
}

export async function findUnitIdByCode(db: Db, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('orgs_unit_v')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id;
}

export async function unitsByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'name', 'path', 'active'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function saveOfficeUnit(
  db: Db,
  unitId: string,
  abbreviation: string,
  divisions: string[],
): Promise<void> {
  await db
    .insertInto('office_unit')
    .values({ id: unitId, abbreviation, divisions })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ abbreviation, divisions, updated_at: sql`now()` }),
    )
    .execute();
}

export async function membersOf(db: Db, unitId: string) {
  return db
    .selectFrom('orgs_user_v')
    .select(['id', 'full_name'])
    .where('org_unit_id', '=', unitId)
    .where('active', '=', true)
    .orderBy('full_name')
    .execute();
}

export async function usersByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('orgs_user_v')
    .select(['id', 'full_name', 'org_unit_id', 'active'])
    .where('id', 'in', [...ids])
    .execute();
}

// ---------------------------------------------------------------- numbering

/**
 * The next number of a register: one UPSERT on the counter row, which stays
 * locked until the caller's transaction ends. Concurrent registrations wait
 * for each other, so no number is given twice; a registration that rolls
 * back takes its number back with it, so none is skipped (Art. 15).
 */
export async function takeNumber(
  tx: Db,
  unitId: string,
  register: OfficeCounterTable['register'],
  year: number,
): Promise<number> {
  const row = await tx
    .insertInto('office_counter')
    .values({ unit_id: unitId, register, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'register', 'year'])
        .doUpdateSet({ last: sql<number>`office_counter.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

// ---------------------------------------------------------------- files

export async function insertFile(db: Db, file: Insertable<OfficeFileTable>): Promise<void> {
  await db.insertInto('office_file').values(file).execute();
}

export async function findFile(db: Db, fileId: string) {
  return db.selectFrom('office_file').selectAll().where('id', '=', fileId).executeTakeFirst();
}

// ---------------------------------------------------------------- outgoing

export async function insertOutgoing(db: Db, row: Insertable<OfficeOutgoingTable>): Promise<void> {
  await db
    .insertInto('office_outgoing')
    .values({ ...row, search_key: searchKey(`${row.notation} ${row.subject}`) })
    .execute();
}

export async function insertRecipients(
  db: Db,
  rows: Insertable<OfficeRecipientTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('office_recipient')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function findOutgoing(db: Db, id: string) {
  return db.selectFrom('office_outgoing').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A search counts its hits up to this many; past it the list says "more than" (docs/office.md, "The total of a search"). */
export const SEARCH_COUNT_CAP = 1000;

/**
 * How deep a search with more hits than the cap walks the list's order
 * index (its first pages): the walk reads each row's vector, about
 * rows/hits of them per row shown, so deeper pages take the bitmaps.
 */
const WALK_MAX_ROWS = 200;

type SearchTable = 'office_outgoing' | 'office_incoming';

/**
 * What a search matches in a unit's register: all the words in the
 * document's search vector (its notation, sender and subject, the text of
 * its files and, for a received copy, the sender's document; one GIN index,
 * kept by triggers, migration 2026121030), or the text as a part of the
 * register's key (a notation's part; its trigram index). Two conditions, each
 * its own bitmap: one bitmap holding both would recheck whole heap pages,
 * reading every vector there (bench/RESULTS.md).
 */
/** A unit's rows of a register, of one year when given. */
function unitCondition(table: SearchTable, unitId: string, year: number | undefined) {
  const inYear = year ? sql`AND ${sql.ref(`${table}.year`)} = ${year}` : sql``;
  return sql<boolean>`${sql.ref(`${table}.unit_id`)} = ${unitId} ${inYear}`;
}

function searchConditions(table: SearchTable, unitId: string, year: number | undefined, q: string) {
  const unit = unitCondition(table, unitId, year);
  const words = sql`${sql.ref(`${table}.search_tsv`)} @@ plainto_tsquery('simple', ${searchKey(q)})`;
  const key = sql`${sql.ref(`${table}.search_key`)} LIKE ${likePattern(q)}`;
  return { unit, words, key };
}

/**
 * The number of a search's hits, counted up to `cap + 1` (more: the caller
 * says "more than cap"). The vector's hits first, from its bitmap (no
 * vector read), stopping at cap + 1; only when fewer, the key's hits not
 * among them. Index scans off: a walk of an index with the match as a
 * filter would read a vector per row.
 */
async function countHits(
  db: Db,
  table: SearchTable,
  unitId: string,
  year: number | undefined,
  q: string,
  cap: number,
): Promise<number> {
  const { unit, words, key } = searchConditions(table, unitId, year, q);
  const from = sql.table(table);
  await sql`SET LOCAL enable_indexscan = off`.execute(db);
  const { rows } = await sql<{ n: string }>`
    WITH by_words AS MATERIALIZED (
      SELECT id FROM ${from} WHERE ${unit} AND ${words} LIMIT ${cap + 1})
    SELECT CASE WHEN (SELECT count(*) FROM by_words) > ${cap} THEN ${cap + 1}
      ELSE (SELECT count(*) FROM by_words) + (SELECT count(*) FROM (
        SELECT 1 FROM ${from} WHERE ${unit} AND ${key}
          AND id NOT IN (SELECT id FROM by_words) LIMIT ${cap + 1}) by_key)
    END AS n`.execute(db);
  await sql`SET LOCAL enable_indexscan = on`.execute(db);
  return Number(rows[0]!.n);
}

/**
 * How a search finds its page, in the list's order (`order`, ending in a
 * unique column so pages never overlap):
 * - `walk`: more hits than the cap and one of the first pages: the list's
 *   order index walked with the match as a filter, stopping at the page's
 *   end (a common word: a few rows read per row shown); bitmap scans off;
 * - `bitmaps`: otherwise each condition's bitmap gives its first
 *   `offset + pageSize` ids in the list's order (a top-N sort of its hits,
 *   no vector read), and the page is taken from the union of both;
 *   index scans off (but the primary key's, as a bitmap).
 */
async function searchPage<T>(
  db: Db,
  spec: {
    table: SearchTable;
    order: readonly [string, string, string];
    unitId: string;
    year: number | undefined;
    q: string;
    offset: number;
    pageSize: number;
    capped: boolean;
  },
  page: (db: Db, match: RawBuilder<boolean>) => Promise<T>,
): Promise<T> {
  const { unit, words, key } = searchConditions(spec.table, spec.unitId, spec.year, spec.q);
  const walk = spec.capped && spec.offset + spec.pageSize <= WALK_MAX_ROWS;
  const setting = walk ? 'enable_bitmapscan' : 'enable_indexscan';
  await sql.raw(`SET LOCAL ${setting} = off`).execute(db);
  let result: T;
  if (walk) result = await page(db, sql<boolean>`${unit} AND (${words} OR ${key})`);
  else {
    const from = sql.table(spec.table);
    const orderBy = sql.raw(spec.order.map((c) => `${c} DESC`).join(', '));
    const first = spec.offset + spec.pageSize;
    // The unit is in each arm; the outer query takes the rows by id.
    result = await page(
      db,
      sql<boolean>`${sql.ref(`${spec.table}.id`)} IN (
        (SELECT id FROM ${from} WHERE ${unit} AND ${words} ORDER BY ${orderBy} LIMIT ${first})
        UNION
        (SELECT id FROM ${from} WHERE ${unit} AND ${key} ORDER BY ${orderBy} LIMIT ${first}))`,
    );
  }
  await sql.raw(`SET LOCAL ${setting} = on`).execute(db);
  return result;
}

/**
 * Runs a search's queries with sequential scans off. The planner does not
 * count reading the vectors (stored out of line, about 2 KB each): for a
 * word in most documents it would scan the table and read every vector,
 * where the GIN bitmap answers without reading any (EXPLAIN in bench/RESULTS.md).
 */
async function withIndexes<T>(db: Db, search: boolean, work: (db: Db) => Promise<T>): Promise<T> {
  if (!search) return work(db);
  const run = async (tx: Db) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    // Restored on success only: after an error the transaction is aborted anyway.
    const result = await work(tx);
    await sql`SET LOCAL enable_seqscan = on`.execute(tx);
    return result;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** The register's columns a list shows (never the search vector). */
const OUTGOING_COLUMNS = [
  'id',
  'unit_id',
  'year',
  'number',
  'notation',
  'doc_type',
  'subject',
  'doc_date',
  'drafting_unit',
  'urgency',
  'confidentiality',
  'signer_name',
  'status',
  'file_id',
  'signed_file_id',
  'registered_by',
  'search_key',
  'created_at',
  'updated_at',
  'withdrawn_at',
] as const satisfies readonly (keyof OfficeOutgoingTable)[];
const INCOMING_COLUMNS = [
  'id',
  'unit_id',
  'year',
  'book',
  'arrival_number',
  'received_at',
  'sender_name',
  'sender_unit_id',
  'outgoing_id',
  'notation',
  'doc_type',
  'doc_date',
  'subject',
  'urgency',
  'confidentiality',
  'channel',
  'file_id',
  'status',
  'registered_by',
  'search_key',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof OfficeIncomingTable)[];

/** A search term as a LIKE pattern on a search key: diacritics and case ignored. */
const likePattern = (q: string) => `%${searchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A list's page and its total; `totalCapped`: more hits than `total` (a search stops counting). */
export interface ListPage<Row> {
  total: number;
  totalCapped: boolean;
  rows: Row[];
}

interface ListFilter {
  year?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
  /** A search's count stops past this (SEARCH_COUNT_CAP; smaller in tests). */
  countCap?: number | undefined;
}

/**
 * A register's page: without a search, the unit's rows (year) and their
 * exact count; with one, the hits counted up to the cap and the page found
 * as searchPage says. `select` adds the columns and the list's order.
 */
async function listPage<Row>(
  db: Db,
  table: SearchTable,
  order: readonly [string, string, string],
  unitId: string,
  filter: ListFilter,
  select: (db: Db, match: RawBuilder<boolean>) => Promise<Row[]>,
): Promise<ListPage<Row>> {
  const offset = (filter.page - 1) * filter.pageSize;
  const q = filter.q;
  if (!q) {
    const all = unitCondition(table, unitId, filter.year);
    const rows = await select(db, all);
    const count = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${all}`.execute(db);
    return { total: Number(count.rows[0]!.n), totalCapped: false, rows };
  }
  const cap = filter.countCap ?? SEARCH_COUNT_CAP;
  return withIndexes(db, true, async (tx) => {
    const hits = await countHits(tx, table, unitId, filter.year, q, cap);
    const capped = hits > cap;
    const base = { table, order, unitId, year: filter.year, q, offset, pageSize: filter.pageSize };
    const rows = await searchPage(tx, { ...base, capped }, select);
    return { total: Math.min(hits, cap), totalCapped: capped, rows };
  });
}

export async function listOutgoing(db: Db, unitId: string, filter: ListFilter) {
  return listPage(db, 'office_outgoing', ['year', 'number', 'id'], unitId, filter, (db, match) =>
    db
      .selectFrom('office_outgoing')
      .where(match)
      .select(OUTGOING_COLUMNS.map((c) => `office_outgoing.${c}` as const))
      .select((eb) => [
        eb
          .selectFrom('office_recipient')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('office_recipient.outgoing_id', '=', 'office_outgoing.id')
          .as('recipients'),
        eb
          .selectFrom('office_recipient')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('office_recipient.outgoing_id', '=', 'office_outgoing.id')
          .where('office_recipient.status', '!=', 'sent')
          .as('received'),
      ])
      // The number is unique in a unit's year; the id keeps the order total anyway.
      .orderBy('year', 'desc')
      .orderBy('number', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
  );
}

export async function recipientsOf(db: Db, outgoingId: string) {
  return db
    .selectFrom('office_recipient')
    .leftJoin('orgs_unit_v as org_unit', 'org_unit.id', 'office_recipient.unit_id')
    .select([
      'office_recipient.id',
      'office_recipient.unit_id',
      'office_recipient.outside_name',
      'office_recipient.status',
      'office_recipient.sent_at',
      'office_recipient.received_at',
      'office_recipient.opened_at',
      'office_recipient.handled_at',
      'org_unit.code',
      'org_unit.name',
    ])
    .where('office_recipient.outgoing_id', '=', outgoingId)
    .orderBy('org_unit.code')
    .orderBy('office_recipient.outside_name')
    .execute();
}

export async function withdrawOutgoing(db: Db, id: string): Promise<void> {
  await db
    .updateTable('office_outgoing')
    .set({ status: 'withdrawn', withdrawn_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  // Art. 18: the receivers' copies are frozen and marked recalled.
  await db
    .updateTable('office_incoming')
    .set({ status: 'recalled', updated_at: sql`now()` })
    .where('outgoing_id', '=', id)
    .execute();
}

/** Sets the signed file of a document not signed yet; false when another signing came first. */
export async function setSignedFile(db: Db, id: string, fileId: string): Promise<boolean> {
  const r = await db
    .updateTable('office_outgoing')
    .set({ signed_file_id: fileId, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('signed_file_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- incoming

export async function insertIncoming(db: Db, row: Insertable<OfficeIncomingTable>): Promise<void> {
  await db
    .insertInto('office_incoming')
    .values({
      ...row,
      search_key: searchKey(`${row.notation} ${row.sender_name} ${row.subject}`),
    })
    .execute();
}

export async function findIncoming(db: Db, id: string) {
  return db.selectFrom('office_incoming').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listIncoming(db: Db, unitId: string, filter: ListFilter) {
  return listPage(
    db,
    'office_incoming',
    ['year', 'received_at', 'id'],
    unitId,
    filter,
    (db, match) =>
      db
        .selectFrom('office_incoming')
        .where(match)
        .select(INCOMING_COLUMNS.map((c) => `office_incoming.${c}` as const))
        .select((eb) =>
          eb
            .selectFrom('office_assignment')
            .select((e) => e.fn.min('deadline').as('d'))
            .whereRef('office_assignment.incoming_id', '=', 'office_incoming.id')
            .where('office_assignment.status', '=', 'open')
            .as('deadline'),
        )
        // Arrivals at the same moment: the id keeps pages from overlapping.
        .orderBy('year', 'desc')
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute(),
  );
}

export async function setIncomingStatus(
  db: Db,
  id: string,
  status: 'registered' | 'assigned' | 'done' | 'recalled',
): Promise<void> {
  await db
    .updateTable('office_incoming')
    .set({ status, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** The sender's view of a receiver's copy: `received` → `opened` → `handled`, never back. */
export async function advanceRecipient(
  db: Db,
  incomingId: string,
  status: 'opened' | 'handled',
): Promise<void> {
  const order = status === 'opened' ? ['sent', 'received'] : ['sent', 'received', 'opened'];
  await db
    .updateTable('office_recipient')
    .set(
      status === 'opened'
        ? { status, opened_at: sql`now()`, updated_at: sql`now()` }
        : { status, handled_at: sql`now()`, updated_at: sql`now()` },
    )
    .where('incoming_id', '=', incomingId)
    .where('status', 'in', order as ('sent' | 'received' | 'opened')[])
    .execute();
}

export async function recipientStatusOf(db: Db, incomingId: string) {
  return db
    .selectFrom('office_recipient')
    .select(['id', 'status'])
    .where('incoming_id', '=', incomingId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- assignments

export async function insertAssignment(
  db: Db,
  row: Insertable<OfficeAssignmentTable>,
): Promise<void> {
  await db.insertInto('office_assignment').values(row).execute();
}

export async function findAssignment(db: Db, id: string) {
  return db.selectFrom('office_assignment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAssignments(
  db: Db,
  filter: {
    unitId: string;
    incomingId?: string;
    userId?: string;
    state?: 'open' | 'overdue' | 'due_soon' | 'done' | undefined;
    today: string;
    soon: string;
  },
) {
  let query = db
    .selectFrom('office_assignment')
    .innerJoin('office_incoming', 'office_incoming.id', 'office_assignment.incoming_id')
    .innerJoin('orgs_user_v as lead', 'lead.id', 'office_assignment.lead_user_id')
    .selectAll('office_assignment')
    .select([
      'office_incoming.notation as incoming_notation',
      'office_incoming.subject as incoming_subject',
      'lead.full_name as lead_name',
    ])
    .where('office_assignment.unit_id', '=', filter.unitId);
  if (filter.incomingId)
    query = query.where('office_assignment.incoming_id', '=', filter.incomingId);
  if (filter.userId) {
    const userId = filter.userId;
    query = query.where((eb) =>
      eb.or([
        eb('office_assignment.lead_user_id', '=', userId),
        sql<boolean>`${userId}::uuid = ANY(office_assignment.co_user_ids)`,
      ]),
    );
  }
  if (filter.state === 'done') query = query.where('office_assignment.status', '=', 'done');
  else if (filter.state) query = query.where('office_assignment.status', '=', 'open');
  if (filter.state === 'overdue')
    query = query.where('office_assignment.deadline', '<', filter.today);
  if (filter.state === 'due_soon')
    query = query
      .where('office_assignment.deadline', '>=', filter.today)
      .where('office_assignment.deadline', '<=', filter.soon);
  return query
    .orderBy('office_assignment.deadline')
    .orderBy('office_assignment.assigned_at')
    .limit(500)
    .execute();
}

export async function reportAssignment(
  db: Db,
  id: string,
  change: { progress?: string | undefined; result?: string | undefined; done: boolean },
): Promise<void> {
  await db
    .updateTable('office_assignment')
    .set({
      ...(change.progress !== undefined ? { progress: change.progress } : {}),
      ...(change.result !== undefined ? { result: change.result } : {}),
      ...(change.done ? { status: 'done' as const, done_at: sql<Date>`now()` } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function openAssignmentsLeft(db: Db, incomingId: string): Promise<number> {
  const row = await db
    .selectFrom('office_assignment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('incoming_id', '=', incomingId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Open assignments whose deadline is passed or near, for the reminder job. */
export async function assignmentsToRemind(db: Db, soon: string) {
  return db
    .selectFrom('office_assignment')
    .innerJoin('office_incoming', 'office_incoming.id', 'office_assignment.incoming_id')
    .select([
      'office_assignment.id',
      'office_assignment.unit_id',
      'office_assignment.lead_user_id',
      'office_assignment.co_user_ids',
      'office_assignment.deadline',
      'office_assignment.overdue_at',
      'office_incoming.notation',
      'office_incoming.subject',
    ])
    .where('office_assignment.status', '=', 'open')
    .where('office_assignment.deadline', '<=', soon)
    .execute();
}

export async function markOverdue(db: Db, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('office_assignment')
    .set({ overdue_at: sql`now()`, updated_at: sql`now()` })
    .where('id', 'in', ids)
    .where('overdue_at', 'is', null)
    .execute();
}

/** One notice per assignment, kind and person: a job run twice writes it once. */
export async function insertNotices(
  db: Db,
  rows: {
    id: string;
    unit_id: string;
    user_id: string;
    assignment_id: string;
    kind: 'due_soon' | 'overdue';
    message: string;
  }[],
): Promise<number> {
  if (!rows.length) return 0;
  const result = await db
    .insertInto('office_notice')
    .values(rows)
    .onConflict((oc) => oc.columns(['assignment_id', 'kind', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function noticesOf(db: Db, userId: string) {
  return db
    .selectFrom('office_notice')
    .select(['id', 'kind', 'message', 'created_at', 'assignment_id'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

// ---------------------------------------------------------------- calendar

export async function findWeek(db: Db, unitId: string, weekStart: string) {
  return db
    .selectFrom('office_calendar_week')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('week_start', '=', weekStart)
    .executeTakeFirst();
}

export async function ensureWeek(db: Db, id: string, unitId: string, weekStart: string) {
  await db
    .insertInto('office_calendar_week')
    .values({ id, unit_id: unitId, week_start: weekStart, published_at: null })
    .onConflict((oc) => oc.columns(['unit_id', 'week_start']).doNothing())
    .execute();
  return (await findWeek(db, unitId, weekStart))!;
}

export async function publishWeek(db: Db, weekId: string): Promise<void> {
  await db
    .updateTable('office_calendar_week')
    .set({ published_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', weekId)
    .execute();
  // A new publication is the reference point for later changes.
  await db
    .updateTable('office_calendar_entry')
    .set({ changed_after_publication: false })
    .where('week_id', '=', weekId)
    .where('changed_after_publication', '=', true)
    .execute();
}

export async function weekEntries(db: Db, weekId: string) {
  return db
    .selectFrom('office_calendar_entry')
    .selectAll()
    .where('week_id', '=', weekId)
    .orderBy('day')
    .orderBy('start_time')
    .execute();
}

export async function insertEntry(
  db: Db,
  row: Insertable<OfficeCalendarEntryTable>,
): Promise<void> {
  await db.insertInto('office_calendar_entry').values(row).execute();
}

export async function findEntry(db: Db, id: string) {
  return db
    .selectFrom('office_calendar_entry')
    .innerJoin('office_calendar_week', 'office_calendar_week.id', 'office_calendar_entry.week_id')
    .selectAll('office_calendar_entry')
    .select('office_calendar_week.published_at')
    .where('office_calendar_entry.id', '=', id)
    .executeTakeFirst();
}

export async function updateEntry(
  db: Db,
  id: string,
  values: Partial<Insertable<OfficeCalendarEntryTable>>,
): Promise<void> {
  await db
    .updateTable('office_calendar_entry')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteEntry(db: Db, id: string): Promise<void> {
  await db.deleteFrom('office_calendar_entry').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- certificates

export async function activeCertificate(db: Db, unitId: string, role: 'ca' | 'unit') {
  return db
    .selectFrom('office_certificate')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('role', '=', role)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

export async function insertCertificate(
  db: Db,
  row: Insertable<OfficeCertificateTable>,
): Promise<void> {
  await db
    .updateTable('office_certificate')
    .set({ retired_at: sql`now()`, updated_at: sql`now()` })
    .where('unit_id', '=', row.unit_id)
    .where('role', '=', row.role)
    .where('retired_at', 'is', null)
    .execute();
  await db.insertInto('office_certificate').values(row).execute();
}

export async function rootUnitId(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('orgs_unit_v')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('code')
    .executeTakeFirst();
  return row?.id;
}

// ---------------------------------------------------------------- audit

/**
 * A document's access log, newest first: the openings and downloads written
 * by recordAuditEvent (`office_view`, `office_download`) for `documents`, each an
 * entity of the audit log, optionally only those of one unit's people.
 */
export async function accessLogOf(
  db: Db,
  documents: readonly { entityType: string; entityId: string; unitId?: string }[],
  limit: number,
) {
  return db
    .selectFrom('audit_log')
    .leftJoin('orgs_unit_v', 'orgs_unit_v.id', 'audit_log.org_unit_id')
    .select([
      'audit_log.at',
      'audit_log.action',
      'audit_log.actor_name',
      'audit_log.ip',
      'audit_log.after',
      'audit_log.org_unit_id',
      'orgs_unit_v.name as unit_name',
    ])
    .where('audit_log.action', 'in', ['office_view', 'office_download'])
    .where((eb) =>
      eb.or(
        documents.map((d) =>
          eb.and([
            eb('audit_log.entity_type', '=', d.entityType),
            eb('audit_log.entity_id', '=', d.entityId),
            ...(d.unitId ? [eb('audit_log.org_unit_id', '=', d.unitId)] : []),
          ]),
        ),
      ),
    )
    .orderBy('audit_log.seq', 'desc')
    .limit(limit)
    .execute();
}

// ---------------------------------------------------------------- registers

/** A year's outgoing register in number order, with the recipients' names. */
export async function outgoingRegister(db: Db, unitId: string, year: number) {
  return db
    .selectFrom('office_outgoing')
    .selectAll('office_outgoing')
    .select((eb) =>
      eb
        .selectFrom('office_recipient')
        .leftJoin('orgs_unit_v as org_unit', 'org_unit.id', 'office_recipient.unit_id')
        .select(
          sql<string>`string_agg(coalesce(org_unit.name, office_recipient.outside_name), '; ' ORDER BY coalesce(org_unit.name, office_recipient.outside_name))`.as(
            'names',
          ),
        )
        .whereRef('office_recipient.outgoing_id', '=', 'office_outgoing.id')
        .as('recipient_names'),
    )
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .orderBy('number')
    .execute();
}

/** A year's incoming registers (general, then secret) in arrival order, with who handles each. */
export async function incomingRegister(db: Db, unitId: string, year: number) {
  return db
    .selectFrom('office_incoming')
    .selectAll('office_incoming')
    .select((eb) =>
      eb
        .selectFrom('office_assignment')
        .innerJoin('orgs_user_v as u', 'u.id', 'office_assignment.lead_user_id')
        .select(sql<string>`string_agg(u.full_name, '; ')`.as('names'))
        .whereRef('office_assignment.incoming_id', '=', 'office_incoming.id')
        .as('handler_names'),
    )
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .orderBy('book')
    .orderBy('arrival_number')
    .execute();
}

/** Every unit of the tree (the demo gives each its abbreviation). */
export async function allUnits(db: Db) {
  return db.selectFrom('orgs_unit_v').select(['id', 'code', 'kind']).orderBy('code').execute();
}

/** The same document from the same sender already registered this year (case-insensitive). */
export async function findIncomingDuplicate(
  db: Db,
  key: { unitId: string; year: number; notation: string; senderName: string },
) {
  return db
    .selectFrom('office_incoming')
    .select(['arrival_number', 'book'])
    .where('unit_id', '=', key.unitId)
    .where('year', '=', key.year)
    .where(sql<boolean>`lower(notation) = lower(${key.notation})`)
    .where(sql<boolean>`lower(sender_name) = lower(${key.senderName})`)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- files of documents

export async function insertAttachment(
  db: Db,
  row: Insertable<OfficeAttachmentTable>,
): Promise<void> {
  await db.insertInto('office_attachment').values(row).execute();
}

/** Files of documents, oldest first. */
export async function attachmentsOf(db: Db, documentIds: readonly string[]) {
  if (!documentIds.length) return [];
  return db
    .selectFrom('office_attachment')
    .select([
      'id',
      'unit_id',
      'document_kind',
      'document_id',
      'file_name',
      'media_type',
      'size',
      'sha256',
      'uploaded_by',
      'created_at',
    ])
    .where('document_id', 'in', [...documentIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findAttachment(db: Db, id: string) {
  return db
    .selectFrom('office_attachment')
    .select([
      'id',
      'unit_id',
      'document_kind',
      'document_id',
      'file_name',
      'media_type',
      'size',
      'sha256',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Copies a draft's files to the outgoing document numbered from it (same stored bytes). */
export async function copyAttachments(
  db: Db,
  from: string,
  to: { kind: 'outgoing'; id: string },
  newId: () => string,
): Promise<void> {
  const rows = await db
    .selectFrom('office_attachment')
    .selectAll()
    .where('document_id', '=', from)
    .execute();
  // The document's search vector takes the files' text (trigger, migration 2026121030).
  for (const row of rows)
    await db
      .insertInto('office_attachment')
      .values({ ...row, id: newId(), document_kind: to.kind, document_id: to.id })
      .execute();
}

/** A unit's received copy of an outgoing document (what lets it read the sender's files). */
export async function receivedCopy(db: Db, outgoingId: string, unitId: string) {
  return db
    .selectFrom('office_incoming')
    .select('id')
    .where('outgoing_id', '=', outgoingId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- drafts

export async function insertDraft(db: Db, row: Insertable<OfficeDraftTable>): Promise<void> {
  await db.insertInto('office_draft').values(row).execute();
}

export async function findDraft(db: Db, id: string) {
  return db.selectFrom('office_draft').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDraftOfOutgoing(db: Db, outgoingId: string) {
  return db
    .selectFrom('office_draft')
    .selectAll()
    .where('outgoing_id', '=', outgoingId)
    .executeTakeFirst();
}

export async function listDrafts(db: Db, unitId: string) {
  return db
    .selectFrom('office_draft')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('updated_at', 'desc')
    .limit(200)
    .execute();
}

/** Moves a draft on, only from the version the caller saw; false when it changed meanwhile. */
export async function moveDraft(
  db: Db,
  id: string,
  from: { status: readonly OfficeDraftStatus[]; version: number },
  to: { status: OfficeDraftStatus; body?: unknown; outgoingId?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('office_draft')
    .set({
      status: to.status,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      ...(to.body !== undefined ? { body: JSON.stringify(to.body) } : {}),
      ...(to.outgoingId ? { outgoing_id: to.outgoingId } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', [...from.status])
    .where('version', '=', from.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertDraftStep(
  db: Db,
  row: {
    id: string;
    draft_id: string;
    unit_id: string;
    action: string;
    actor_id: string | null;
    actor_name: string;
    comment: string;
  },
): Promise<void> {
  await db.insertInto('office_draft_step').values(row).execute();
}

export async function draftSteps(db: Db, draftId: string) {
  return db
    .selectFrom('office_draft_step')
    .select(['action', 'actor_id', 'actor_name', 'comment', 'at'])
    .where('draft_id', '=', draftId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Active schools under the given units (path prefix), of any of the levels when given. */
export async function schoolsUnder(
  db: Db,
  groups: readonly { path: string; levels?: readonly string[] | undefined }[],
) {
  if (!groups.length) return [];
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'name', 'path', 'active'])
    .where('kind', '=', 'school')
    .where('active', '=', true)
    .where((eb) =>
      eb.or(
        groups.map((g) =>
          g.levels?.length
            ? eb.and([
                eb('path', 'like', `${g.path}%`),
                sql<boolean>`levels && ${sql.val(g.levels)}::text[]`,
              ])
            : eb('path', 'like', `${g.path}%`),
        ),
      ),
    )
    .execute();
}

export async function releaseOutgoing(db: Db, id: string): Promise<void> {
  await db
    .updateTable('office_outgoing')
    .set({ status: 'released', updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'registered')
    .execute();
}

// ---------------------------------------------------------------- statistics

/**
 * Assignments of the units under a path by unit and month of their deadline:
 * done by the deadline (Việt Nam date), done late, open and overdue, open.
 */
export async function assignmentStats(db: Db, path: string, year: number, today: string) {
  const doneDay = sql`(office_assignment.done_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
  return db
    .selectFrom('office_assignment')
    .innerJoin('orgs_unit_v as u', 'u.id', 'office_assignment.unit_id')
    .where('u.path', 'like', `${path}%`)
    .where(sql<boolean>`extract(year FROM office_assignment.deadline) = ${year}`)
    .select([
      'u.id',
      'u.code',
      'u.name',
      sql<number>`extract(month FROM office_assignment.deadline)::int`.as('month'),
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) FILTER (WHERE status = 'done' AND ${doneDay} <= deadline)`.as('on_time'),
      sql<string>`count(*) FILTER (WHERE status = 'done' AND ${doneDay} > deadline)`.as('late'),
      sql<string>`count(*) FILTER (WHERE status = 'open' AND deadline < ${today}::date)`.as(
        'overdue',
      ),
      sql<string>`count(*) FILTER (WHERE status = 'open' AND deadline >= ${today}::date)`.as(
        'open',
      ),
    ])
    .groupBy(['u.id', 'u.code', 'u.name', sql`extract(month FROM office_assignment.deadline)`])
    .orderBy('u.code')
    .orderBy('month')
    .execute();
}
