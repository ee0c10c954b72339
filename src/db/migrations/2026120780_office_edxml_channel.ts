import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Issue #17 item 8: an incoming document imported from an edXML package
// (the inter-agency exchange format, Decision 28/2018/QĐ-TTg) is registered
// with its own channel, "edxml", beside paper, e-mail and sogd itself.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE office_incoming DROP CONSTRAINT office_incoming_channel_check`.execute(db);
  await sql`
    ALTER TABLE office_incoming ADD CONSTRAINT office_incoming_channel_check
      CHECK (channel IN ('system', 'paper', 'email', 'edxml'))`.execute(db);
}
