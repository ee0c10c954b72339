import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The self-assessment plan and its timetable (kế hoạch tự đánh giá, issue #18
// item 1): tasks of the steps of the self-assessment process, each for a
// criterion or the whole cycle, given to a council member, with dates.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accreditation_plan_task (
      id uuid PRIMARY KEY,
      cycle_id uuid NOT NULL REFERENCES accreditation_cycle(id) ON DELETE CASCADE,
      step text NOT NULL CHECK (step IN
        ('council', 'plan', 'evidence', 'analysis', 'rating', 'report', 'publish', 'improve')),
      criterion_code text,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      member_id uuid REFERENCES accreditation_member(id) ON DELETE SET NULL,
      starts_on date NOT NULL,
      due_on date NOT NULL,
      done_at timestamptz,
      done_by text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (starts_on <= due_on)
    )`.execute(db);
  await sql`CREATE INDEX accreditation_plan_task_cycle ON accreditation_plan_task (cycle_id, starts_on)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE accreditation_plan_task`.execute(db);
}
