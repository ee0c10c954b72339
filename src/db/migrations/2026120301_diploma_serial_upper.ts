import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The public lookup finds a serial however its letters are typed
// ("thpt0000123" finds THPT0000123): indexes on the upper-cased numbers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX diploma_serial_upper_idx ON diploma (upper(serial_number))`.execute(db);
  await sql`CREATE INDEX diploma_register_upper_idx ON diploma (upper(register_number))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX diploma_register_upper_idx`.execute(db);
  await sql`DROP INDEX diploma_serial_upper_idx`.execute(db);
}
