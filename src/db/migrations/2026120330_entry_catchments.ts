import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Entry-grade catchments (tuyến tuyển sinh, issue #15): the residential areas
// (thôn / tổ dân phố) of a commune, and which schools serve each one for the
// entry grades. An area may be served by several schools (the family then
// chooses). Audited like every table a person edits.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE entry_area (
      id uuid PRIMARY KEY,
      commune_id uuid NOT NULL REFERENCES org_unit (id),
      code text NOT NULL,
      name text NOT NULL,
      latitude double precision,
      longitude double precision,
      UNIQUE (commune_id, code),
      CHECK ((latitude IS NULL) = (longitude IS NULL))
    )`.execute(db);
  await sql`
    CREATE TABLE entry_catchment (
      id uuid PRIMARY KEY,
      area_id uuid NOT NULL REFERENCES entry_area (id) ON DELETE CASCADE,
      school_id uuid NOT NULL REFERENCES org_unit (id),
      grade smallint NOT NULL CHECK (grade IN (1, 6)),
      UNIQUE (area_id, school_id, grade)
    )`.execute(db);
  await sql`CREATE INDEX entry_catchment_school_idx ON entry_catchment (school_id)`.execute(db);
  for (const [table, unit] of [
    ['entry_area', 'commune_id'],
    ['entry_catchment', 'school_id'],
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
  await sql`DROP TABLE entry_catchment`.execute(db);
  await sql`DROP TABLE entry_area`.execute(db);
}
