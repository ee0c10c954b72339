import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Closing a parent survey (issue #19): an optional last day for answers
// (`ends_on`, the survey closes itself the next morning) and the moment it
// was closed. The form's row is now audited (who created, closed or edited
// it); answers, codes and texts stay without audit, anonymous by design.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE survey_form ADD COLUMN ends_on date, ADD COLUMN closed_at timestamptz`.execute(
    db,
  );
  await sql`
    CREATE INDEX survey_form_open_ends ON survey_form (ends_on) WHERE status = 'open'
  `.execute(db);
  for (const [op, refs] of [
    ['INSERT', 'NEW TABLE AS new_rows'],
    ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['DELETE', 'OLD TABLE AS old_rows'],
  ] as const)
    await sql
      .raw(
        `CREATE TRIGGER survey_form_audit_${op.toLowerCase()} AFTER ${op} ON survey_form
         REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('scope_unit_id')`,
      )
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const op of ['insert', 'update', 'delete'])
    await sql.raw(`DROP TRIGGER survey_form_audit_${op} ON survey_form`).execute(db);
  await sql`DROP INDEX survey_form_open_ends`.execute(db);
  await sql`ALTER TABLE survey_form DROP COLUMN ends_on, DROP COLUMN closed_at`.execute(db);
}
