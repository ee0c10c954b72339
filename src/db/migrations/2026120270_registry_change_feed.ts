import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Owned by the registry module: a change feed for report summaries (issue
// #16, "Speed"). Each row says that the classes or enrolments of one school
// and school year changed (a class added, edited, moved or removed; a pupil
// enrolled, moved or removed; a pupil's gender, ethnicity, birth date or
// status edited). Statement-level triggers write one row per school and year
// a statement touches, from the transition tables, so a bulk import adds a
// few rows, not one per pupil. Rows are only appended: concurrent writers
// never wait on each other here. The indicators module is the feed's one
// reader: it removes the rows whose changes it has applied to its summaries
// (docs/indicators.md, "Summaries").

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE registry_change (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      school_id uuid NOT NULL,
      school_year text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX registry_change_school_idx ON registry_change (school_id)`.execute(db);

  // TG_ARGV[0]: 'own' when the table has school_id and school_year (class,
  // enrolment); 'student' when the years come from the pupil's enrolments.
  await sql`
    CREATE FUNCTION sogd_registry_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_ARGV[0] = 'student' THEN
        INSERT INTO registry_change (school_id, school_year)
        SELECT DISTINCT e.school_id, e.school_year
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        JOIN enrolment e ON e.student_id = n.id
        WHERE (n.gender, n.ethnicity, n.birth_date, n.status)
          IS DISTINCT FROM (o.gender, o.ethnicity, o.birth_date, o.status);
      ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO registry_change (school_id, school_year)
        SELECT DISTINCT school_id, school_year FROM new_rows;
      ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO registry_change (school_id, school_year)
        SELECT DISTINCT school_id, school_year FROM old_rows;
      ELSE
        INSERT INTO registry_change (school_id, school_year)
        SELECT school_id, school_year FROM new_rows
        UNION SELECT school_id, school_year FROM old_rows;
      END IF;
      RETURN NULL;
    END $fn$`.execute(db);

  for (const table of ['class', 'enrolment'])
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const)
      await sql
        .raw(
          `CREATE TRIGGER ${table}_change_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_registry_change('own')`,
        )
        .execute(db);
  await sql`
    CREATE TRIGGER student_change_update AFTER UPDATE ON student
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sogd_registry_change('student')`.execute(db);

  // What exists already counts as changed: the first summary reads it all.
  await sql`
    INSERT INTO registry_change (school_id, school_year)
    SELECT DISTINCT school_id, school_year FROM class`.execute(db);

  await sql`
    CREATE VIEW registry_change_v AS
    SELECT id, school_id, school_year, changed_at FROM registry_change`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW registry_change_v`.execute(db);
  await sql`DROP TRIGGER student_change_update ON student`.execute(db);
  for (const table of ['class', 'enrolment'])
    for (const op of ['insert', 'update', 'delete'])
      await sql.raw(`DROP TRIGGER ${table}_change_${op} ON ${table}`).execute(db);
  await sql`DROP FUNCTION sogd_registry_change()`.execute(db);
  await sql`DROP TABLE registry_change`.execute(db);
}
