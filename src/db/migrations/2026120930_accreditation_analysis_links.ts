import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The analysis sheet's web form (issue #18, "analyse each criterion"): each
// row names the council member who collects the evidence and links the
// evidence of the cycle's list it needs (links, never copies).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE accreditation_analysis
      ADD COLUMN collector_member_id uuid REFERENCES accreditation_member(id) ON DELETE SET NULL`.execute(
    db,
  );
  await sql`
    CREATE TABLE accreditation_analysis_evidence (
      cycle_id uuid NOT NULL,
      requirement_code text NOT NULL,
      evidence_id uuid NOT NULL REFERENCES accreditation_evidence(id) ON DELETE CASCADE,
      PRIMARY KEY (cycle_id, requirement_code, evidence_id),
      FOREIGN KEY (cycle_id, requirement_code)
        REFERENCES accreditation_analysis(cycle_id, requirement_code) ON DELETE CASCADE
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE accreditation_analysis_evidence`.execute(db);
  await sql`ALTER TABLE accreditation_analysis DROP COLUMN collector_member_id`.execute(db);
}
