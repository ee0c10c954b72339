import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The form builder's save carries the version it was loaded with
// (src/core/versions.ts): two editors of one draft no longer overwrite each
// other, the second is told to reload (issue #19).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE survey_form ADD COLUMN version integer NOT NULL DEFAULT 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE survey_form DROP COLUMN version`.execute(db);
}
