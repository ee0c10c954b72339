import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Diploma register (sổ gốc cấp văn bằng, Circular 21/2019/TT-BGDĐT) and issuer keys.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE issuer_key (
      id text PRIMARY KEY,
      authority_id uuid NOT NULL REFERENCES org_unit(id),
      public_key bytea NOT NULL,
      private_key_pem text NOT NULL,
      did text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      retired_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX issuer_key_authority_idx ON issuer_key (authority_id)`.execute(db);

  // Numbering: serials never reset (year 0); entry numbers per calendar year; status-list slots.
  await sql`
    CREATE TABLE diploma_counter (
      authority_id uuid NOT NULL REFERENCES org_unit(id),
      series text NOT NULL,
      year integer NOT NULL,
      last_value integer NOT NULL,
      PRIMARY KEY (authority_id, series, year)
    )`.execute(db);

  await sql`
    CREATE TABLE diploma (
      id uuid PRIMARY KEY,
      authority_id uuid NOT NULL REFERENCES org_unit(id),
      diploma_type text NOT NULL CHECK (diploma_type IN ('upper_secondary','lower_secondary')),
      full_name text NOT NULL,
      search_name text NOT NULL,
      birth_date date NOT NULL,
      birth_place text,
      gender text NOT NULL CHECK (gender IN ('male','female')),
      ethnicity text,
      school_name text NOT NULL,
      exam_council text,
      graduation_year integer NOT NULL,
      decision_number text NOT NULL,
      decision_date date NOT NULL,
      serial_number text NOT NULL,
      register_number text NOT NULL,
      register_year integer NOT NULL,
      issue_date date NOT NULL,
      signer_name text NOT NULL,
      signer_title text NOT NULL,
      notes text,
      status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid','corrected','revoked')),
      status_index integer NOT NULL,
      student_id uuid,
      key_id text NOT NULL REFERENCES issuer_key(id),
      credential jsonb NOT NULL,
      qr text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (authority_id, serial_number),
      UNIQUE (authority_id, register_number),
      UNIQUE (authority_id, status_index)
    )`.execute(db);
  await sql`CREATE INDEX diploma_serial_idx ON diploma (serial_number)`.execute(db);
  await sql`CREATE INDEX diploma_register_idx ON diploma (register_number)`.execute(db);

  // Every issue, correction, revocation and copy, never deleted.
  await sql`
    CREATE TABLE diploma_event (
      id uuid PRIMARY KEY,
      diploma_id uuid NOT NULL REFERENCES diploma(id),
      authority_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('issue','correction','revocation','copy')),
      decision_number text,
      decision_date date,
      reason text,
      before jsonb,
      after jsonb,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX diploma_event_diploma_idx ON diploma_event (diploma_id)`.execute(db);

  // Status-list slots that are revoked: a revoked diploma's, and the old slot
  // of a corrected diploma (its earlier credential no longer holds).
  await sql`
    CREATE TABLE diploma_revoked_slot (
      authority_id uuid NOT NULL,
      status_index integer NOT NULL,
      PRIMARY KEY (authority_id, status_index)
    )`.execute(db);

  for (const [table, unit] of [
    ['diploma', 'authority_id'],
    ['diploma_event', 'authority_id'],
  ] as const) {
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('${unit}', 'ignore:credential', 'ignore:qr')`,
        )
        .execute(db);
    }
  }
  // The register is never erased: no deletes, whoever connects.
  await sql`
    CREATE FUNCTION sogd_diploma_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'Sổ gốc văn bằng không được xoá; hãy dùng quyết định chỉnh sửa hoặc thu hồi';
    END $$`.execute(db);
  await sql`CREATE TRIGGER diploma_no_delete BEFORE DELETE ON diploma FOR EACH ROW EXECUTE FUNCTION sogd_diploma_no_delete()`.execute(
    db,
  );
  await sql`CREATE TRIGGER diploma_event_no_change BEFORE UPDATE OR DELETE ON diploma_event FOR EACH ROW EXECUTE FUNCTION sogd_diploma_no_delete()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'diploma_revoked_slot',
    'diploma_event',
    'diploma',
    'diploma_counter',
    'issuer_key',
  ])
    await sql.raw(`DROP TABLE ${t} CASCADE`).execute(db);
  await sql`DROP FUNCTION sogd_diploma_no_delete`.execute(db);
}
