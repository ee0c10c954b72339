import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// School-year promotion runs and transfers of students between schools.

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per transfer: kept for good (accepted, rejected or cancelled), so
  // both schools keep the record after the student has left.
  await sql`
    CREATE TABLE student_transfer (
      student_id uuid NOT NULL REFERENCES student(id),
      id uuid NOT NULL,
      school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      from_school_id uuid NOT NULL REFERENCES org_unit(id),
      from_class_id uuid,
      to_school_id uuid NOT NULL REFERENCES org_unit(id),
      to_class_id uuid,
      status text NOT NULL DEFAULT 'requested'
        CHECK (status IN ('requested','accepted','rejected','cancelled')),
      reason text NOT NULL CHECK (length(trim(reason)) > 0),
      decision_number text,
      decision_reason text,
      requested_at timestamptz NOT NULL DEFAULT now(),
      requested_by uuid,
      requested_by_name text NOT NULL,
      decided_at timestamptz,
      decided_by uuid,
      decided_by_name text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (student_id, id),
      CHECK (from_school_id <> to_school_id),
      CHECK ((status = 'requested') = (decided_at IS NULL)),
      CHECK (status <> 'accepted' OR to_class_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX student_transfer_id_idx ON student_transfer (id)`.execute(db);
  // At most one pending request per student.
  await sql`CREATE UNIQUE INDEX student_transfer_one_pending ON student_transfer (student_id)
            WHERE status = 'requested'`.execute(db);
  await sql`CREATE INDEX student_transfer_to_idx ON student_transfer (to_school_id, status)`.execute(
    db,
  );
  await sql`CREATE INDEX student_transfer_from_idx ON student_transfer (from_school_id, status)`.execute(
    db,
  );

  // One row per applied promotion of a school: enrolment has no audit trigger
  // (no id column), so the run's details (which student went where) are the
  // audited record of the new year's enrolments.
  await sql`
    CREATE TABLE promotion_run (
      school_id uuid NOT NULL REFERENCES org_unit(id),
      id uuid NOT NULL,
      from_year text NOT NULL CHECK (from_year ~ '^[0-9]{4}-[0-9]{4}$'),
      to_year text NOT NULL CHECK (to_year ~ '^[0-9]{4}-[0-9]{4}$'),
      promoted integer NOT NULL,
      repeating integer NOT NULL,
      graduated integer NOT NULL,
      skipped integer NOT NULL,
      not_promoted integer NOT NULL,
      classes_created integer NOT NULL,
      details jsonb NOT NULL,
      run_at timestamptz NOT NULL DEFAULT now(),
      run_by uuid,
      run_by_name text NOT NULL,
      PRIMARY KEY (school_id, id)
    )`.execute(db);
  await sql`CREATE INDEX promotion_run_year_idx ON promotion_run (school_id, from_year)`.execute(
    db,
  );

  // The transfer's audit entries are filed under the school the student
  // leaves (from_school_id): the student row's own update on acceptance is
  // filed under its new school_id, so the destination's log shows the arrival
  // and the origin's log shows the request and its outcome.
  for (const [table, unit] of [
    ['student_transfer', 'from_school_id'],
    ['promotion_run', 'school_id'],
  ] as const) {
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('${unit}')`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE promotion_run`.execute(db);
  await sql`DROP TABLE student_transfer`.execute(db);
}
