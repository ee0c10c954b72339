import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Quality accreditation and national-standard recognition (issue #18): the
// department's campaigns (one standard set each), every school's
// self-assessment cycle, its council, ratings per requirement citing
// evidence, the evidence (files kept in the file store by SHA-256, or links),
// the report's text per criterion, the review's events and the recognition.
// The standard sets themselves are data in the module (sets/), named by id.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accreditation_campaign (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      set_id text NOT NULL,
      school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      evidence_format text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE accreditation_cycle (
      id uuid PRIMARY KEY,
      campaign_id uuid NOT NULL REFERENCES accreditation_campaign(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      status text NOT NULL DEFAULT 'in_progress'
        CHECK (status IN ('in_progress', 'submitted', 'returned', 'accepted')),
      version integer NOT NULL DEFAULT 1,
      submitted_at timestamptz,
      reviewed_at timestamptz,
      -- sogd's figures for the school, frozen when it submits.
      frozen_data jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (campaign_id, school_id)
    )`.execute(db);
  await sql`CREATE INDEX accreditation_cycle_school ON accreditation_cycle (school_id)`.execute(db);

  await sql`
    CREATE TABLE accreditation_member (
      id uuid PRIMARY KEY,
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
      position text,
      role text NOT NULL CHECK (role IN ('chair', 'vice_chair', 'secretary', 'member')),
      user_id uuid REFERENCES app_user(id),
      criteria text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX accreditation_member_cycle ON accreditation_member (cycle_id)`.execute(db);

  await sql`
    CREATE TABLE accreditation_evidence (
      id uuid PRIMARY KEY,
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      code text NOT NULL,
      box integer NOT NULL CHECK (box BETWEEN 1 AND 99),
      criterion_code text NOT NULL,
      number integer NOT NULL CHECK (number BETWEEN 1 AND 999),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      issuer text,
      issued_on date,
      kind text NOT NULL CHECK (kind IN ('file', 'link')),
      sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint,
      file_name text,
      media_type text,
      url text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (cycle_id, code),
      UNIQUE (cycle_id, criterion_code, box, number),
      CHECK ((kind = 'file') = (sha256 IS NOT NULL)),
      CHECK ((kind = 'link') = (url IS NOT NULL))
    )`.execute(db);
  // Identical files across schools (against copying).
  await sql`CREATE INDEX accreditation_evidence_sha256 ON accreditation_evidence (sha256)`.execute(
    db,
  );

  await sql`
    CREATE TABLE accreditation_rating (
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      requirement_code text NOT NULL,
      met boolean NOT NULL,
      justification text NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cycle_id, requirement_code)
    )`.execute(db);

  // A rating cites evidence by code; the evidence is stored once.
  await sql`
    CREATE TABLE accreditation_citation (
      cycle_id uuid NOT NULL,
      requirement_code text NOT NULL,
      evidence_id uuid NOT NULL REFERENCES accreditation_evidence(id) ON DELETE CASCADE,
      PRIMARY KEY (cycle_id, requirement_code, evidence_id),
      FOREIGN KEY (cycle_id, requirement_code)
        REFERENCES accreditation_rating(cycle_id, requirement_code) ON DELETE CASCADE
    )`.execute(db);

  // Part II of the report, per criterion.
  await sql`
    CREATE TABLE accreditation_criterion_text (
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      criterion_code text NOT NULL,
      description text NOT NULL DEFAULT '',
      strengths text NOT NULL DEFAULT '',
      weaknesses text NOT NULL DEFAULT '',
      improvement_plan text NOT NULL DEFAULT '',
      version integer NOT NULL DEFAULT 1,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cycle_id, criterion_code)
    )`.execute(db);

  await sql`
    CREATE TABLE accreditation_event (
      id uuid PRIMARY KEY,
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('submitted', 'returned', 'accepted', 'recognised')),
      comment text,
      actor text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX accreditation_event_cycle ON accreditation_event (cycle_id, at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE accreditation_recognition (
      id uuid PRIMARY KEY,
      cycle_id uuid NOT NULL UNIQUE REFERENCES accreditation_cycle(id),
      school_id uuid NOT NULL REFERENCES org_unit(id),
      accreditation_level integer NOT NULL CHECK (accreditation_level BETWEEN 0 AND 4),
      national_standard_level integer NOT NULL CHECK (national_standard_level BETWEEN 0 AND 2),
      decision text NOT NULL,
      decided_on date NOT NULL,
      valid_until date NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'accreditation_recognition',
    'accreditation_event',
    'accreditation_criterion_text',
    'accreditation_citation',
    'accreditation_rating',
    'accreditation_evidence',
    'accreditation_member',
    'accreditation_cycle',
    'accreditation_campaign',
  ])
    await sql`DROP TABLE ${sql.table(t)}`.execute(db);
}
