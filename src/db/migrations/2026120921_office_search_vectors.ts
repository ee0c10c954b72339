import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Issue #17 "Speed" (bench/office.ts): the search vectors of the documents'
// keys and of their files' text are stored, not computed at each search.
// With a common word the planner scans instead of using the GIN index (most
// rows match), and the scan computed to_tsvector('simple', …) of every
// file's text again: 13.5 s for 30,000 files (EXPLAIN ANALYZE in
// bench/RESULTS.md). Stored generated columns, with the GIN indexes on them.

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, source, column, oldIndex] of [
    ['office_attachment', 'text_key', 'text_tsv', 'office_attachment_text_idx'],
    ['office_outgoing', 'search_key', 'search_tsv', 'office_outgoing_text_idx'],
    ['office_incoming', 'search_key', 'search_tsv', 'office_incoming_text_idx'],
  ] as const) {
    await sql
      .raw(
        `ALTER TABLE ${table} ADD COLUMN ${column} tsvector
           GENERATED ALWAYS AS (to_tsvector('simple', ${source})) STORED`,
      )
      .execute(db);
    await sql.raw(`DROP INDEX ${oldIndex}`).execute(db);
    await sql
      .raw(`CREATE INDEX ${table}_${column}_idx ON ${table} USING gin (${column})`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, source, column, oldIndex] of [
    ['office_attachment', 'text_key', 'text_tsv', 'office_attachment_text_idx'],
    ['office_outgoing', 'search_key', 'search_tsv', 'office_outgoing_text_idx'],
    ['office_incoming', 'search_key', 'search_tsv', 'office_incoming_text_idx'],
  ] as const) {
    await sql.raw(`ALTER TABLE ${table} DROP COLUMN ${column}`).execute(db);
    await sql
      .raw(`CREATE INDEX ${oldIndex} ON ${table} USING gin (to_tsvector('simple', ${source}))`)
      .execute(db);
  }
}
