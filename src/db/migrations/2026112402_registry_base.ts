import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Base registry tables that the demo province fills; the registry module grows them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE class (
      school_id uuid NOT NULL REFERENCES org_unit(id),
      id uuid NOT NULL,
      school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      name text NOT NULL,
      grade smallint CHECK (grade BETWEEN 1 AND 12),
      sessions_per_day smallint NOT NULL DEFAULT 1 CHECK (sessions_per_day IN (1, 2)),
      homeroom_staff_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (school_id, id),
      UNIQUE (school_id, school_year, name)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX class_id_idx ON class (id)`.execute(db);

  await sql`
    CREATE TABLE student (
      id uuid PRIMARY KEY,
      school_id uuid NOT NULL REFERENCES org_unit(id),
      personal_id text UNIQUE CHECK (personal_id ~ '^[0-9]{12}$'),
      student_code text UNIQUE,
      full_name text NOT NULL,
      family_name text NOT NULL,
      middle_name text NOT NULL,
      given_name text NOT NULL,
      search_name text NOT NULL,
      birth_date date NOT NULL,
      gender text NOT NULL CHECK (gender IN ('male','female')),
      ethnicity text,
      birth_place text,
      address text,
      guardian_name text,
      phone text,
      status text NOT NULL DEFAULT 'studying'
        CHECK (status IN ('studying','transferred','dropped_out','graduated')),
      status_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX student_school_idx ON student (school_id)`.execute(db);
  await sql`CREATE INDEX student_search_idx ON student (search_name text_pattern_ops)`.execute(db);

  await sql`
    CREATE TABLE enrolment (
      student_id uuid NOT NULL REFERENCES student(id),
      school_year text NOT NULL,
      school_id uuid NOT NULL,
      class_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (student_id, school_year),
      FOREIGN KEY (school_id, class_id) REFERENCES class(school_id, id) ON UPDATE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX enrolment_class_idx ON enrolment (class_id)`.execute(db);

  await sql`
    CREATE TABLE staff (
      id uuid PRIMARY KEY,
      school_id uuid NOT NULL REFERENCES org_unit(id),
      full_name text NOT NULL,
      family_name text NOT NULL,
      middle_name text NOT NULL,
      given_name text NOT NULL,
      search_name text NOT NULL,
      birth_date date NOT NULL,
      gender text NOT NULL CHECK (gender IN ('male','female')),
      personal_id text UNIQUE CHECK (personal_id ~ '^[0-9]{12}$'),
      position text NOT NULL CHECK (position IN ('teacher','manager','staff')),
      main_subject text,
      qualification text,
      employment_type text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX staff_school_idx ON staff (school_id)`.execute(db);
  await sql`CREATE INDEX staff_search_idx ON staff (search_name text_pattern_ops)`.execute(db);

  for (const table of ['class', 'student', 'staff']) {
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('school_id')`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['enrolment', 'staff', 'student', 'class']) {
    await sql.raw(`DROP TABLE ${t} CASCADE`).execute(db);
  }
}
