import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// A view of the orgs module's accounts, published for the office (issue #12:
// other modules read orgs' data through its views, never app_user itself):
// who a document is assigned to, and the members of a unit. Written in the
// office's migration range because the office is its first reader; it
// belongs to orgs, and changing app_user means keeping these columns.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE VIEW orgs_user_v AS
    SELECT id, full_name, org_unit_id, active
    FROM app_user`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW orgs_user_v`.execute(db);
}
