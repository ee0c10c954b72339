import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The indicators module's plans and their targets become audited (issue #16,
// point 2; docs/ENGINEERING.md "Audit"): who entered, changed or imported
// which target of which plan, before and after. The audit log names rows by
// id and files them under an org unit, so each target gets its own id and
// the plan's unit (kept equal to the plan's: a plan never changes unit).
// Then the statement-level audit triggers every audited table has.

const TABLES = ['indicator_plan', 'indicator_target'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE indicator_target
    ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    ADD COLUMN unit_id uuid REFERENCES org_unit(id)`.execute(db);
  await sql`UPDATE indicator_target t SET unit_id = p.unit_id
    FROM indicator_plan p WHERE p.id = t.plan_id`.execute(db);
  await sql`ALTER TABLE indicator_target ALTER COLUMN unit_id SET NOT NULL`.execute(db);
  for (const table of TABLES)
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const)
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('unit_id')`,
        )
        .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    for (const op of ['insert', 'update', 'delete'])
      await sql.raw(`DROP TRIGGER ${table}_audit_${op} ON ${table}`).execute(db);
  await sql`ALTER TABLE indicator_target DROP COLUMN unit_id, DROP COLUMN id`.execute(db);
}
