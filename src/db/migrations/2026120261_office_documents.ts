import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Issue #17 items 1–3: the files of documents (scans of incoming ones,
// drafts and final versions of outgoing ones) kept in the file store
// (src/core/files) by SHA-256, with their text for full-text search; drafts
// of outgoing documents and each step of their approval.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE office_attachment (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      document_kind text NOT NULL CHECK (document_kind IN ('incoming', 'outgoing', 'draft')),
      document_id uuid NOT NULL,
      file_name text NOT NULL,
      media_type text NOT NULL,
      size bigint NOT NULL CHECK (size > 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      -- The file's text without diacritics, lower case (src/lib/vietnamese.ts searchKey).
      text_key text NOT NULL DEFAULT '',
      uploaded_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX office_attachment_document_idx ON office_attachment (document_id)`.execute(
    db,
  );
  await sql`CREATE INDEX office_attachment_text_idx ON office_attachment USING gin (to_tsvector('simple', text_key))`.execute(
    db,
  );
  await sql`CREATE INDEX office_outgoing_text_idx ON office_outgoing USING gin (to_tsvector('simple', search_key))`.execute(
    db,
  );
  await sql`CREATE INDEX office_incoming_text_idx ON office_incoming USING gin (to_tsvector('simple', search_key))`.execute(
    db,
  );

  await sql`
    CREATE TABLE office_draft (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'review', 'leader', 'approved', 'returned', 'numbered', 'issued')),
      -- The outgoing document as registered (contract.ts registerOutgoingBody).
      body jsonb NOT NULL,
      drafter_id uuid,
      drafter_name text NOT NULL,
      outgoing_id uuid REFERENCES office_outgoing(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX office_draft_unit_idx ON office_draft (unit_id, updated_at DESC)`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX office_draft_outgoing_idx ON office_draft (outgoing_id) WHERE outgoing_id IS NOT NULL`.execute(
    db,
  );
  await sql`
    CREATE TABLE office_draft_step (
      id uuid PRIMARY KEY,
      draft_id uuid NOT NULL REFERENCES office_draft(id),
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      action text NOT NULL,
      actor_id uuid,
      actor_name text NOT NULL,
      comment text NOT NULL DEFAULT '',
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX office_draft_step_idx ON office_draft_step (draft_id, at)`.execute(db);

  for (const table of ['office_attachment', 'office_draft', 'office_draft_step']) {
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
  for (const t of ['office_draft_step', 'office_draft', 'office_attachment'])
    await sql.raw(`DROP TABLE ${t} CASCADE`).execute(db);
  await sql`DROP INDEX IF EXISTS office_outgoing_text_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS office_incoming_text_idx`.execute(db);
}
