import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Grade-10 admissions in two stages (issue #14; TT 30/2024/TT-BGDĐT Điều 13
// and the provinces' plans: Hà Nội, TP.HCM): specialised (chuyên) and
// integrated (tích hợp) programs are allocated first; a candidate admitted
// there who confirms leaves the regular stage, one not admitted, declining or
// not answering by `specialised_confirm_by` goes on with the regular
// preferences.
// - admission_program.track: which stage a program belongs to;
// - admission_program_score: a candidate's score for one program where it
//   differs from the general one (a specialised school weighs its own exam;
//   admissions-allocation.md lets scores differ by program);
// - admission_specialised_result: the first stage's result and answer, kept
//   apart so the regular stage's result (admission_result) never overwrites
//   it; keyed by the candidate's id, named `id` as the audit trigger reads it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE admission_program ADD COLUMN track text NOT NULL DEFAULT 'regular'
      CHECK (track IN ('regular', 'specialised', 'integrated'))`.execute(db);
  await sql`
    ALTER TABLE admission_campaign
      ADD COLUMN specialised_status text CHECK (specialised_status IN ('allocated', 'published')),
      ADD COLUMN specialised_confirm_by timestamptz,
      ADD COLUMN specialised_allocated_at timestamptz`.execute(db);
  await sql`
    CREATE TABLE admission_program_score (
      id uuid NOT NULL REFERENCES admission_candidate(id) ON DELETE CASCADE,
      campaign_id uuid NOT NULL,
      program text NOT NULL,
      score int NOT NULL CHECK (score BETWEEN 0 AND 10000),
      school_id uuid NOT NULL,
      PRIMARY KEY (id, program),
      FOREIGN KEY (campaign_id, program) REFERENCES admission_program(campaign_id, id)
    )`.execute(db);
  await sql`
    CREATE TABLE admission_specialised_result (
      id uuid PRIMARY KEY REFERENCES admission_candidate(id) ON DELETE CASCADE,
      campaign_id uuid NOT NULL,
      program text,
      rank int,
      response text CHECK (response IN ('confirmed', 'declined', 'lapsed')),
      responded_at timestamptz,
      school_id uuid
    )`.execute(db);
  await sql`CREATE INDEX admission_specialised_result_campaign_idx ON admission_specialised_result (campaign_id, program)`.execute(
    db,
  );
  await sql`ALTER TABLE admission_result DROP CONSTRAINT admission_result_round_check`.execute(db);
  await sql`
    ALTER TABLE admission_result ADD CONSTRAINT admission_result_round_check
      CHECK (round IN ('main', 'top_up', 'direct', 'specialised'))`.execute(db);
  for (const table of ['admission_program_score', 'admission_specialised_result']) {
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
  await sql`DELETE FROM admission_result WHERE round = 'specialised'`.execute(db);
  await sql`ALTER TABLE admission_result DROP CONSTRAINT admission_result_round_check`.execute(db);
  await sql`
    ALTER TABLE admission_result ADD CONSTRAINT admission_result_round_check
      CHECK (round IN ('main', 'top_up', 'direct'))`.execute(db);
  await sql`DROP TABLE admission_specialised_result`.execute(db);
  await sql`DROP TABLE admission_program_score`.execute(db);
  await sql`
    ALTER TABLE admission_campaign DROP COLUMN specialised_allocated_at,
      DROP COLUMN specialised_confirm_by, DROP COLUMN specialised_status`.execute(db);
  await sql`ALTER TABLE admission_program DROP COLUMN track`.execute(db);
}
