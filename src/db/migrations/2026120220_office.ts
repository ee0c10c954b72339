import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// E-office (issue #17, Decree 30/2020/NĐ-CP): the issuing units' abbreviations,
// the number sequences, outgoing and incoming documents, recipients,
// the leader's instructions, the work calendar, files and signing certificates.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The office's own facts about an org unit: its abbreviation for the
  // notation (Annex I §II.3) and its divisions' abbreviations (drafting units).
  await sql`
    CREATE TABLE office_unit (
      id uuid PRIMARY KEY REFERENCES org_unit(id),
      abbreviation text NOT NULL CHECK (length(abbreviation) BETWEEN 1 AND 20),
      divisions text[] NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // One sequence per unit, register and calendar year (Art. 15, Art. 22): the
  // counter row is locked by the transaction that takes a number, so two
  // registrations never get the same one, and a rolled-back one gives its back.
  await sql`
    CREATE TABLE office_counter (
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      register text NOT NULL CHECK (register IN ('outgoing', 'incoming', 'incoming_secret')),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
      last integer NOT NULL CHECK (last > 0),
      PRIMARY KEY (unit_id, register, year)
    )`.execute(db);

  // Files as received or produced: stored once, never altered (issue #17 rules).
  await sql`
    CREATE TABLE office_file (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      file_name text NOT NULL,
      media_type text NOT NULL,
      size integer NOT NULL CHECK (size BETWEEN 1 AND 52428800),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      bytes bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE FUNCTION office_file_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'Tệp văn bản đã lưu không được sửa hay xoá';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER office_file_no_update BEFORE UPDATE OR DELETE ON office_file
    FOR EACH ROW EXECUTE FUNCTION office_file_is_immutable()`.execute(db);

  await sql`
    CREATE TABLE office_outgoing (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      year integer NOT NULL,
      number integer NOT NULL CHECK (number > 0),
      notation text NOT NULL,
      doc_type text NOT NULL,
      subject text NOT NULL,
      doc_date date NOT NULL,
      drafting_unit text,
      urgency text NOT NULL DEFAULT 'normal',
      confidentiality text NOT NULL DEFAULT 'normal',
      signer_name text,
      status text NOT NULL DEFAULT 'registered'
        CHECK (status IN ('registered', 'released', 'withdrawn')),
      file_id uuid REFERENCES office_file(id),
      signed_file_id uuid REFERENCES office_file(id),
      registered_by text NOT NULL,
      -- Subject and notation without diacritics, lower case (src/lib/vietnamese.ts searchKey).
      search_key text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      UNIQUE (unit_id, year, number),
      UNIQUE (unit_id, year, notation)
    )`.execute(db);
  await sql`CREATE INDEX office_outgoing_list_idx ON office_outgoing (unit_id, year, number DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE office_incoming (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      year integer NOT NULL,
      book text NOT NULL CHECK (book IN ('general', 'secret')),
      arrival_number integer NOT NULL CHECK (arrival_number > 0),
      received_at timestamptz NOT NULL,
      sender_name text NOT NULL,
      sender_unit_id uuid REFERENCES org_unit(id),
      outgoing_id uuid REFERENCES office_outgoing(id),
      notation text NOT NULL,
      doc_type text NOT NULL,
      doc_date date NOT NULL,
      subject text NOT NULL,
      urgency text NOT NULL DEFAULT 'normal',
      confidentiality text NOT NULL DEFAULT 'normal',
      channel text NOT NULL CHECK (channel IN ('system', 'paper', 'email')),
      file_id uuid REFERENCES office_file(id),
      status text NOT NULL DEFAULT 'registered'
        CHECK (status IN ('registered', 'assigned', 'done', 'recalled')),
      registered_by text NOT NULL,
      -- Subject, notation and sender without diacritics, lower case.
      search_key text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (unit_id, year, book, arrival_number)
    )`.execute(db);
  await sql`CREATE INDEX office_incoming_list_idx ON office_incoming (unit_id, year, arrival_number DESC)`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX office_incoming_from_outgoing_idx ON office_incoming (outgoing_id, unit_id) WHERE outgoing_id IS NOT NULL`.execute(
    db,
  );

  // Each recipient of an outgoing document and where it stands (Annex VI:
  // the sender sees the receiver's status).
  await sql`
    CREATE TABLE office_recipient (
      id uuid PRIMARY KEY,
      outgoing_id uuid NOT NULL REFERENCES office_outgoing(id),
      sender_unit_id uuid NOT NULL REFERENCES org_unit(id),
      unit_id uuid REFERENCES org_unit(id),
      outside_name text,
      incoming_id uuid REFERENCES office_incoming(id),
      status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'received', 'opened', 'handled')),
      sent_at timestamptz NOT NULL DEFAULT now(),
      received_at timestamptz,
      opened_at timestamptz,
      handled_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((unit_id IS NULL) <> (outside_name IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX office_recipient_outgoing_idx ON office_recipient (outgoing_id)`.execute(
    db,
  );

  // The leader's instruction on an incoming document (Art. 23.2–4).
  await sql`
    CREATE TABLE office_assignment (
      id uuid PRIMARY KEY,
      incoming_id uuid NOT NULL REFERENCES office_incoming(id),
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      lead_user_id uuid NOT NULL REFERENCES app_user(id),
      co_user_ids uuid[] NOT NULL DEFAULT '{}',
      instruction text NOT NULL,
      deadline date NOT NULL,
      assigned_by text NOT NULL,
      assigned_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
      progress text,
      result text,
      done_at timestamptz,
      reminded_on date,
      overdue_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX office_assignment_open_idx ON office_assignment (deadline) WHERE status = 'open'`.execute(
    db,
  );
  await sql`CREATE INDEX office_assignment_incoming_idx ON office_assignment (incoming_id)`.execute(
    db,
  );

  // Messages to one person (deadline reminders); read on the office page.
  await sql`
    CREATE TABLE office_notice (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      assignment_id uuid REFERENCES office_assignment(id),
      kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
      message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (assignment_id, kind, user_id)
    )`.execute(db);

  // The leadership's weekly work calendar (lịch công tác).
  await sql`
    CREATE TABLE office_calendar_week (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
      published_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (unit_id, week_start)
    )`.execute(db);
  await sql`
    CREATE TABLE office_calendar_entry (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      week_id uuid NOT NULL REFERENCES office_calendar_week(id),
      day date NOT NULL,
      start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      content text NOT NULL,
      chair text NOT NULL,
      place text NOT NULL,
      participants text NOT NULL DEFAULT '',
      preparing_unit text NOT NULL DEFAULT '',
      notes text NOT NULL DEFAULT '',
      changed_after_publication boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX office_calendar_entry_week_idx ON office_calendar_entry (week_id, day, start_time)`.execute(
    db,
  );

  // Signing certificates: the department's demo CA and one per unit. The
  // private key is PKCS#8 encrypted with the key passphrase, never clear.
  await sql`
    CREATE TABLE office_certificate (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      role text NOT NULL CHECK (role IN ('ca', 'unit')),
      subject text NOT NULL,
      certificate_pem text NOT NULL,
      chain_pem text NOT NULL DEFAULT '',
      private_key_pem text NOT NULL,
      not_after timestamptz NOT NULL,
      imported boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      retired_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX office_certificate_active_idx ON office_certificate (unit_id, role) WHERE retired_at IS NULL`.execute(
    db,
  );

  // Every change is audited (issue #17 rules); keys are kept as fingerprints.
  const audited: [string, string, ...string[]][] = [
    ['office_unit', 'id'],
    ['office_outgoing', 'unit_id'],
    ['office_incoming', 'unit_id'],
    ['office_recipient', 'sender_unit_id'],
    ['office_assignment', 'unit_id'],
    ['office_calendar_week', 'unit_id'],
    ['office_calendar_entry', 'unit_id'],
    ['office_certificate', 'unit_id', 'secret:private_key_pem'],
  ];
  for (const [table, unitColumn, ...args] of audited) {
    const argList = [unitColumn, ...args].map((a) => `'${a}'`).join(', ');
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit(${argList})`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'office_certificate',
    'office_calendar_entry',
    'office_calendar_week',
    'office_notice',
    'office_assignment',
    'office_recipient',
    'office_incoming',
    'office_outgoing',
    'office_file',
    'office_counter',
    'office_unit',
  ])
    await sql.raw(`DROP TABLE ${t} CASCADE`).execute(db);
  await sql`DROP FUNCTION office_file_is_immutable()`.execute(db);
}
