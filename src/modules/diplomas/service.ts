import { sql } from 'kysely';
import { writeTransaction, type Actor, type Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { DiplomaStatus, DiplomaType, Gender } from '../../db/schema.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { normalizeText, searchKey } from '../../lib/vietnamese.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { signDocument, type JsonObject } from '../../lib/credentials/data-integrity.ts';
import {
  buildDiplomaCredential,
  buildStatusListCredential,
  makeBitstring,
} from './credentials/diploma-credential.ts';
import { encodeDiplomaQr } from './credentials/qr-sign.ts';
import { activeSigner, type Signer } from './keys.ts';
import { graduatingStudents } from '../registry/index.ts';
import {
  TYPE_CODE,
  type Decision,
  type DiplomaCorrection,
  type DiplomaDetail,
  type DiplomaEvent,
  type DiplomaPage,
  type DiplomaSummary,
  type IssuedDiploma,
  type IssueFromStudentsAnswer,
  type PublicDiploma,
} from './contract.ts';

export type {
  Decision,
  DiplomaCorrection,
  DiplomaDetail,
  DiplomaSummary,
  IssuedDiploma,
  PublicDiploma,
} from './contract.ts';
export { TYPE_CODE };

/**
 * The diploma register (sổ gốc cấp văn bằng, Circular 21/2019/TT-BGDĐT):
 * entries are issued with automatic, atomic numbering, never deleted or
 * overwritten; corrections and revocations are decisions kept in each
 * entry's history. Every diploma carries a signed credential and QR payload.
 */

/**
 * Number formats. {type} THPT/THCS, {year} the issue year, {n:W} the number
 * zero-padded to W digits. Serials never reset; entry numbers restart every
 * calendar year, so the register format must contain {year}.
 */
export const DEFAULT_FORMATS = { serial: '{type}{n:7}', register: '{year}/{type}/{n:5}' };

export function numberFormats(env: NodeJS.ProcessEnv = process.env): typeof DEFAULT_FORMATS {
  const formats = {
    serial: env.SOGD_DIPLOMA_SERIAL_FORMAT || DEFAULT_FORMATS.serial,
    register: env.SOGD_DIPLOMA_REGISTER_FORMAT || DEFAULT_FORMATS.register,
  };
  if (!/\{n(:\d+)?\}/.test(formats.serial) || !/\{n(:\d+)?\}/.test(formats.register))
    throw new Error('Định dạng số hiệu và số vào sổ phải chứa {n}.');
  if (!formats.register.includes('{year}'))
    throw new Error('Định dạng số vào sổ gốc phải chứa {year}: số vào sổ bắt đầu lại mỗi năm.');
  return formats;
}

export function formatNumber(
  template: string,
  values: { type: string; year: number; n: number },
): string {
  return template
    .replaceAll('{type}', values.type)
    .replaceAll('{year}', String(values.year))
    .replace(/\{n(?::(\d+))?\}/g, (_m, width: string | undefined) =>
      String(values.n).padStart(width ? Number(width) : 1, '0'),
    );
}

/** Reserves `count` consecutive numbers of a series; the row lock serialises concurrent issuers. */
async function reserve(
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

export interface GraduateEntry {
  fullName: string;
  birthDate: string;
  birthPlace?: string | null | undefined;
  gender: Gender;
  ethnicity?: string | null | undefined;
  schoolName: string;
  examCouncil?: string | null | undefined;
  graduationYear: number;
  decisionNumber: string;
  decisionDate: string;
  notes?: string | null | undefined;
  studentId?: string | null | undefined;
}

export interface IssueBatch {
  authorityId: string;
  diplomaType: DiplomaType;
  issueDate: string;
  signerName: string;
  signerTitle: string;
  entries: GraduateEntry[];
}

export interface IssueContext {
  passphrase: string;
  /** Public base URL, e.g. https://sogd.example.gov.vn: status lists live under it. */
  publicUrl: string;
}

export const statusListUrl = (publicUrl: string, authorityCode: string) =>
  `${publicUrl.replace(/\/$/, '')}/api/public/status/${encodeURIComponent(authorityCode)}`;

interface SignedParts {
  credential: JsonObject;
  qr: string;
}

function signDiploma(
  signer: Signer,
  authority: { code: string; name: string },
  context: IssueContext,
  d: {
    id: string;
    fullName: string;
    birthDate: string;
    diplomaType: DiplomaType;
    schoolName: string;
    graduationYear: number;
    serialNumber: string;
    registerNumber: string;
    issueDate: string;
    statusIndex: number;
  },
  created: string,
): SignedParts {
  const credential = signDocument(
    buildDiplomaCredential(
      { ...d, issuerName: authority.name },
      {
        issuerDid: signer.did,
        statusListUrl: statusListUrl(context.publicUrl, authority.code),
        statusIndex: d.statusIndex,
      },
    ),
    { privateKey: signer.privateKey, verificationMethod: signer.verificationMethod, created },
  );
  const qr = encodeDiplomaQr(
    {
      serial: d.serialNumber,
      registerNumber: d.registerNumber,
      fullName: d.fullName,
      birthDate: d.birthDate,
      diplomaType: d.diplomaType,
      graduationYear: d.graduationYear,
      school: d.schoolName,
      issuer: authority.code,
      issueDate: d.issueDate,
      statusIndex: d.statusIndex,
    },
    { privateKey: signer.privateKey, kid: signer.kidBytes },
  );
  return { credential, qr };
}

const isoSeconds = (date = new Date()) => `${date.toISOString().slice(0, 19)}Z`;

/** Issues a batch in one transaction: all numbered and signed, or none. */
export async function issueDiplomas(
  db: Db,
  actor: Actor,
  batch: IssueBatch,
  context: IssueContext,
): Promise<IssuedDiploma[]> {
  if (batch.entries.length === 0) return [];
  const authority = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name'])
    .where('id', '=', batch.authorityId)
    .executeTakeFirst();
  if (!authority) throw notFound('đơn vị cấp văn bằng');
  const signer = await activeSigner(db, authority.id, context.passphrase);
  const formats = numberFormats();
  const year = Number(batch.issueDate.slice(0, 4));
  const type = TYPE_CODE[batch.diplomaType];
  const created = isoSeconds();
  return writeTransaction(db, actor, async (tx) => {
    const n = batch.entries.length;
    const firstSerial = await reserve(tx, authority.id, `serial:${batch.diplomaType}`, 0, n);
    const firstEntry = await reserve(tx, authority.id, `register:${batch.diplomaType}`, year, n);
    const firstSlot = await reserve(tx, authority.id, 'status', 0, n);
    const issued: IssuedDiploma[] = [];
    const rows = batch.entries.map((e, i) => {
      const id = uuidv7();
      const fullName = normalizeText(e.fullName);
      const serialNumber = formatNumber(formats.serial, { type, year, n: firstSerial + i });
      const registerNumber = formatNumber(formats.register, { type, year, n: firstEntry + i });
      const statusIndex = firstSlot + i - 1;
      const signed = signDiploma(
        signer,
        authority,
        context,
        {
          id,
          fullName,
          birthDate: e.birthDate,
          diplomaType: batch.diplomaType,
          schoolName: normalizeText(e.schoolName),
          graduationYear: e.graduationYear,
          serialNumber,
          registerNumber,
          issueDate: batch.issueDate,
          statusIndex,
        },
        created,
      );
      issued.push({ id, fullName, serialNumber, registerNumber });
      return {
        id,
        authority_id: authority.id,
        diploma_type: batch.diplomaType,
        full_name: fullName,
        search_name: searchKey(fullName),
        birth_date: e.birthDate,
        birth_place: e.birthPlace ? normalizeText(e.birthPlace) : null,
        gender: e.gender,
        ethnicity: e.ethnicity ? normalizeText(e.ethnicity) : null,
        school_name: normalizeText(e.schoolName),
        exam_council: e.examCouncil ? normalizeText(e.examCouncil) : null,
        graduation_year: e.graduationYear,
        decision_number: normalizeText(e.decisionNumber),
        decision_date: e.decisionDate,
        serial_number: serialNumber,
        register_number: registerNumber,
        register_year: year,
        issue_date: batch.issueDate,
        signer_name: normalizeText(batch.signerName),
        signer_title: normalizeText(batch.signerTitle),
        notes: e.notes ? normalizeText(e.notes) : null,
        status_index: statusIndex,
        student_id: e.studentId ?? null,
        key_id: signer.kid,
        credential: JSON.stringify(signed.credential),
        qr: signed.qr,
      };
    });
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
    return issued;
  });
}

async function loadForChange(tx: Tx, diplomaId: string) {
  // FOR UPDATE: two corrections of one entry apply one after the other.
  const d = await tx
    .selectFrom('diploma')
    .selectAll()
    .where('id', '=', diplomaId)
    .forUpdate()
    .executeTakeFirst();
  if (!d) throw notFound('văn bằng');
  return d;
}

/**
 * A correction decision: the entry takes the new values, its history keeps
 * before → after, its old credential's status slot is revoked and a new
 * credential is signed on a new slot.
 */
export async function correctDiploma(
  db: Db,
  actor: Actor,
  diplomaId: string,
  decision: Decision,
  changes: DiplomaCorrection,
  context: IssueContext,
): Promise<void> {
  if (!decision.decisionNumber.trim() || !decision.reason.trim())
    throw badRequest('Chỉnh sửa văn bằng cần số quyết định và lý do.');
  const current = await db
    .selectFrom('diploma')
    .select(['authority_id', 'status'])
    .where('id', '=', diplomaId)
    .executeTakeFirst();
  if (!current) throw notFound('văn bằng');
  if (current.status === 'revoked')
    throw badRequest('Văn bằng đã bị thu hồi, không thể chỉnh sửa.');
  const signer = await activeSigner(db, current.authority_id, context.passphrase);
  const authority = await db
    .selectFrom('org_unit')
    .select(['code', 'name'])
    .where('id', '=', current.authority_id)
    .executeTakeFirstOrThrow();
  await writeTransaction(db, actor, async (tx) => {
    const d = await loadForChange(tx, diplomaId);
    const after = {
      full_name: changes.fullName !== undefined ? normalizeText(changes.fullName) : d.full_name,
      birth_date: changes.birthDate ?? d.birth_date,
      birth_place: changes.birthPlace !== undefined ? changes.birthPlace : d.birth_place,
      gender: changes.gender ?? d.gender,
      ethnicity: changes.ethnicity !== undefined ? changes.ethnicity : d.ethnicity,
    };
    const before = {
      full_name: d.full_name,
      birth_date: d.birth_date,
      birth_place: d.birth_place,
      gender: d.gender,
      ethnicity: d.ethnicity,
    };
    const slot = (await reserve(tx, d.authority_id, 'status', 0, 1)) - 1;
    await tx
      .insertInto('diploma_revoked_slot')
      .values({ authority_id: d.authority_id, status_index: d.status_index })
      .execute();
    const signed = signDiploma(
      signer,
      authority,
      context,
      {
        id: d.id,
        fullName: after.full_name,
        birthDate: after.birth_date,
        diplomaType: d.diploma_type,
        schoolName: d.school_name,
        graduationYear: d.graduation_year,
        serialNumber: d.serial_number,
        registerNumber: d.register_number,
        issueDate: d.issue_date,
        statusIndex: slot,
      },
      isoSeconds(),
    );
    await tx
      .updateTable('diploma')
      .set({
        ...after,
        search_name: searchKey(after.full_name),
        status: 'corrected',
        status_index: slot,
        key_id: signer.kid,
        credential: JSON.stringify(signed.credential),
        qr: signed.qr,
        updated_at: sql`now()`,
      })
      .where('id', '=', d.id)
      .execute();
    await tx
      .insertInto('diploma_event')
      .values({
        id: uuidv7(),
        diploma_id: d.id,
        authority_id: d.authority_id,
        kind: 'correction',
        decision_number: normalizeText(decision.decisionNumber),
        decision_date: decision.decisionDate,
        reason: normalizeText(decision.reason),
        before: JSON.stringify(before),
        after: JSON.stringify(after),
      })
      .execute();
  });
}

/** Revocation: the status-list bit flips; the entry stays, marked revoked. */
export async function revokeDiploma(
  db: Db,
  actor: Actor,
  diplomaId: string,
  decision: Decision,
): Promise<void> {
  if (!decision.decisionNumber.trim() || !decision.reason.trim())
    throw badRequest('Thu hồi văn bằng cần số quyết định và lý do.');
  await writeTransaction(db, actor, async (tx) => {
    const d = await loadForChange(tx, diplomaId);
    if (d.status === 'revoked') throw badRequest('Văn bằng đã bị thu hồi từ trước.');
    await tx
      .updateTable('diploma')
      .set({ status: 'revoked', updated_at: sql`now()` })
      .where('id', '=', d.id)
      .execute();
    await tx
      .insertInto('diploma_revoked_slot')
      .values({ authority_id: d.authority_id, status_index: d.status_index })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx
      .insertInto('diploma_event')
      .values({
        id: uuidv7(),
        diploma_id: d.id,
        authority_id: d.authority_id,
        kind: 'revocation',
        decision_number: normalizeText(decision.decisionNumber),
        decision_date: decision.decisionDate,
        reason: normalizeText(decision.reason),
        before: JSON.stringify({ status: d.status }),
        after: JSON.stringify({ status: 'revoked' }),
      })
      .execute();
  });
}

/** Copy register entry number (số vào sổ cấp bản sao): restarts every calendar year, per authority. */
export const COPY_NUMBER_FORMAT = '{year}/BS/{n:5}';

export interface CopyRequest {
  requester: string;
  copies: number;
  reason: string;
}

export interface RecordedCopy {
  eventId: string;
  copyNumber: string;
}

/**
 * A certified copy from the register (bản sao từ sổ gốc, Circular 21/2019
 * and Decree 23/2015): numbered in the authority's copy book, recorded in the
 * entry's history, never a second original. A revoked diploma gets no copy.
 */
export async function recordCopy(
  db: Db,
  actor: Actor,
  diplomaId: string,
  request: CopyRequest,
  issuedOn: Date = new Date(),
): Promise<RecordedCopy> {
  return writeTransaction(db, actor, async (tx) => {
    const d = await loadForChange(tx, diplomaId);
    if (d.status === 'revoked') throw badRequest('Văn bằng đã bị thu hồi: không cấp bản sao.');
    // The copy book runs by the calendar year in Việt Nam's time zone.
    const year = new Date(issuedOn.getTime() + 7 * 3600_000).getUTCFullYear();
    const n = await reserve(tx, d.authority_id, 'copy', year, 1);
    const copyNumber = formatNumber(COPY_NUMBER_FORMAT, { type: 'BS', year, n });
    const eventId = uuidv7();
    await tx
      .insertInto('diploma_event')
      .values({
        id: eventId,
        diploma_id: d.id,
        authority_id: d.authority_id,
        kind: 'copy',
        decision_number: null,
        decision_date: null,
        reason: normalizeText(request.reason),
        before: null,
        after: JSON.stringify({
          copyNumber,
          requester: normalizeText(request.requester),
          copies: request.copies,
        }),
        at: issuedOn,
      })
      .execute();
    return { eventId, copyNumber };
  });
}

/** One recorded copy of an entry, as printed on the copy. */
export function findCopy(
  d: DiplomaDetail,
  eventId: string,
): { copyNumber: string; requester: string; copies: number; issuedOn: string } {
  const event = d.history.find((e) => e.id === eventId && e.kind === 'copy');
  const after = event?.after as { copyNumber?: string; requester?: string; copies?: number } | null;
  if (!event || !after?.copyNumber) throw notFound('bản sao');
  const local = new Date(new Date(event.at).getTime() + 7 * 3600_000);
  return {
    copyNumber: after.copyNumber,
    requester: after.requester ?? '',
    copies: after.copies ?? 1,
    issuedOn: local.toISOString().slice(0, 10),
  };
}

/**
 * Public lookup: serial or register entry number, plus full name (diacritics
 * ignored) and full date of birth. Only what proves the diploma comes back:
 * never the date of birth, nor the credential that holds it (DESIGN).
 */
export async function publicLookup(
  db: Db,
  query: {
    serial?: string | undefined;
    registerNumber?: string | undefined;
    fullName: string;
    birthDate: string;
  },
): Promise<PublicDiploma[]> {
  const serial = query.serial?.trim();
  const registerNumber = query.registerNumber?.trim();
  if (!serial && !registerNumber) throw badRequest('Cần số hiệu hoặc số vào sổ gốc của văn bằng.');
  const name = searchKey(query.fullName);
  if (!name) throw badRequest('Cần họ và tên đầy đủ.');
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
    .where('search_name', '=', name)
    .where('birth_date', '=', query.birthDate);
  q = serial
    ? q.where('serial_number', '=', serial)
    : q.where('register_number', '=', registerNumber!);
  const rows = await q.limit(5).execute();
  return rows.map((r) => ({
    fullName: r.full_name,
    diplomaType: r.diploma_type,
    schoolName: r.school_name,
    graduationYear: r.graduation_year,
    serialNumber: r.serial_number,
    status: r.status,
  }));
}

/**
 * Signed status lists kept per process, each with the version it was signed
 * at. A list changes only when a slot is reserved (issue, correction), a slot
 * is revoked (revocation, correction; slots are never un-revoked) or the key
 * rotates, so the version is those three read from the database on every
 * call: another process's revocation is seen at the next call, and the key is
 * decrypted and the list signed again only then.
 */
export class StatusListCache {
  private readonly lists = new Map<string, { version: string; credential: JsonObject }>();
  private readonly signing = new Map<string, Promise<JsonObject>>();
  /** Lists signed so far by this cache (each one decrypts the issuer key). */
  signatures = 0;

  async get(key: string, version: string, sign: () => Promise<JsonObject>): Promise<JsonObject> {
    const cached = this.lists.get(key);
    if (cached?.version === version) return cached.credential;
    // Concurrent misses of one version share a signature.
    const at = `${key}\n${version}`;
    let pending = this.signing.get(at);
    if (!pending) {
      pending = sign().then(
        (credential) => {
          this.signatures++;
          this.lists.set(key, { version, credential });
          this.signing.delete(at);
          return credential;
        },
        (error: unknown) => {
          this.signing.delete(at);
          throw error;
        },
      );
      this.signing.set(at, pending);
    }
    return pending;
  }
}

/** The status list of a unit that issues no diplomas (no issuer key), or of no unit. */
export const noStatusList = (authorityCode: string) =>
  new AppError(
    404,
    'Không tìm thấy',
    `Không có danh sách trạng thái văn bằng của mã đơn vị "${authorityCode}": mã không có, hoặc đơn vị này không cấp văn bằng.`,
  );

/**
 * The authority's signed Bitstring Status List credential, from `cache` when
 * the list has not changed since it was signed. 404 for a unit without an
 * issuer key (a school, a commune) and for an unknown code.
 */
export async function statusListCredential(
  db: Db,
  authorityCode: string,
  context: IssueContext | (() => IssueContext),
  cache: StatusListCache = new StatusListCache(),
): Promise<JsonObject> {
  const state = await db
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
    .where('u.code', '=', authorityCode)
    .executeTakeFirst();
  if (!state) throw noStatusList(authorityCode);
  const ctx = typeof context === 'function' ? context() : context;
  const version = `${state.kid} ${String(state.revoked ?? 0)} ${state.size ?? 0}`;
  return cache.get(`${ctx.publicUrl} ${state.id}`, version, async () => {
    const slots = await db
      .selectFrom('diploma_revoked_slot')
      .select('status_index')
      .where('authority_id', '=', state.id)
      .execute();
    const signer = await activeSigner(db, state.id, ctx.passphrase);
    const url = statusListUrl(ctx.publicUrl, authorityCode);
    const now = isoSeconds();
    return signDocument(
      buildStatusListCredential(
        makeBitstring(
          slots.map((s) => s.status_index),
          state.size ?? 0,
        ),
        { url, issuerDid: signer.did, validFrom: now },
      ),
      {
        privateKey: signer.privateKey,
        verificationMethod: signer.verificationMethod,
        created: now,
      },
    );
  });
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

function toSummary(r: {
  id: string;
  full_name: string;
  birth_date: string;
  diploma_type: DiplomaType;
  school_name: string;
  graduation_year: number;
  serial_number: string;
  register_number: string;
  issue_date: string;
  status: DiplomaStatus;
}): DiplomaSummary {
  return {
    id: r.id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    diplomaType: r.diploma_type,
    schoolName: r.school_name,
    graduationYear: r.graduation_year,
    serialNumber: r.serial_number,
    registerNumber: r.register_number,
    issueDate: r.issue_date,
    status: r.status,
  };
}

/** The register of one authority, in issue order; `q` finds by name, serial or entry number. */
export async function listDiplomas(
  db: Db,
  filter: { authorityId: string; q?: string | undefined; page: number; pageSize: number },
): Promise<DiplomaPage> {
  let q = db.selectFrom('diploma').where('authority_id', '=', filter.authorityId);
  const text = filter.q?.trim();
  if (text) {
    const key = `%${searchKey(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('search_name', 'like', key),
        eb('serial_number', '=', text),
        eb('register_number', '=', text),
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
  return {
    items: rows.map(toSummary),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export async function getDiploma(db: Db, id: string): Promise<DiplomaDetail> {
  const r = await db.selectFrom('diploma').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('văn bằng');
  const events = await db
    .selectFrom('diploma_event')
    .selectAll()
    .where('diploma_id', '=', id)
    .orderBy('at')
    .execute();
  return {
    ...toSummary(r),
    authorityId: r.authority_id,
    birthPlace: r.birth_place,
    gender: r.gender,
    ethnicity: r.ethnicity,
    examCouncil: r.exam_council,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    signerName: r.signer_name,
    signerTitle: r.signer_title,
    notes: r.notes,
    credential: r.credential as DiplomaDetail['credential'],
    qr: r.qr,
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      decisionNumber: e.decision_number,
      decisionDate: e.decision_date,
      reason: e.reason,
      before: e.before as DiplomaEvent['before'],
      after: e.after as DiplomaEvent['after'],
    })),
  };
}

/**
 * Issues diplomas to a school's final-grade students straight from the
 * registry (grade 12 for upper-secondary, 9 for lower-secondary). Students
 * who already hold a diploma of this type are skipped: never a second original.
 */
export async function issueFromStudents(
  db: Db,
  actor: Actor,
  input: Omit<IssueBatch, 'entries'> & {
    schoolId: string;
    schoolYear: string;
    graduationYear: number;
    decisionNumber: string;
    decisionDate: string;
  },
  context: IssueContext,
): Promise<IssueFromStudentsAnswer> {
  const grade = input.diplomaType === 'upper_secondary' ? 12 : 9;
  const students = await graduatingStudents(db, input.schoolId, input.schoolYear, grade);
  const already = new Set(
    students.length
      ? (
          await db
            .selectFrom('diploma')
            .select('student_id')
            .where('diploma_type', '=', input.diplomaType)
            .where(
              'student_id',
              'in',
              students.map((s) => s.id),
            )
            .execute()
        ).map((d) => d.student_id)
      : [],
  );
  const entries: GraduateEntry[] = students
    .filter((s) => !already.has(s.id))
    .map((s) => ({
      fullName: s.fullName,
      birthDate: s.birthDate,
      birthPlace: s.birthPlace,
      gender: s.gender,
      ethnicity: s.ethnicity,
      schoolName: s.schoolName,
      graduationYear: input.graduationYear,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      studentId: s.id,
    }));
  const issued = await issueDiplomas(db, actor, { ...input, entries }, context);
  return { issued, skipped: students.length - entries.length };
}
