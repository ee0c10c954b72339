import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The job queue's own tables (schema pgboss) are created and upgraded by
// pg-boss itself when the queue starts; this table holds what pg-boss does
// not keep: how far a running job has got, written by its handler. One row
// per job id, deleted with the job by the nightly clean-up.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE job_progress (
      job_id uuid PRIMARY KEY,
      done integer NOT NULL,
      total integer NOT NULL,
      message text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE job_progress`.execute(db);
}
