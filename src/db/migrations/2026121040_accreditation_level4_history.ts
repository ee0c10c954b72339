import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The history of a set's Mức 4 list (issue #18; the list of migration
// 2026120931): every import is kept as a version with its source, who saved
// it and when, and the criteria as they were (JSON array of {code, text} in
// order), so an earlier version reads as it was.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accreditation_level4_version (
      set_id text NOT NULL REFERENCES accreditation_level4_list(set_id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      source text NOT NULL,
      saved_by text NOT NULL,
      saved_at timestamptz NOT NULL DEFAULT now(),
      criteria jsonb NOT NULL,
      PRIMARY KEY (set_id, version)
    )`.execute(db);
  // The lists entered before versions were kept: their current version.
  await sql`
    INSERT INTO accreditation_level4_version (set_id, version, source, saved_by, saved_at, criteria)
    SELECT l.set_id, l.version, l.source, l.updated_by, l.updated_at,
           COALESCE((SELECT jsonb_agg(jsonb_build_object('code', c.code, 'text', c.text)
                                      ORDER BY c.position)
                     FROM accreditation_level4_criterion c WHERE c.set_id = l.set_id),
                    '[]'::jsonb)
    FROM accreditation_level4_list l`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE accreditation_level4_version`.execute(db);
}
