import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Entry-rules history (issue #15, docs/entry-enrolment.md "Changing the
// rules"): every change of an entry campaign's rules (admission_campaign.
// entry_rules: priority order, lottery seed, overflow, documents asked) is one
// row with the rules before and after, who changed them and when, and the
// reason (required by the use case once registration has opened). The
// campaign's version after the change ties a row to the campaign row it
// produced. org_unit_id is the campaign's unit (the audit's org unit).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE admission_entry_rules_change (
      id uuid PRIMARY KEY,
      campaign_id uuid NOT NULL REFERENCES admission_campaign(id) ON DELETE CASCADE,
      org_unit_id uuid NOT NULL,
      campaign_version integer NOT NULL CHECK (campaign_version >= 1),
      before jsonb NOT NULL,
      after jsonb NOT NULL,
      reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 1000),
      after_opening boolean NOT NULL,
      changed_by uuid NOT NULL,
      changed_by_name text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX admission_entry_rules_change_campaign_idx ON admission_entry_rules_change (campaign_id, changed_at)`.execute(
    db,
  );
  for (const [op, refs] of [
    ['INSERT', 'NEW TABLE AS new_rows'],
    ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['DELETE', 'OLD TABLE AS old_rows'],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER admission_entry_rules_change_audit_${op.toLowerCase()} AFTER ${op} ON admission_entry_rules_change
         REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('org_unit_id')`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE admission_entry_rules_change`.execute(db);
}
