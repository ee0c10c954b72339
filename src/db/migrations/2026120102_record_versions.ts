import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Optimistic versions (issue #11, item 9): every record edited in a form
// counts its changes, so a save made from a form loaded before someone
// else's change is refused instead of silently overwriting it. Each UPDATE
// bumps the column itself (`version = version + 1`); existing rows start at 1.

const TABLES = [
  'org_unit',
  'app_user',
  'class',
  'student',
  'staff',
  'school_year_profile',
  'facility',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN version integer NOT NULL DEFAULT 1`.execute(
      db,
    );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN version`.execute(db);
}
