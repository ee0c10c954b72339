import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The staff record (issue #13 item 5): a rank (ngạch, hạng chức danh nghề
// nghiệp), the day and reason a person left the school (never a deletion),
// and training entries (bồi dưỡng, đào tạo), audited like the staff row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE staff
      ADD COLUMN rank text,
      ADD COLUMN left_on date,
      ADD COLUMN leave_reason text`.execute(db);
  await sql`
    CREATE TABLE staff_training (
      id uuid PRIMARY KEY,
      staff_id uuid NOT NULL REFERENCES staff (id),
      school_id uuid NOT NULL,
      from_date date NOT NULL,
      to_date date,
      content text NOT NULL,
      certificate text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (to_date IS NULL OR to_date >= from_date)
    )`.execute(db);
  await sql`CREATE INDEX staff_training_staff_idx ON staff_training (staff_id)`.execute(db);
  for (const [op, refs] of [
    ['INSERT', 'NEW TABLE AS new_rows'],
    ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['DELETE', 'OLD TABLE AS old_rows'],
  ] as const)
    await sql
      .raw(
        `CREATE TRIGGER staff_training_audit_${op.toLowerCase()} AFTER ${op} ON staff_training
         REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('school_id')`,
      )
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE staff_training`.execute(db);
  await sql`ALTER TABLE staff DROP COLUMN rank, DROP COLUMN left_on, DROP COLUMN leave_reason`.execute(
    db,
  );
}
