import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Student name search over a province (500,000 students): a substring search
// on each word ("nguyen van", "hoa") cannot use the btree on search_name; a
// trigram index can. PGlite loads pg_trgm as a contrib extension (see
// src/db/connection.ts); on a PostgreSQL server pg_trgm is a trusted extension.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE INDEX student_search_trgm_idx ON student USING gin (search_name gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX student_search_trgm_idx`.execute(db);
}
