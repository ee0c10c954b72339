import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// External review (đánh giá ngoài, issue #18 item 5): the review team's own
// level per criterion, kept beside the school's self-rating.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accreditation_external_rating (
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      criterion_code text NOT NULL,
      level integer NOT NULL CHECK (level BETWEEN 0 AND 9),
      comment text NOT NULL DEFAULT '',
      rated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cycle_id, criterion_code)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE accreditation_external_rating`.execute(db);
}
