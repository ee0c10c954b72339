import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Grade-10 admissions online (issue #14, docs/admissions.md). Staff-kept
// tables (campaign, program, candidate, result) carry the audit triggers; a
// candidate's own submissions are not audited rows but immutable versions
// (admission_submission, with time and address), and admission_current holds
// the version in force, whose `version` column is the optimistic check.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE admission_campaign (
      id uuid PRIMARY KEY,
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      name text NOT NULL,
      school_year text NOT NULL,
      grade int NOT NULL,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      confirm_by timestamptz,
      max_preferences int NOT NULL,
      rank_penalty int NOT NULL DEFAULT 0,
      ties text NOT NULL DEFAULT 'admit-all' CHECK (ties IN ('admit-all', 'tiebreak')),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'allocated', 'published')),
      allocated_at timestamptz,
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      CHECK (opens_at < closes_at),
      CHECK (confirm_by IS NULL OR confirm_by > closes_at)
    )`.execute(db);
  await sql`
    CREATE TABLE admission_program (
      campaign_id uuid NOT NULL REFERENCES admission_campaign(id) ON DELETE CASCADE,
      id text NOT NULL,
      school_id uuid NOT NULL REFERENCES org_unit(id),
      quota int NOT NULL CHECK (quota >= 0),
      seq int NOT NULL,
      admitted int,
      cutoff int,
      what_if jsonb,
      PRIMARY KEY (campaign_id, id)
    )`.execute(db);
  await sql`
    CREATE TABLE admission_candidate (
      campaign_id uuid NOT NULL REFERENCES admission_campaign(id) ON DELETE CASCADE,
      id uuid NOT NULL,
      code text NOT NULL,
      pin_hash text NOT NULL,
      student_id uuid,
      school_id uuid NOT NULL REFERENCES org_unit(id),
      full_name text NOT NULL,
      birth_date date NOT NULL,
      score int CHECK (score IS NULL OR score BETWEEN 0 AND 10000),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (id),
      UNIQUE (campaign_id, code)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX admission_candidate_student_idx ON admission_candidate (campaign_id, student_id) WHERE student_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX admission_candidate_school_idx ON admission_candidate (school_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE admission_current (
      candidate_id uuid PRIMARY KEY REFERENCES admission_candidate(id) ON DELETE CASCADE,
      campaign_id uuid NOT NULL,
      version int NOT NULL DEFAULT 0,
      preferences text[] NOT NULL DEFAULT '{}',
      submitted_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX admission_current_campaign_idx ON admission_current (campaign_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE admission_submission (
      candidate_id uuid NOT NULL REFERENCES admission_candidate(id) ON DELETE CASCADE,
      version int NOT NULL,
      campaign_id uuid NOT NULL,
      preferences text[] NOT NULL,
      submitted_at timestamptz NOT NULL,
      ip text,
      on_behalf_by text,
      PRIMARY KEY (candidate_id, version)
    )`.execute(db);
  // Versions are never changed or removed: the refusal is in the database.
  await sql`
    CREATE FUNCTION admission_submission_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'Các phiên bản đăng ký nguyện vọng chỉ được ghi thêm, không được sửa';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER admission_submission_no_update BEFORE UPDATE ON admission_submission
    FOR EACH ROW EXECUTE FUNCTION admission_submission_immutable()`.execute(db);
  await sql`
    CREATE TABLE admission_session (
      token_hash text PRIMARY KEY,
      candidate_id uuid NOT NULL REFERENCES admission_candidate(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      ip text,
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE admission_result (
      campaign_id uuid NOT NULL REFERENCES admission_campaign(id) ON DELETE CASCADE,
      id uuid NOT NULL REFERENCES admission_candidate(id) ON DELETE CASCADE,
      program text,
      rank int,
      round text NOT NULL DEFAULT 'main' CHECK (round IN ('main', 'top_up')),
      response text CHECK (response IN ('confirmed', 'declined', 'lapsed')),
      responded_at timestamptz,
      school_id uuid,
      PRIMARY KEY (id)
    )`.execute(db);
  await sql`CREATE INDEX admission_result_campaign_idx ON admission_result (campaign_id, program)`.execute(
    db,
  );

  for (const [table, unit, extra] of [
    ['admission_campaign', 'org_unit_id', ''],
    ['admission_program', 'school_id', ''],
    ['admission_candidate', 'school_id', ", 'secret:pin_hash'"],
    ['admission_result', 'school_id', ''],
  ] as const) {
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('${unit}'${extra})`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'admission_result',
    'admission_session',
    'admission_submission',
    'admission_current',
    'admission_candidate',
    'admission_program',
    'admission_campaign',
  ])
    await sql.raw(`DROP TABLE ${t} CASCADE`).execute(db);
  await sql`DROP FUNCTION admission_submission_immutable()`.execute(db);
}
