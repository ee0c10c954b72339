import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Issue #17 item 5: signing with a USB token or a remote signing service.
// The server prepares the PDF with an empty signature and keeps it here
// until the signer's tool returns the signature (complete), for a short
// time and once only. Not audited by trigger (the row holds the whole PDF):
// the use cases write prepare and complete to the audit log themselves.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE office_sign_prepare (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      document_id uuid NOT NULL REFERENCES office_outgoing(id),
      -- Who prepared it: only they may complete it.
      user_id uuid NOT NULL,
      file_name text NOT NULL,
      -- The PDF with its /ByteRange written and /Contents still zeros.
      pdf bytea NOT NULL,
      byte_range text NOT NULL,
      -- SHA-256 (hex) of the bytes the byte range covers.
      digest text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
      -- For a raw signature: the signer's certificate and the signed attributes built for it.
      certificate_pem text,
      signed_attributes bytea,
      signing_time timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX office_sign_prepare_document_idx ON office_sign_prepare (document_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE office_sign_prepare`.execute(db);
}
