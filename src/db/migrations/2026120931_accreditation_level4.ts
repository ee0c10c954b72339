import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Mức 4 of TT 17/18/19-2018 is a separate list of criteria, not a further
// requirement per criterion (../shared/reference/vn-regulations.md §2). Its
// wording could not be sourced: the department enters it from the circular
// (an import replacing the whole list, versioned), per standard set. A
// school's Mức 4 ratings are rows of accreditation_rating whose code is the
// Mức 4 criterion's (M4.…), so they cite evidence like any other rating.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accreditation_level4_list (
      set_id text PRIMARY KEY,
      version integer NOT NULL DEFAULT 1,
      source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE accreditation_level4_criterion (
      set_id text NOT NULL REFERENCES accreditation_level4_list(set_id) ON DELETE CASCADE,
      code text NOT NULL,
      position integer NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
      PRIMARY KEY (set_id, code)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE accreditation_level4_criterion`.execute(db);
  await sql`DROP TABLE accreditation_level4_list`.execute(db);
}
