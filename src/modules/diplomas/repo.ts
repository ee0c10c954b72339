/**
 * Every query of the diplomas module (docs/ARCHITECTURE.md): the register
 * (diploma, diploma_event), its counters and revoked status slots, and the
 * issuer keys. No other file of the module calls the database; use cases
 * check access first and then call these, inside their own transaction when
 * they write (writeTransaction, so the audit triggers know the actor).
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { recordAuditEvent, type Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type {
  DiplomaBlankRangeTable,
  DiplomaBlankUseTable,
  DiplomaEventTable,
  DiplomaStatus,
  DiplomaTable,
  DiplomaType,
  IssuerKeyTable,
} from '../../db/schema.ts';
import { uuidv7 } from '../../lib/ids.ts';

export type DiplomaRow = Selectable<DiplomaTable>;
export type DiplomaEventRow = Selectable<DiplomaEventTable>;
export type NewDiploma = Insertable<DiplomaTable>;
export type NewDiplomaEvent = Omit<Insertable<DiplomaEventTable>, 'id'>;
export type IssuerKeyRow = Selectable<IssuerKeyTable>;

// ---- Numbering ----

/** Reserves `count` consecutive numbers of a series; the row lock serialises concurrent issuers. */
export async function reserveNumbers(
  tx: Tx,
  authorityId: string,
  series: string,
  year: number,
  count: number,
): Promise<number> {
  const row = await sql<{ last_value: number }>`
    INSERT INTO diploma_counter (authority_id, series, year, last_value)
    VALUES (${authorityId}, ${series}, ${year}, ${count})
    ON CONFLICT (authority_id, series, year)
    DO UPDATE SET last_value = diploma_counter.last_value + EXCLUDED.last_value
    RETURNING last_value`.execute(tx);
  return row.rows[0]!.last_value - count + 1;
}

// ---- Register writes ----

/** New entries with their 'issue' events. */
export async function insertIssued(tx: Tx, rows: NewDiploma[]): Promise<void> {
  // 28 columns a row: 1,000 rows stay well under PostgreSQL's 65,535 parameters.
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await tx.insertInto('diploma').values(chunk).execute();
    await tx
      .insertInto('diploma_event')
      .values(
        chunk.map((r) => ({
          id: uuidv7(),
          diploma_id: r.id,
          authority_id: r.authority_id,
          kind: 'issue' as const,
          decision_number: r.decision_number,
          decision_date: r.decision_date,
          reason: null,
          before: null,
          after: null,
        })),
      )
      .execute();
  }
}

