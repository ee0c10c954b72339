import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The admissions hand-over to the registry (issue #14): a free candidate
// (not in the registry) needs a gender for the student record the registry
// creates, so the recording school gives it; each result remembers when it
// was handed over (audited with the result row, by who ran the hand-over).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE admission_candidate
      ADD COLUMN gender text CHECK (gender IN ('male', 'female'))`.execute(db);
  await sql`ALTER TABLE admission_result ADD COLUMN handed_over_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE admission_result DROP COLUMN handed_over_at`.execute(db);
  await sql`ALTER TABLE admission_candidate DROP COLUMN gender`.execute(db);
}
