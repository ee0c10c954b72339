import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Issue #17 item 5: the result of verifying the signatures of a PDF added to
// an incoming document (one row per file, kept with the document), and the
// root certificates the department trusts besides its own CA.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE office_signature_check (
      id uuid PRIMARY KEY,
      -- One check per file (the audit log names rows by id).
      attachment_id uuid NOT NULL UNIQUE REFERENCES office_attachment(id),
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      document_id uuid NOT NULL,
      -- The document's status: its worst signature's, or none without any.
      status text NOT NULL
        CHECK (status IN ('none', 'valid', 'untrusted', 'expired', 'modified', 'invalid')),
      signature_count integer NOT NULL CHECK (signature_count >= 0),
      -- The verifier's report (src/modules/office/verify-signature.ts PdfSignatureReport).
      report jsonb NOT NULL,
      checked_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX office_signature_check_document_idx ON office_signature_check (document_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE office_trusted_root (
      id uuid PRIMARY KEY,
      -- The unit that configured it (the department).
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      subject text NOT NULL,
      -- SHA-256 of the certificate's DER: one row per certificate.
      sha256 text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      certificate_pem text NOT NULL,
      not_after timestamptz NOT NULL,
      added_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      removed_at timestamptz
    )`.execute(db);
  for (const table of ['office_signature_check', 'office_trusted_root']) {
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('unit_id')`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['office_trusted_root', 'office_signature_check'])
    await sql.raw(`DROP TABLE ${t} CASCADE`).execute(db);
}
