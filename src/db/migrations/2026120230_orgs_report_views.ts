import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Owned by the orgs module: the view it publishes for reports (indicators),
// which read other modules' data only through views like this one, never the
// tables (docs/ARCHITECTURE.md, dependency rules). Changing org_unit means
// keeping this view's columns.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE VIEW orgs_unit_v AS
    SELECT id, code, name, kind, parent_id, path, depth, levels, ownership, active
    FROM org_unit
    WHERE merged_into_id IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW orgs_unit_v`.execute(db);
}
