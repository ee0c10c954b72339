/**
 * The queries of signature verification (issue #17 item 5): the trusted
 * roots and the stored result of each checked file. The use cases decide
 * access before calling them.
 */
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type {
  OfficeSignatureCheckTable,
  OfficeSignPrepareTable,
  OfficeTrustedRootTable,
} from '../../../db/schema.ts';

/**
 * The certificates a signature may chain to: every CA the office made for
 * the department (retired ones too: what they signed stays verifiable) and
 * the roots the department configured and did not remove.
 */
export async function trustedRootPems(db: Db): Promise<string[]> {
  const [cas, roots] = await Promise.all([
    db
      .selectFrom('office_certificate')
      .select('certificate_pem')
      .where('role', '=', 'ca')
      .execute(),
    db
      .selectFrom('office_trusted_root')
      .select('certificate_pem')
      .where('removed_at', 'is', null)
      .execute(),
  ]);
  return [...cas, ...roots].map((r) => r.certificate_pem);
}

export async function listTrustedRoots(db: Db) {
  return db
    .selectFrom('office_trusted_root')
    .select(['id', 'subject', 'sha256', 'not_after', 'added_by', 'created_at'])
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findTrustedRootBySha(db: Db, sha256: string) {
  return db
    .selectFrom('office_trusted_root')
    .select(['id', 'removed_at'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

export async function insertTrustedRoot(
  db: Db,
  row: Insertable<OfficeTrustedRootTable>,
): Promise<void> {
  await db.insertInto('office_trusted_root').values(row).execute();
}

export async function restoreTrustedRoot(db: Db, id: string): Promise<void> {
  await db
    .updateTable('office_trusted_root')
    .set({ removed_at: null })
    .where('id', '=', id)
    .execute();
}

export async function removeTrustedRoot(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('office_trusted_root')
    .set({ removed_at: new Date() })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertSignatureCheck(
  db: Db,
  row: Insertable<OfficeSignatureCheckTable>,
): Promise<void> {
  await db.insertInto('office_signature_check').values(row).execute();
}

/** The stored checks of the files of these documents. */
export async function signatureChecksOf(db: Db, documentIds: readonly string[]) {
  if (!documentIds.length) return [];
  return db
    .selectFrom('office_signature_check')
    .select(['attachment_id', 'document_id', 'status', 'signature_count', 'report', 'checked_at'])
    .where('document_id', 'in', [...documentIds])
    .orderBy('checked_at')
    .execute();
}

// ---------------------------------------------------------------- signing with a token

export async function insertSignPrepare(
  db: Db,
  row: Insertable<OfficeSignPrepareTable>,
): Promise<void> {
  await db.insertInto('office_sign_prepare').values(row).execute();
}

export async function findSignPrepare(db: Db, id: string) {
  return db.selectFrom('office_sign_prepare').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a prepared signature used; false when it was already (two completions at once). */
export async function markSignPrepareUsed(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('office_sign_prepare')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Deletes the prepared signatures used before `cutoff`, or unused and
 * expired before it (a prepare still open, or used or expired since, stays).
 */
export async function deleteStaleSignPrepares(db: Db, cutoff: Date): Promise<number> {
  const r = await db
    .deleteFrom('office_sign_prepare')
    .where((eb) =>
      eb.or([
        eb('used_at', '<', cutoff),
        eb.and([eb('used_at', 'is', null), eb('expires_at', '<', cutoff)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
