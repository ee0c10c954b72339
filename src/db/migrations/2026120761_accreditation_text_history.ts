import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The report text's history and the council's comments (issue #18 item 4:
// "editable text kept in sogd with versions, comments by council members"):
// every save of a criterion's Part II text is kept as a version (who, when);
// comment threads per criterion, open or resolved.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accreditation_text_version (
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      criterion_code text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      description text NOT NULL,
      strengths text NOT NULL,
      weaknesses text NOT NULL,
      improvement_plan text NOT NULL,
      saved_by text NOT NULL,
      saved_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cycle_id, criterion_code, version)
    )`.execute(db);
  // The texts saved before versions were kept: their current version.
  await sql`
    INSERT INTO accreditation_text_version
      (cycle_id, criterion_code, version, description, strengths, weaknesses,
       improvement_plan, saved_by, saved_at)
    SELECT cycle_id, criterion_code, version, description, strengths, weaknesses,
           improvement_plan, updated_by, updated_at
    FROM accreditation_criterion_text`.execute(db);

  await sql`
    CREATE TABLE accreditation_comment (
      id uuid PRIMARY KEY,
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      criterion_code text NOT NULL,
      -- A reply names the thread's first comment; a thread is resolved on it.
      parent_id uuid REFERENCES accreditation_comment(id) ON DELETE CASCADE,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
      -- The text's version the comment was written on (0: no text yet).
      text_version integer NOT NULL DEFAULT 0,
      author text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by text,
      CHECK (parent_id IS NULL OR resolved_at IS NULL)
    )`.execute(db);
  await sql`CREATE INDEX accreditation_comment_cycle ON accreditation_comment (cycle_id, criterion_code, created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE accreditation_comment`.execute(db);
  await sql`DROP TABLE accreditation_text_version`.execute(db);
}
