import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Blank diploma forms (phôi văn bằng): the serial (số hiệu) is printed on the
// blank form, so an issuing authority records the ranges it receives, and
// every form leaves the stock either on a diploma or as spoiled (hỏng), never
// silently (Circular 21/2019/TT-BGDĐT, the management of blank forms).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE diploma_blank_range (
      id uuid PRIMARY KEY,
      authority_id uuid NOT NULL REFERENCES org_unit(id),
      diploma_type text NOT NULL CHECK (diploma_type IN ('upper_secondary','lower_secondary')),
      prefix text NOT NULL,
      width integer NOT NULL CHECK (width BETWEEN 1 AND 9),
      first_number integer NOT NULL CHECK (first_number >= 0),
      last_number integer NOT NULL,
      received_on date NOT NULL,
      reference text NOT NULL,
      notes text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (last_number >= first_number)
    )`.execute(db);
  await sql`CREATE INDEX diploma_blank_range_authority_idx ON diploma_blank_range (authority_id, diploma_type)`.execute(
    db,
  );

  // One row per form that left the stock: on a diploma, or spoiled with a reason.
  await sql`
    CREATE TABLE diploma_blank_use (
      id uuid PRIMARY KEY,
      authority_id uuid NOT NULL REFERENCES org_unit(id),
      range_id uuid NOT NULL REFERENCES diploma_blank_range(id),
      serial text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('issued','spoiled')),
      diploma_id uuid REFERENCES diploma(id),
      reason text,
      at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (authority_id, serial),
      CHECK ((kind = 'issued') = (diploma_id IS NOT NULL)),
      CHECK (kind <> 'spoiled' OR reason IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX diploma_blank_use_range_idx ON diploma_blank_use (range_id)`.execute(db);

  for (const table of ['diploma_blank_range', 'diploma_blank_use']) {
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('authority_id')`,
        )
        .execute(db);
    }
    // The stock book is never erased either.
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION sogd_diploma_no_delete()`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE diploma_blank_use`.execute(db);
  await sql`DROP TABLE diploma_blank_range`.execute(db);
}
