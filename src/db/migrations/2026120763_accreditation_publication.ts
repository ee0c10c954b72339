import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Publication of the self-assessment's result (công bố / công khai, issue #18
// item 1 "write the report, publish it"): what the school published, frozen
// when it published (level, criteria levels), until it publishes again or
// withdraws it. Public readers see only the active one.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accreditation_publication (
      id uuid PRIMARY KEY,
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      school_id uuid NOT NULL REFERENCES org_unit(id),
      cycle_version integer NOT NULL,
      note text NOT NULL DEFAULT '',
      summary jsonb NOT NULL,
      published_by text NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      withdrawn_by text
    )`.execute(db);
  await sql`CREATE INDEX accreditation_publication_school ON accreditation_publication (school_id, published_at)`.execute(
    db,
  );
  // One active publication per cycle.
  await sql`CREATE UNIQUE INDEX accreditation_publication_active ON accreditation_publication (cycle_id) WHERE withdrawn_at IS NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE accreditation_publication`.execute(db);
}
