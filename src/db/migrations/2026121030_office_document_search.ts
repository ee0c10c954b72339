import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Issue #17 "Speed": full-text search p95 < 100 ms at 100,000 documents and
// 300,000 files. With a vector per file (migration 2026120921) a word found
// in ~45 % of the files made each search read most of the files' vectors
// (bench/RESULTS.md). Now ONE search vector per document: its register key
// (notation, sender, subject) and the text of all its files, and for a
// received copy also the sender's document (its key and files, as before the
// copy was found by the sender's files). Kept by triggers in the transaction
// that attaches or removes a file, so every path (upload, composed letter,
// draft numbered, edXML import, receipt) keeps it. Positions are stripped:
// the search is plainto_tsquery (words joined by &), which needs none, and a
// stripped vector of a 1,000,000-character text stays far below the 1 MB
// tsvector limit. A trigram index on the key answers the substring match
// (a part of a notation) so that the OR of both is a BitmapOr of two indexes.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The per-file and per-key generated vectors go (their GIN indexes with them).
  await sql`ALTER TABLE office_attachment DROP COLUMN text_tsv`.execute(db);
  for (const table of ['office_outgoing', 'office_incoming']) {
    await sql.raw(`ALTER TABLE ${table} DROP COLUMN search_tsv`).execute(db);
    await sql
      .raw(`ALTER TABLE ${table} ADD COLUMN search_tsv tsvector NOT NULL DEFAULT ''::tsvector`)
      .execute(db);
  }

  await sql`
    CREATE FUNCTION office_files_tsv(doc uuid) RETURNS tsvector
    LANGUAGE plpgsql STABLE AS $fn$
    DECLARE v tsvector := ''; t text;
    BEGIN
      -- File by file: the unstripped vector of one file is what to_tsvector builds.
      FOR t IN SELECT text_key FROM office_attachment WHERE document_id = doc LOOP
        v := v || strip(to_tsvector('simple', t));
      END LOOP;
      RETURN v;
    END $fn$`.execute(db);
  await sql`
    CREATE FUNCTION office_outgoing_tsv(doc uuid, key text) RETURNS tsvector
    LANGUAGE sql STABLE AS $fn$
      SELECT strip(to_tsvector('simple', key)) || office_files_tsv(doc)
    $fn$`.execute(db);
  // A received copy: its own key and files, and the sender's document's vector
  // (copied, not parsed again: 1,500 copies of one document are written at once).
  await sql`
    CREATE FUNCTION office_incoming_tsv(doc uuid, key text, outgoing uuid) RETURNS tsvector
    LANGUAGE sql STABLE AS $fn$
      SELECT strip(to_tsvector('simple', key)) || office_files_tsv(doc)
        || coalesce((SELECT o.search_tsv FROM office_outgoing o WHERE o.id = outgoing), '')
    $fn$`.execute(db);

  await sql`
    CREATE FUNCTION office_outgoing_search() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      NEW.search_tsv := office_outgoing_tsv(NEW.id, NEW.search_key);
      RETURN NEW;
    END $fn$`.execute(db);
  await sql`
    CREATE TRIGGER office_outgoing_search BEFORE INSERT OR UPDATE OF search_key ON office_outgoing
    FOR EACH ROW EXECUTE FUNCTION office_outgoing_search()`.execute(db);
  await sql`
    CREATE FUNCTION office_incoming_search() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      NEW.search_tsv := office_incoming_tsv(NEW.id, NEW.search_key, NEW.outgoing_id);
      RETURN NEW;
    END $fn$`.execute(db);
  await sql`
    CREATE TRIGGER office_incoming_search BEFORE INSERT OR UPDATE OF search_key, outgoing_id
    ON office_incoming FOR EACH ROW EXECUTE FUNCTION office_incoming_search()`.execute(db);

  // A file attached: its words are added (parsed once, also for the received
  // copies of an outgoing document). Removed, moved or its text changed: the
  // documents concerned are computed again.
  await sql`
    CREATE FUNCTION office_attachment_search() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE v tsvector; kinds text[]; ids uuid[]; i int;
    BEGIN
      IF TG_OP = 'INSERT' THEN
        v := strip(to_tsvector('simple', NEW.text_key));
        IF NEW.document_kind = 'outgoing' THEN
          UPDATE office_outgoing SET search_tsv = search_tsv || v WHERE id = NEW.document_id;
          UPDATE office_incoming SET search_tsv = search_tsv || v WHERE outgoing_id = NEW.document_id;
        ELSIF NEW.document_kind = 'incoming' THEN
          UPDATE office_incoming SET search_tsv = search_tsv || v WHERE id = NEW.document_id;
        END IF;
        RETURN NULL;
      END IF;
      IF TG_OP = 'DELETE' THEN
        kinds := ARRAY[OLD.document_kind]; ids := ARRAY[OLD.document_id];
      ELSE
        kinds := ARRAY[OLD.document_kind, NEW.document_kind];
        ids := ARRAY[OLD.document_id, NEW.document_id];
      END IF;
      FOR i IN 1 .. array_length(ids, 1) LOOP
        IF kinds[i] = 'outgoing' THEN
          UPDATE office_outgoing SET search_tsv = office_outgoing_tsv(id, search_key)
          WHERE id = ids[i];
          UPDATE office_incoming SET search_tsv = office_incoming_tsv(id, search_key, outgoing_id)
          WHERE outgoing_id = ids[i];
        ELSIF kinds[i] = 'incoming' THEN
          UPDATE office_incoming SET search_tsv = office_incoming_tsv(id, search_key, outgoing_id)
          WHERE id = ids[i];
        END IF;
      END LOOP;
      RETURN NULL;
    END $fn$`.execute(db);
  await sql`
    CREATE TRIGGER office_attachment_search
    AFTER INSERT OR DELETE OR UPDATE OF text_key, document_kind, document_id ON office_attachment
    FOR EACH ROW EXECUTE FUNCTION office_attachment_search()`.execute(db);

  // The vector is derived data: its changes are not audit entries.
  for (const table of ['office_outgoing', 'office_incoming'])
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql.raw(`DROP TRIGGER ${table}_audit_${op.toLowerCase()} ON ${table}`).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT
           EXECUTE FUNCTION sogd_audit('unit_id', 'ignore:search_tsv')`,
        )
        .execute(db);
    }

  // Backfill: outgoing first, the received copies copy their vectors. Not an
  // audited change (the vector is ignored), so no actor is needed.
  await sql`UPDATE office_outgoing SET search_tsv = office_outgoing_tsv(id, search_key)`.execute(
    db,
  );
  await sql`UPDATE office_incoming SET search_tsv = office_incoming_tsv(id, search_key, outgoing_id)`.execute(
    db,
  );

  for (const table of ['office_outgoing', 'office_incoming']) {
    await sql
      .raw(`CREATE INDEX ${table}_search_idx ON ${table} USING gin (search_tsv)`)
      .execute(db);
    await sql
      .raw(`CREATE INDEX ${table}_key_trgm_idx ON ${table} USING gin (search_key gin_trgm_ops)`)
      .execute(db);
  }
  // The lists' order (newest first), so a search matching half the register
  // stops after one page instead of sorting every match.
  await sql`CREATE INDEX office_outgoing_order_idx ON office_outgoing (unit_id, year DESC, number DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX office_incoming_order_idx ON office_incoming (unit_id, year DESC, received_at DESC)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER office_attachment_search ON office_attachment`.execute(db);
  await sql`DROP TRIGGER office_outgoing_search ON office_outgoing`.execute(db);
  await sql`DROP TRIGGER office_incoming_search ON office_incoming`.execute(db);
  for (const f of [
    'office_attachment_search()',
    'office_outgoing_search()',
    'office_incoming_search()',
    'office_incoming_tsv(uuid, text, uuid)',
    'office_outgoing_tsv(uuid, text)',
    'office_files_tsv(uuid)',
  ])
    await sql.raw(`DROP FUNCTION ${f}`).execute(db);
  await sql`DROP INDEX office_outgoing_order_idx`.execute(db);
  await sql`DROP INDEX office_incoming_order_idx`.execute(db);
  for (const table of ['office_outgoing', 'office_incoming']) {
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      await sql.raw(`DROP TRIGGER ${table}_audit_${op.toLowerCase()} ON ${table}`).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit('unit_id')`,
        )
        .execute(db);
    }
    await sql.raw(`DROP INDEX ${table}_key_trgm_idx`).execute(db);
    await sql.raw(`ALTER TABLE ${table} DROP COLUMN search_tsv`).execute(db);
    await sql
      .raw(
        `ALTER TABLE ${table} ADD COLUMN search_tsv tsvector
           GENERATED ALWAYS AS (to_tsvector('simple', search_key)) STORED`,
      )
      .execute(db);
    await sql
      .raw(`CREATE INDEX ${table}_search_tsv_idx ON ${table} USING gin (search_tsv)`)
      .execute(db);
  }
  await sql`
    ALTER TABLE office_attachment ADD COLUMN text_tsv tsvector
      GENERATED ALWAYS AS (to_tsvector('simple', text_key)) STORED`.execute(db);
  await sql`CREATE INDEX office_attachment_text_tsv_idx ON office_attachment USING gin (text_tsv)`.execute(
    db,
  );
}
