import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The criterion analysis sheet (phiếu xác định nội hàm, CV 5932/BGDĐT-QLCL
// Phụ lục 2; issue #18 item 1 "analyse each criterion"): per requirement,
// what it means, the questions it raises, the evidence to collect and where.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accreditation_analysis (
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      requirement_code text NOT NULL,
      meaning text NOT NULL DEFAULT '',
      questions text NOT NULL DEFAULT '',
      evidence_needed text NOT NULL DEFAULT '',
      sources text NOT NULL DEFAULT '',
      version integer NOT NULL DEFAULT 1,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cycle_id, requirement_code)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE accreditation_analysis`.execute(db);
}
