import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Parent surveys (issue #19), anonymous by design: an answer row holds the
// survey, the school and the class's grade it came from, never the code it
// was given with, nor the time it was given (ids are random, not time-ordered).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE survey_form (
      id uuid PRIMARY KEY,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      school_year text NOT NULL,
      scope_unit_id uuid NOT NULL REFERENCES org_unit(id),
      sections jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // A code answers once. Only its hash is kept, with the school and class it
  // was given for; nothing says which family received it, and using it
  // records no time.
  await sql`
    CREATE TABLE survey_code (
      code_hash text PRIMARY KEY,
      survey_id uuid NOT NULL REFERENCES survey_form(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      class_name text,
      used boolean NOT NULL DEFAULT false
    )`.execute(db);
  await sql`CREATE INDEX survey_code_school ON survey_code (survey_id, school_id)`.execute(db);

  await sql`
    CREATE TABLE survey_answer (
      id uuid PRIMARY KEY,
      survey_id uuid NOT NULL REFERENCES survey_form(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      scores jsonb NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX survey_answer_school ON survey_answer (survey_id, school_id)`.execute(db);

  // Free text kept apart from the answer it came with (no answer id), shown
  // to a school only once the department has approved it.
  await sql`
    CREATE TABLE survey_text (
      id uuid PRIMARY KEY,
      survey_id uuid NOT NULL REFERENCES survey_form(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      question_id text NOT NULL,
      body text NOT NULL,
      review text NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'approved', 'rejected'))
    )`.execute(db);
  await sql`CREATE INDEX survey_text_review ON survey_text (survey_id, review)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['survey_text', 'survey_answer', 'survey_code', 'survey_form'])
    await sql`DROP TABLE ${sql.raw(t)}`.execute(db);
}
