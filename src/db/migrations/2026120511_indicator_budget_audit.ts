import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The indicators module's yearly budget figures (issue #16: "budget share
// for education, from figures entered per year") become audited: a row id
// (the audit log names rows by id), who entered them and when, and the
// statement-level audit triggers every audited table has.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE indicator_budget
    ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    ADD COLUMN source text NOT NULL DEFAULT '',
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT indicator_budget_share CHECK (education_spending <= total_spending)`.execute(db);
  for (const [op, refs] of [
    ['INSERT', 'NEW TABLE AS new_rows'],
    ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['DELETE', 'OLD TABLE AS old_rows'],
  ] as const)
    await sql
      .raw(
        `CREATE TRIGGER indicator_budget_audit_${op.toLowerCase()} AFTER ${op} ON indicator_budget
         REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('unit_id')`,
      )
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const op of ['insert', 'update', 'delete'])
    await sql.raw(`DROP TRIGGER indicator_budget_audit_${op} ON indicator_budget`).execute(db);
  await sql`ALTER TABLE indicator_budget DROP CONSTRAINT indicator_budget_share,
    DROP COLUMN updated_at, DROP COLUMN source, DROP COLUMN id`.execute(db);
}
