import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The indicators module's summary of classes and pupils (issue #16,
// "Speed"): per school, school year, grade (0: preschool), sessions a day
// and preschool group, the counts the indicators and the teacher norms sum.
// Exact, not sampled: a school and year is recomputed from the registry's
// views whenever the registry's change feed (registry_change_v) names it,
// before any answer reads it (docs/indicators.md, "Summaries").

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE indicator_class_summary (
      school_id uuid NOT NULL,
      school_year text NOT NULL,
      grade smallint NOT NULL CHECK (grade BETWEEN 0 AND 12),
      level text NOT NULL
        CHECK (level IN ('preschool','primary','lower_secondary','upper_secondary')),
      sessions_per_day smallint NOT NULL,
      preschool_group text NOT NULL CHECK (preschool_group IN ('', 'nursery', 'kindergarten')),
      classes integer NOT NULL,
      students integer NOT NULL,
      classes_over_max integer NOT NULL,
      empty_classes integer NOT NULL,
      female_students integer NOT NULL,
      male_students integer NOT NULL,
      ethnic_minority_students integer NOT NULL,
      PRIMARY KEY (school_id, school_year, grade, sessions_per_day, preschool_group)
    )`.execute(db);
  await sql`CREATE INDEX indicator_class_summary_year_idx
    ON indicator_class_summary (school_year, school_id)`.execute(db);
  // When each school and year was last recomputed: the freshness the page shows.
  await sql`
    CREATE TABLE indicator_summary_stamp (
      school_id uuid NOT NULL,
      school_year text NOT NULL,
      refreshed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (school_id, school_year)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE indicator_summary_stamp`.execute(db);
  await sql`DROP TABLE indicator_class_summary`.execute(db);
}
