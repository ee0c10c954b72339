import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// A unit's location (a school's gate, WGS 84 decimal degrees): the entry-grade
// assignment's distance criterion and its "nearest school with free seats"
// overflow offer measure from it (docs/entry-enrolment.md). Both or neither,
// and inside Viet Nam's mainland and islands, generously (lat 8–24, lon
// 102–118): a swapped or mistyped pair is refused by the database too.
// orgs_unit_v, the view orgs publishes to other modules (migration
// 2026120230), gains the two columns at its end (CREATE OR REPLACE VIEW may
// only append), so the views' readers keep their columns.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE org_unit
      ADD COLUMN latitude double precision,
      ADD COLUMN longitude double precision,
      -- Written so that no part is NULL when one coordinate is: a CHECK passes on NULL.
      ADD CONSTRAINT org_unit_location_check CHECK (
        (latitude IS NULL) = (longitude IS NULL)
        AND (latitude IS NULL OR (latitude BETWEEN 8 AND 24 AND longitude BETWEEN 102 AND 118))
      )`.execute(db);
  await sql`
    CREATE OR REPLACE VIEW orgs_unit_v AS
    SELECT id, code, name, kind, parent_id, path, depth, levels, ownership, active,
           latitude, longitude
    FROM org_unit
    WHERE merged_into_id IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW orgs_unit_v`.execute(db);
  await sql`
    CREATE VIEW orgs_unit_v AS
    SELECT id, code, name, kind, parent_id, path, depth, levels, ownership, active
    FROM org_unit
    WHERE merged_into_id IS NULL`.execute(db);
  await sql`
    ALTER TABLE org_unit
      DROP CONSTRAINT org_unit_location_check,
      DROP COLUMN latitude,
      DROP COLUMN longitude`.execute(db);
}
