import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Grade-10 admissions, rules beyond the first slice (issue #14,
// docs/admissions.md):
// - zones: with `zone_ranks` = N, preferences 1..N must be programs of the
//   candidate's zone (Hà Nội: NV1 and NV2 in the zone, NV3 anywhere);
// - a change window: registration ends at `first_closes_at`, the counts are
//   published, and from `change_opens_at` until `closes_at` candidates who
//   registered may change (TP.HCM's adjustment period);
// - direct admission (tuyển thẳng, TT 30/2024/TT-BGDĐT Điều 14 khoản 1):
//   a candidate admitted to a program before the allocation, on a stated
//   basis, taking one of its seats;
// - priority claims (Điều 14 khoản 2, 3) with evidence in the file store,
//   checked by the candidate's lower-secondary school.
// Both tables are keyed by the candidate's id, named `id` as the audit
// trigger reads it (as admission_result is).
// Free candidates (not in the registry): student_id null, added_by set.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE admission_campaign
      ADD COLUMN zone_ranks int CHECK (zone_ranks BETWEEN 1 AND 10),
      ADD COLUMN first_closes_at timestamptz,
      ADD COLUMN change_opens_at timestamptz,
      ADD CONSTRAINT admission_campaign_change_window CHECK (
        (first_closes_at IS NULL) = (change_opens_at IS NULL)
        AND (first_closes_at IS NULL OR (opens_at < first_closes_at
          AND first_closes_at <= change_opens_at AND change_opens_at < closes_at)))`.execute(db);
  await sql`ALTER TABLE admission_program ADD COLUMN zone text`.execute(db);
  await sql`ALTER TABLE admission_candidate ADD COLUMN zone text`.execute(db);
  await sql`ALTER TABLE admission_candidate ADD COLUMN added_by text`.execute(db);
  await sql`ALTER TABLE admission_result DROP CONSTRAINT admission_result_round_check`.execute(db);
  await sql`
    ALTER TABLE admission_result ADD CONSTRAINT admission_result_round_check
      CHECK (round IN ('main', 'top_up', 'direct'))`.execute(db);
  await sql`
    CREATE TABLE admission_direct (
      id uuid PRIMARY KEY REFERENCES admission_candidate(id) ON DELETE CASCADE,
      campaign_id uuid NOT NULL,
      program text NOT NULL,
      basis text NOT NULL CHECK (length(basis) BETWEEN 1 AND 500),
      school_id uuid NOT NULL,
      FOREIGN KEY (campaign_id, program) REFERENCES admission_program(campaign_id, id)
    )`.execute(db);
  await sql`CREATE INDEX admission_direct_campaign_idx ON admission_direct (campaign_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE admission_priority_claim (
      id uuid PRIMARY KEY REFERENCES admission_candidate(id) ON DELETE CASCADE,
      campaign_id uuid NOT NULL,
      school_id uuid NOT NULL,
      priority_group text NOT NULL CHECK (priority_group IN ('none','group1','group2','group3')),
      prize text NOT NULL CHECK (prize IN ('none','first','second','third')),
      file_sha256 text NOT NULL,
      file_name text NOT NULL,
      file_size bigint NOT NULL,
      file_type text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','refused')),
      note text,
      checked_by text,
      checked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX admission_priority_claim_campaign_idx ON admission_priority_claim (campaign_id, school_id)`.execute(
    db,
  );
  for (const table of ['admission_direct', 'admission_priority_claim']) {
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
  await sql`DROP TABLE admission_priority_claim`.execute(db);
  await sql`DROP TABLE admission_direct`.execute(db);
  await sql`DELETE FROM admission_result WHERE round = 'direct'`.execute(db);
  await sql`ALTER TABLE admission_result DROP CONSTRAINT admission_result_round_check`.execute(db);
  await sql`
    ALTER TABLE admission_result ADD CONSTRAINT admission_result_round_check
      CHECK (round IN ('main', 'top_up'))`.execute(db);
  await sql`ALTER TABLE admission_candidate DROP COLUMN added_by`.execute(db);
  await sql`ALTER TABLE admission_candidate DROP COLUMN zone`.execute(db);
  await sql`ALTER TABLE admission_program DROP COLUMN zone`.execute(db);
  await sql`
    ALTER TABLE admission_campaign DROP CONSTRAINT admission_campaign_change_window,
      DROP COLUMN change_opens_at, DROP COLUMN first_closes_at, DROP COLUMN zone_ranks`.execute(db);
}
