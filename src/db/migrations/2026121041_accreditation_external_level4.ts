import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// External review (đánh giá ngoài) of Mức 4 (TT 17/18/19-2018's separate
// list, migration 2026120931): the team's met / not met for each Mức 4
// criterion of a cycle, beside the school's own rating, with a comment.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accreditation_external_level4 (
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      code text NOT NULL,
      met boolean NOT NULL,
      comment text NOT NULL DEFAULT '',
      rated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cycle_id, code)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE accreditation_external_level4`.execute(db);
}
