import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Owned by the registry module: the facts reports need that the registry did
// not record yet, and the views it publishes for them. Reports (indicators)
// read registry data only through these views (docs/ARCHITECTURE.md,
// dependency rules); the registry keeps their columns when its tables change.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The level a teacher teaches in a multi-level school (issue #16: the
  // surplus/shortage is per school and level). NULL: the school's highest level.
  await sql`
    ALTER TABLE staff ADD COLUMN level_taught text
      CHECK (level_taught IN ('preschool','primary','lower_secondary','upper_secondary'))`.execute(
    db,
  );
  // Preschool classes are either a nursery group (nhóm trẻ, under 3) or a
  // kindergarten class (lớp mẫu giáo, 3–6): TT 19/2023 gives them different
  // norms. NULL on a preschool class reads as a kindergarten class.
  await sql`
    ALTER TABLE class ADD COLUMN preschool_group text
      CHECK (preschool_group IN ('nursery','kindergarten'))`.execute(db);
  // The school type the teacher norms distinguish (TT 20/2023): ordinary,
  // boarding school for ethnic minorities (PTDTNT), semi-boarding (PTDTBT,
  // the ordinary norm of its level) and specialised upper secondary (chuyên).
  await sql`
    ALTER TABLE school_year_profile ADD COLUMN school_type text NOT NULL DEFAULT 'ordinary'
      CHECK (school_type IN ('ordinary','boarding_ethnic','semi_boarding_ethnic','specialised'))`.execute(
    db,
  );

  // A class's level follows its grade (1–5 primary, 6–9 lower secondary,
  // 10–12 upper secondary); preschool classes have no grade.
  await sql`
    CREATE VIEW registry_class_v AS
    SELECT c.id AS class_id, c.school_id, c.school_year, c.name, c.grade,
      CASE WHEN c.grade IS NULL THEN 'preschool'
           WHEN c.grade <= 5 THEN 'primary'
           WHEN c.grade <= 9 THEN 'lower_secondary'
           ELSE 'upper_secondary' END AS level,
      c.sessions_per_day,
      CASE WHEN c.grade IS NULL THEN COALESCE(c.preschool_group, 'kindergarten') END
        AS preschool_group,
      (SELECT count(*) FROM enrolment e WHERE e.class_id = c.id)::integer AS students
    FROM class c`.execute(db);
  await sql`
    CREATE VIEW registry_staff_v AS
    SELECT id AS staff_id, school_id, position, main_subject, level_taught, active,
      gender, birth_date
    FROM staff`.execute(db);
  await sql`
    CREATE VIEW registry_school_year_v AS
    SELECT school_id, school_year, national_standard_level, accreditation_level,
      two_sessions_a_day, school_type
    FROM school_year_profile`.execute(db);
  await sql`
    CREATE VIEW registry_enrolment_v AS
    SELECT e.student_id, e.school_year, e.school_id, e.class_id, c.grade,
      s.gender, s.ethnicity, s.birth_date, s.status
    FROM enrolment e
    JOIN class c ON c.id = e.class_id
    JOIN student s ON s.id = e.student_id`.execute(db);
  await sql`
    CREATE VIEW registry_facility_v AS
    SELECT school_id, school_year, room_type, condition, room_count
    FROM facility`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const v of [
    'registry_facility_v',
    'registry_enrolment_v',
    'registry_school_year_v',
    'registry_staff_v',
    'registry_class_v',
  ])
    await sql.raw(`DROP VIEW ${v}`).execute(db);
  await sql`ALTER TABLE school_year_profile DROP COLUMN school_type`.execute(db);
  await sql`ALTER TABLE class DROP COLUMN preschool_group`.execute(db);
  await sql`ALTER TABLE staff DROP COLUMN level_taught`.execute(db);
}
