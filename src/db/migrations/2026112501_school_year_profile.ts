import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// School attributes that change from one school year to the next, and the
// school's rooms (cơ sở vật chất) per year. Reports read them for the
// national-standard rate, the two-sessions-a-day rate and room counts.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Levels (../shared/reference/vn-regulations.md §2):
  // - national_standard_level: trường đạt chuẩn quốc gia, 0 = chưa đạt, 1 = Mức độ 1,
  //   2 = Mức độ 2 (TT 17/2018 tiểu học, TT 18/2018 THCS/THPT, TT 19/2018 mầm non);
  //   recognised by a decision after external evaluation, valid 5 years.
  // - accreditation_level: cấp độ kiểm định chất lượng giáo dục, 0 = chưa đạt, 1..4
  //   (same circulars; Cấp độ n follows school result Mức n).
  // - two_sessions_a_day: học 2 buổi/ngày (mostly primary schools).
  await sql`
    CREATE TABLE school_year_profile (
      school_id uuid NOT NULL REFERENCES org_unit(id),
      school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      id uuid NOT NULL,
      national_standard_level smallint NOT NULL DEFAULT 0
        CHECK (national_standard_level BETWEEN 0 AND 2),
      national_standard_decision text,
      national_standard_date date,
      accreditation_level smallint NOT NULL DEFAULT 0 CHECK (accreditation_level BETWEEN 0 AND 4),
      two_sessions_a_day boolean NOT NULL DEFAULT false,
      notes text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (school_id, school_year),
      UNIQUE (school_id, id)
    )`.execute(db);

  // One row per (school, year, room type, condition): counts, not individual rooms.
  await sql`
    CREATE TABLE facility (
      school_id uuid NOT NULL REFERENCES org_unit(id),
      school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      room_type text NOT NULL CHECK (room_type IN (
        'classroom', 'subject_room', 'library', 'laboratory', 'computer_room',
        'language_room', 'multipurpose_hall', 'equipment_room', 'medical_room',
        'administration', 'staff_room', 'kitchen', 'toilet', 'other')),
      condition text NOT NULL CHECK (condition IN ('solid', 'semi_solid', 'temporary')),
      id uuid NOT NULL,
      room_count integer NOT NULL CHECK (room_count BETWEEN 0 AND 10000),
      area_m2 double precision CHECK (area_m2 >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (school_id, school_year, room_type, condition),
      UNIQUE (school_id, id)
    )`.execute(db);
  await sql`CREATE INDEX facility_year_idx ON facility (school_year)`.execute(db);
  await sql`CREATE INDEX school_year_profile_year_idx ON school_year_profile (school_year)`.execute(
    db,
  );

  for (const table of ['school_year_profile', 'facility']) {
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('school_id')`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE facility`.execute(db);
  await sql`DROP TABLE school_year_profile`.execute(db);
}
