import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Public services (issue #19): the paper copy's hand-over record (who
// received it, when, the copy book number), and the apology letter of an
// overdue application, mailed to the applicant once. Both audited.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE services_handover (
      id uuid PRIMARY KEY,
      application_id uuid NOT NULL UNIQUE REFERENCES services_application(id),
      authority_id uuid NOT NULL REFERENCES org_unit(id),
      copy_number text NOT NULL,
      received_by text NOT NULL CHECK (length(received_by) BETWEEN 1 AND 200),
      receiver_document text,
      handed_at timestamptz NOT NULL,
      handed_by text NOT NULL
    )`.execute(db);

  // One per application: the letter is mailed once (a second draft is only printed).
  await sql`
    CREATE TABLE services_apology (
      id uuid PRIMARY KEY,
      application_id uuid NOT NULL UNIQUE REFERENCES services_application(id),
      authority_id uuid NOT NULL REFERENCES org_unit(id),
      reason text NOT NULL,
      new_date date NOT NULL,
      mailed_to text NOT NULL,
      drafted_by text NOT NULL,
      drafted_at timestamptz NOT NULL
    )`.execute(db);

  for (const table of ['services_handover', 'services_apology'])
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const)
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('authority_id')`,
        )
        .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE services_apology`.execute(db);
  await sql`DROP TABLE services_handover`.execute(db);
}
