/**
 * Every query of the diplomas module (docs/ARCHITECTURE.md): the register
 * (diploma, diploma_event), its counters and revoked status slots, and the
 * issuer keys. No other file of the module calls the database; use cases
 * check access first and then call these, inside their own transaction when
 * they write (writeTransaction, so the audit triggers know the actor).
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type {
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
  q =
    query.serial !== undefined
      ? q.where('serial_number', '=', query.serial)
      : q.where('register_number', '=', query.registerNumber);
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
 * What a status list's version is made of, for the unit with `code` that has
 * an active issuer key: the key, how many slots are revoked, how many exist.
 */
export async function statusListState(
  db: Db,
  code: string,
): Promise<{ id: string; kid: string; revoked: string | null; size: number | null } | undefined> {
  return db
    .selectFrom('org_unit as u')
    .innerJoin('issuer_key as k', (join) =>
      join.onRef('k.authority_id', '=', 'u.id').on('k.retired_at', 'is', null),
    )
    .select((eb) => [
      'u.id',
      'k.id as kid',
      eb
        .selectFrom('diploma_revoked_slot as r')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('r.authority_id', '=', 'u.id')
        .as('revoked'),
      eb
        .selectFrom('diploma_counter as c')
        .select('c.last_value')
        .whereRef('c.authority_id', '=', 'u.id')
        .where('c.series', '=', 'status')
        .as('size'),
    ])
    .where('u.code', '=', code)
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
  await tx
    .insertInto('audit_log')
    .values({
      actor_id: actor.id,
      actor_name: actor.name,
      ip: actor.ip ?? null,
      action: 'key_rotate',
      entity_type: 'issuer_key',
      entity_id: key.kid,
      org_unit_id: key.authorityId,
      before: null,
      after: JSON.stringify({ kid: key.kid, did: key.did }),
    })
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
