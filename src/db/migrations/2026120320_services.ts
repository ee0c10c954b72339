import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Online public services (issue #19): the working calendar the department
// enters or imports, applications with their one-time codes, documents,
// history and results.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Announced days per year (docs/formats/services.md): a weekday off
  // (holiday) or a weekend day worked (workday). A year present here replaces
  // the built-in announcement of that year as a whole.
  await sql`
    CREATE TABLE services_calendar_day (
      date date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      source text,
      imported_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // One-time codes sent to an applicant's e-mail: only a hash is kept; a
  // code works once, for a few minutes and a few tries.
  await sql`
    CREATE TABLE services_otp (
      id uuid PRIMARY KEY,
      email text NOT NULL,
      personal_id text NOT NULL,
      code_hash text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX services_otp_email ON services_otp (email, created_at)`.execute(db);

  await sql`
    CREATE TABLE services_application (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      procedure text NOT NULL,
      authority_id uuid NOT NULL REFERENCES org_unit(id),
      personal_id text NOT NULL,
      full_name text NOT NULL,
      birth_date date NOT NULL,
      email text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL CHECK (status IN
        ('received', 'additions', 'handling', 'approval', 'done', 'refused')),
      channel text NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'counter')),
      received_at timestamptz NOT NULL,
      due_date date NOT NULL,
      stopped_at timestamptz,
      days_left integer,
      diploma_id uuid,
      result jsonb,
      result_sha256 text,
      finished_at timestamptz,
      finished_on_time boolean,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX services_application_open ON services_application (status, due_date)`.execute(
    db,
  );
  await sql`CREATE INDEX services_application_month ON services_application (procedure, received_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE services_document (
      id uuid PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES services_application(id),
      requirement text NOT NULL,
      file_name text NOT NULL,
      media_type text NOT NULL,
      size integer NOT NULL CHECK (size > 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE services_event (
      id uuid PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES services_application(id),
      kind text NOT NULL,
      status text NOT NULL,
      note text,
      actor text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX services_event_application ON services_event (application_id, at)`.execute(
    db,
  );

  // Reminders written by the daily job: once per application, kind and day.
  await sql`
    CREATE TABLE services_reminder (
      application_id uuid NOT NULL REFERENCES services_application(id),
      kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
      day date NOT NULL,
      PRIMARY KEY (application_id, kind, day)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'services_reminder',
    'services_event',
    'services_document',
    'services_application',
    'services_otp',
    'services_calendar_day',
  ])
    await sql`DROP TABLE ${sql.raw(t)}`.execute(db);
}