/** The entry, locked: two changes of one entry apply one after the other. */
export async function lockDiploma(tx: Tx, id: string): Promise<DiplomaRow | undefined> {
  return tx.selectFrom('diploma').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateDiploma(
  tx: Tx,
  id: string,
  values: Omit<Updateable<DiplomaTable>, 'updated_at'>,
): Promise<void> {
  await tx
    .updateTable('diploma')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * Marks a status slot revoked (slots are never un-revoked). `ifAbsent`: a slot
 * already revoked is left as it is instead of refused.
 */
export async function revokeSlot(
  tx: Tx,
  authorityId: string,
  statusIndex: number,
  options: { ifAbsent: boolean },
): Promise<void> {
  const insert = tx
    .insertInto('diploma_revoked_slot')
    .values({ authority_id: authorityId, status_index: statusIndex });
  await (options.ifAbsent ? insert.onConflict((oc) => oc.doNothing()) : insert).execute();
}

/** One event of an entry's history; answers its id. */
export async function insertEvent(tx: Tx, event: NewDiplomaEvent): Promise<string> {
  const id = uuidv7();
  await tx
    .insertInto('diploma_event')
    .values({ id, ...event })
    .execute();
  return id;
}

// ---- Register reads ----

/** The unit that keeps an entry, and its status: what an access check needs. */
export async function diplomaAuthority(
  db: Db,
  id: string,
): Promise<{ authority_id: string; status: DiplomaStatus } | undefined> {
  return db
    .selectFrom('diploma')
    .select(['authority_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function diplomaRow(db: Db, id: string): Promise<DiplomaRow | undefined> {
  return db.selectFrom('diploma').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function diplomaEvents(db: Db, diplomaId: string): Promise<DiplomaEventRow[]> {
  return db
    .selectFrom('diploma_event')
    .selectAll()
    .where('diploma_id', '=', diplomaId)
    .orderBy('at')
    .execute();
}

const summaryColumns = [
  'id',
  'full_name',
  'birth_date',
  'diploma_type',
  'school_name',
  'graduation_year',
  'serial_number',
  'register_number',
  'issue_date',
  'status',
] as const;
export type SummaryRow = Pick<DiplomaRow, (typeof summaryColumns)[number]>;

/** One page of an authority's register in issue order; `text` finds by name, serial or entry number. */
export async function registerPage(
  db: Db,
  filter: {
    authorityId: string;
    /** The name's search key (matched as a substring) and the text as typed (a number). */
    text?: { searchKey: string; exact: string } | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: SummaryRow[]; total: number }> {
  let q = db.selectFrom('diploma').where('authority_id', '=', filter.authorityId);
  const text = filter.text;
  if (text) {
    const key = `%${text.searchKey.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('search_name', 'like', key),
        eb('serial_number', '=', text.exact),
        eb('register_number', '=', text.exact),
      ]),
    );
  }
  const [{ total } = { total: 0 }] = await q
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await q
    .select(summaryColumns)
    .orderBy('serial_number')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/** The register as printed: every entry of an authority (of one register year), in entry order. */
export async function registerEntries(
  db: Db,
  authorityId: string,
  year?: number,
): Promise<DiplomaRow[]> {
  let q = db.selectFrom('diploma').selectAll().where('authority_id', '=', authorityId);
  if (year) q = q.where('register_year', '=', year);
  return q.orderBy('register_year').orderBy('register_number').execute();
}

/** Public lookup: a number plus the name's search key and the full date of birth. */
export async function findPublic(
  db: Db,
  query: { searchName: string; birthDate: string } & (
    { serial: string; registerNumber?: undefined } | { serial?: undefined; registerNumber: string }
  ),
): Promise<
  Pick<
    DiplomaRow,
    'full_name' | 'diploma_type' | 'school_name' | 'graduation_year' | 'serial_number' | 'status'
  >[]
> {
  let q = db
    .selectFrom('diploma')
    .select([
      'full_name',
      'diploma_type',
      'school_name',
      'graduation_year',
      'serial_number',
      'status',
    ])
    .where('search_name', '=', query.searchName)
    .where('birth_date', '=', query.birthDate);
  // Letters in any case: "thpt0000123" is THPT0000123 (indexed on upper()).
  q =
    query.serial !== undefined
      ? q.where(sql<string>`upper(serial_number)`, '=', query.serial.toUpperCase())
      : q.where(sql<string>`upper(register_number)`, '=', query.registerNumber.toUpperCase());
  return q.limit(5).execute();
}

/** Of `studentIds`, those who already hold a diploma of `type`. */
export async function studentsHolding(
  db: Db,
  type: DiplomaType,
  studentIds: string[],
): Promise<Set<string | null>> {
  if (studentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('diploma')
    .select('student_id')
    .where('diploma_type', '=', type)
    .where('student_id', 'in', studentIds)
    .execute();
  return new Set(rows.map((d) => d.student_id));
}

/** Name key, birth date and decision of an authority's entries of `type` under `decisions`. */
export async function entriesUnderDecisions(
  db: Db,
  authorityId: string,
  type: DiplomaType,
  decisions: string[],
): Promise<{ search_name: string; birth_date: string; decision_number: string }[]> {
  return db
    .selectFrom('diploma')
    .select(['search_name', 'birth_date', 'decision_number'])
    .where('authority_id', '=', authorityId)
    .where('diploma_type', '=', type)
    .where('decision_number', 'in', [...decisions, ''])
    .execute();
}

// ---- Status lists ----

/**
 * What a status list's version is made of, for the authority `authorityId`
 * (found by its code through the orgs module) if it has an active issuer
 * key: the key, how many slots are revoked, how many exist. Reads only the
 * module's own tables.
 */
export async function statusListState(
  db: Db,
  authorityId: string,
): Promise<{ id: string; kid: string; revoked: string | null; size: number | null } | undefined> {
  return db
    .selectFrom('issuer_key as k')
    .select((eb) => [
      'k.authority_id as id',
      'k.id as kid',
      eb
        .selectFrom('diploma_revoked_slot as r')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('r.authority_id', '=', 'k.authority_id')
        .as('revoked'),
      eb
        .selectFrom('diploma_counter as c')
        .select('c.last_value')
        .whereRef('c.authority_id', '=', 'k.authority_id')
        .where('c.series', '=', 'status')
        .as('size'),
    ])
    .where('k.authority_id', '=', authorityId)
    .where('k.retired_at', 'is', null)
    .executeTakeFirst();
}

export async function revokedSlots(db: Db, authorityId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('diploma_revoked_slot')
    .select('status_index')
    .where('authority_id', '=', authorityId)
    .execute();
  return rows.map((r) => r.status_index);
}

// ---- Issuer keys ----

export async function issuerKeys(db: Db): Promise<IssuerKeyRow[]> {
  return db.selectFrom('issuer_key').selectAll().orderBy('created_at').execute();
}

export async function activeKey(db: Db, authorityId: string): Promise<IssuerKeyRow | undefined> {
  return db
    .selectFrom('issuer_key')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Retires the authority's active key and adds the new one, with an audit
 * entry naming the key and its DID (issuer_key has no audit trigger).
 */
export async function replaceActiveKey(
  tx: Tx,
  key: {
    kid: string;
    authorityId: string;
    publicKey: Uint8Array;
    privateKeyPem: string;
    did: string;
  },
  actor: { id: string | null; name: string; ip?: string | null | undefined },
): Promise<void> {
  await tx
    .updateTable('issuer_key')
    .set({ retired_at: sql`now()` })
    .where('authority_id', '=', key.authorityId)
    .where('retired_at', 'is', null)
    .execute();
  await tx
    .insertInto('issuer_key')
    .values({
      id: key.kid,
      authority_id: key.authorityId,
      public_key: key.publicKey,
      private_key_pem: key.privateKeyPem,
      did: key.did,
    })
    .execute();
  await recordAuditEvent(tx, actor, {
    action: 'key_rotate',
    entityType: 'issuer_key',
    entityId: key.kid,
    unitId: key.authorityId,
    after: { kid: key.kid, did: key.did },
  });
}

// ---- Blank forms (phôi) ----

export type BlankRangeRow = Selectable<DiplomaBlankRangeTable>;

/**
 * An authority's ranges of blank forms of `type` (all types when omitted),
 * with how many of each left the stock on a diploma and spoiled.
 */
export async function blankRanges(
  db: Db,
  authorityId: string,
  type?: DiplomaType,
): Promise<(BlankRangeRow & { issued: number; spoiled: number })[]> {
  let q = db
    .selectFrom('diploma_blank_range as r')
    .selectAll('r')
    .select((eb) => [
      eb
        .selectFrom('diploma_blank_use as u')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('u.range_id', '=', 'r.id')
        .where('u.kind', '=', 'issued')
        .as('issued'),
      eb
        .selectFrom('diploma_blank_use as u')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('u.range_id', '=', 'r.id')
        .where('u.kind', '=', 'spoiled')
        .as('spoiled'),
    ])
    .where('r.authority_id', '=', authorityId);
  if (type) q = q.where('r.diploma_type', '=', type);
  const rows = await q.orderBy('r.received_on').orderBy('r.created_at').execute();
  return rows.map((r) => ({
    ...r,
    issued: Number(r.issued ?? 0),
    spoiled: Number(r.spoiled ?? 0),
  }));
}

/** The authority's ranges of one series (prefix and width) overlapping [first, last]. */
export async function overlappingRanges(
  db: Db,
  authorityId: string,
  series: { prefix: string; width: number; first: number; last: number },
): Promise<BlankRangeRow[]> {
  return db
    .selectFrom('diploma_blank_range')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('prefix', '=', series.prefix)
    .where('width', '=', series.width)
    .where('first_number', '<=', series.last)
    .where('last_number', '>=', series.first)
    .execute();
}

/**
 * Serials of the authority's register that a range of one series would
 * cover (same prefix and digit count, so text order is number order).
 */
export async function serialsInRange(
  db: Db,
  authorityId: string,
  first: string,
  last: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('diploma')
    .select('serial_number')
    .where('authority_id', '=', authorityId)
    .where('serial_number', '>=', first)
    .where('serial_number', '<=', last)
    .where(sql<boolean>`length(serial_number) = ${first.length}`)
    .limit(5)
    .execute();
  return rows.map((r) => r.serial_number);
}

export async function insertBlankRange(
  tx: Tx,
  range: Insertable<DiplomaBlankRangeTable>,
): Promise<void> {
  await tx.insertInto('diploma_blank_range').values(range).execute();
}

/**
 * Locks the authority's ranges of `type` (two clerks issuing at once take
 * forms one after the other) and answers whether there are any.
 */
export async function lockBlankRanges(
  tx: Tx,
  authorityId: string,
  type: DiplomaType,
): Promise<boolean> {
  const rows = await tx
    .selectFrom('diploma_blank_range')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('diploma_type', '=', type)
    .forUpdate()
    .execute();
  return rows.length > 0;
}

/** The next `count` forms of `type` still in stock, oldest delivery first, in serial order. */
export async function freeBlanks(
  db: Db | Tx,
  authorityId: string,
  type: DiplomaType,
  count: number,
): Promise<{ range_id: string; serial: string }[]> {
  const rows = await sql<{ range_id: string; serial: string }>`
    SELECT r.id AS range_id, r.prefix || lpad(g.n::text, r.width, '0') AS serial
    FROM diploma_blank_range r
    CROSS JOIN LATERAL generate_series(r.first_number, r.last_number) AS g(n)
    WHERE r.authority_id = ${authorityId} AND r.diploma_type = ${type}
      AND NOT EXISTS (
        SELECT 1 FROM diploma_blank_use u
        WHERE u.authority_id = r.authority_id
          AND u.serial = r.prefix || lpad(g.n::text, r.width, '0'))
    ORDER BY r.received_on, r.created_at, g.n
    LIMIT ${count}`.execute(db);
  return rows.rows;
}

/** The range of the authority holding a form's serial, and whether the form already left the stock. */
export async function blankOf(
  db: Db | Tx,
  authorityId: string,
  serial: { prefix: string; width: number; n: number; text: string },
): Promise<{ range: BlankRangeRow; used: { kind: 'issued' | 'spoiled' } | undefined } | undefined> {
  const range = await db
    .selectFrom('diploma_blank_range')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('prefix', '=', serial.prefix)
    .where('width', '=', serial.width)
    .where('first_number', '<=', serial.n)
    .where('last_number', '>=', serial.n)
    .executeTakeFirst();
  if (!range) return undefined;
  const used = await db
    .selectFrom('diploma_blank_use')
    .select('kind')
    .where('authority_id', '=', authorityId)
    .where('serial', '=', serial.text)
    .executeTakeFirst();
  return { range, used };
}

export async function insertBlankUses(
  tx: Tx,
  uses: Omit<Insertable<DiplomaBlankUseTable>, 'id'>[],
): Promise<void> {
  for (let i = 0; i < uses.length; i += 1000)
    await tx
      .insertInto('diploma_blank_use')
      .values(uses.slice(i, i + 1000).map((u) => ({ id: uuidv7(), ...u })))
      .execute();
}

/** The authority's spoiled forms, newest first. */
export async function spoiledBlanks(
  db: Db,
  authorityId: string,
): Promise<{ serial: string; diploma_type: DiplomaType; reason: string | null; at: Date }[]> {
  return db
    .selectFrom('diploma_blank_use as u')
    .innerJoin('diploma_blank_range as r', 'r.id', 'u.range_id')
    .select(['u.serial', 'r.diploma_type', 'u.reason', 'u.at'])
    .where('u.authority_id', '=', authorityId)
    .where('u.kind', '=', 'spoiled')
    .orderBy('u.at', 'desc')
    .limit(200)
    .execute();
}

/**
 * The entry matching an applicant's own serial number, name (search key) and
 * date of birth, for the public services (issue #19); at most one.
 */
export async function findForApplicant(
  db: Db,
  query: { searchName: string; birthDate: string; serial: string },
): Promise<{ id: string; authority_id: string; status: DiplomaStatus } | undefined> {
  return db
    .selectFrom('diploma')
    .select(['id', 'authority_id', 'status'])
    .where('search_name', '=', query.searchName)
    .where('birth_date', '=', query.birthDate)
    .where('serial_number', '=', query.serial)
    .executeTakeFirst();
}
