import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The indicators module's statistical reports (issue #16, point 5; TT
// 25/2024/TT-BGDĐT): one row per school, school year and period once the
// school starts it (no row: not started), with the figures sogd does not
// hold as the school entered them, its status and who moved it on; and the
// reminders sent before the due date (one per school, report and day).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE indicator_report (
      id uuid PRIMARY KEY,
      school_id uuid NOT NULL REFERENCES org_unit(id),
      school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      period text NOT NULL CHECK (period IN ('start', 'end')),
      status text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved')),
      entered jsonb NOT NULL DEFAULT '{}',
      submitted_at timestamptz,
      submitted_by text,
      approved_at timestamptz,
      approved_by text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (school_id, school_year, period)
    )`.execute(db);
  await sql`
    CREATE TABLE indicator_report_reminder (
      school_id uuid NOT NULL REFERENCES org_unit(id),
      school_year text NOT NULL,
      period text NOT NULL,
      reminded_on date NOT NULL,
      PRIMARY KEY (school_id, school_year, period, reminded_on)
    )`.execute(db);
  for (const [op, refs] of [
    ['INSERT', 'NEW TABLE AS new_rows'],
    ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['DELETE', 'OLD TABLE AS old_rows'],
  ] as const)
    await sql
      .raw(
        `CREATE TRIGGER indicator_report_audit_${op.toLowerCase()} AFTER ${op} ON indicator_report
         REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('school_id')`,
      )
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE indicator_report_reminder`.execute(db);
  await sql`DROP TABLE indicator_report`.execute(db);
}
