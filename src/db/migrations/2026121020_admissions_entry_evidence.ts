import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Entry-grade evidence (issue #15, docs/entry-enrolment.md): the documents a
// family uploads to its entry-grade application when the campaign asks for
// them (admission_campaign.entry_rules.documents: proof of residence, birth
// certificate, primary-school record). The bytes live in the
// content-addressed file store (src/core/files); a row keeps the checksum,
// name, size and type sniffed from the first bytes, the kind of document,
// and the application version in force when it was uploaded. school_id is
// the child's school (the audit's org unit, as admission_priority_claim's).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE admission_entry_evidence (
      id uuid PRIMARY KEY,
      candidate_id uuid NOT NULL REFERENCES admission_candidate(id) ON DELETE CASCADE,
      campaign_id uuid NOT NULL,
      school_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('residence', 'birth-certificate', 'primary-record')),
      version integer NOT NULL CHECK (version >= 1),
      file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
      file_size bigint NOT NULL CHECK (file_size > 0),
      file_type text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX admission_entry_evidence_candidate_idx ON admission_entry_evidence (candidate_id, created_at)`.execute(
    db,
  );
  for (const [op, refs] of [
    ['INSERT', 'NEW TABLE AS new_rows'],
    ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['DELETE', 'OLD TABLE AS old_rows'],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER admission_entry_evidence_audit_${op.toLowerCase()} AFTER ${op} ON admission_entry_evidence
         REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('school_id')`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE admission_entry_evidence`.execute(db);
}
