import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The indicators module's own tables: plans with their targets (issue #16,
// point 2) and the yearly budget figures entered by the department.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE indicator_plan (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      name text NOT NULL,
      decision text NOT NULL,
      decision_date date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (unit_id, decision)
    )`.execute(db);
  // One target per plan, indicator and school year (the year it must be reached).
  await sql`
    CREATE TABLE indicator_target (
      plan_id uuid NOT NULL REFERENCES indicator_plan(id) ON DELETE CASCADE,
      indicator_id text NOT NULL,
      school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      value double precision NOT NULL,
      PRIMARY KEY (plan_id, indicator_id, school_year)
    )`.execute(db);
  await sql`
    CREATE TABLE indicator_budget (
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      education_spending double precision NOT NULL CHECK (education_spending >= 0),
      total_spending double precision NOT NULL CHECK (total_spending > 0),
      PRIMARY KEY (unit_id, year)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE indicator_budget`.execute(db);
  await sql`DROP TABLE indicator_target`.execute(db);
  await sql`DROP TABLE indicator_plan`.execute(db);
}
