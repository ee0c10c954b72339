import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE org_unit (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      search_name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('department','office','commune','school','centre','other')),
      parent_id uuid REFERENCES org_unit(id),
      path text NOT NULL,
      depth integer NOT NULL,
      levels text[] NOT NULL DEFAULT '{}',
      ownership text CHECK (ownership IN ('public','private')),
      address text,
      active boolean NOT NULL DEFAULT true,
      merged_into_id uuid REFERENCES org_unit(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX org_unit_path_idx ON org_unit (path text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX org_unit_parent_idx ON org_unit (parent_id)`.execute(db);
  // Exactly one root per database: the department.
  await sql`CREATE UNIQUE INDEX org_unit_one_root ON org_unit ((true)) WHERE parent_id IS NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE app_user (
      id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE,
      full_name text NOT NULL,
      email text,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('department_admin','department_staff','office_staff',
        'school_admin','school_staff','teacher','auditor')),
      org_unit_id uuid NOT NULL REFERENCES org_unit(id),
      must_change_password boolean NOT NULL DEFAULT true,
      failed_attempts integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX app_user_unit_idx ON app_user (org_unit_id)`.execute(db);

  await sql`
    CREATE TABLE session (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      ip text,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX session_user_idx ON session (user_id)`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor_id uuid,
      actor_name text NOT NULL,
      ip text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      org_unit_id uuid,
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`CREATE INDEX audit_log_seq_idx ON audit_log (seq DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX audit_log_unit_idx ON audit_log (org_unit_id)`.execute(db);

  // The log is append-only, whoever connects.
  await sql`
    CREATE FUNCTION sogd_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'Nhật ký kiểm toán chỉ được ghi thêm, không được sửa hay xoá';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION sogd_audit_log_is_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit_log_is_append_only()`.execute(db);

  // Audit in the data layer: statement-level triggers with transition tables
  // write one entry per changed row, set-based (fast for bulk imports). The
  // actor comes from transaction-local settings (see src/db/actor.ts); a change
  // without an actor is refused, so no code path changes audited data silently.
  // TG_ARGV[0]: the column naming the row's org unit. Then 'secret:col' (kept
  // as a fingerprint, so a change shows but the value does not) and
  // 'ignore:col' (bookkeeping, neither logged nor compared).
  await sql`
    CREATE FUNCTION sogd_audit_view(j jsonb, args text[]) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE AS $fn$
    DECLARE a text; col text;
    BEGIN
      IF j IS NULL THEN RETURN NULL; END IF;
      j := j - 'updated_at';
      FOREACH a IN ARRAY coalesce(args, '{}') LOOP
        col := split_part(a, ':', 2);
        IF a LIKE 'ignore:%' THEN
          j := j - col;
        ELSIF a LIKE 'secret:%' AND j ? col THEN
          j := jsonb_set(j, ARRAY[col], to_jsonb('ẩn#' || left(md5(coalesce(j->>col, '')), 8)));
        END IF;
      END LOOP;
      RETURN j;
    END $fn$`.execute(db);
  await sql`
    CREATE FUNCTION sogd_audit() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      actor_name text := nullif(current_setting('sogd.actor_name', true), '');
      actor_id uuid := nullif(current_setting('sogd.actor_id', true), '')::uuid;
      client_ip text := nullif(current_setting('sogd.ip', true), '');
      unit_col text := TG_ARGV[0];
      args text[] := TG_ARGV[1:];
      changes integer;
    BEGIN
      -- An actor-less change still computes its entries: the exception below
      -- then undoes the whole statement, entries included.
      IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (actor_id, actor_name, ip, action, entity_type, entity_id, org_unit_id, before, after)
        SELECT actor_id, coalesce(actor_name, '?'), client_ip, 'insert', TG_TABLE_NAME, n.j->>'id',
               (n.j->>unit_col)::uuid, NULL, sogd_audit_view(n.j, args)
        FROM (SELECT to_jsonb(x) AS j FROM new_rows x) n;
      ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO audit_log (actor_id, actor_name, ip, action, entity_type, entity_id, org_unit_id, before, after)
        SELECT actor_id, coalesce(actor_name, '?'), client_ip, 'update', TG_TABLE_NAME, n.j->>'id',
               (n.j->>unit_col)::uuid, o.v, n.v
        FROM (SELECT to_jsonb(x) AS j, sogd_audit_view(to_jsonb(x), args) AS v FROM new_rows x) n
        JOIN (SELECT to_jsonb(x) AS j, sogd_audit_view(to_jsonb(x), args) AS v FROM old_rows x) o
          ON o.j->>'id' = n.j->>'id'
        WHERE o.v IS DISTINCT FROM n.v;
      ELSE
        INSERT INTO audit_log (actor_id, actor_name, ip, action, entity_type, entity_id, org_unit_id, before, after)
        SELECT actor_id, coalesce(actor_name, '?'), client_ip, 'delete', TG_TABLE_NAME, o.j->>'id',
               (o.j->>unit_col)::uuid, sogd_audit_view(o.j, args), NULL
        FROM (SELECT to_jsonb(x) AS j FROM old_rows x) o;
      END IF;
      GET DIAGNOSTICS changes = ROW_COUNT;
      IF changes > 0 AND actor_name IS NULL THEN
        RAISE EXCEPTION 'Thay đổi bảng % phải ghi rõ người thực hiện (nhật ký kiểm toán)', TG_TABLE_NAME;
      END IF;
      RETURN NULL;
    END $fn$`.execute(db);

  await audit(db, 'org_unit', 'id');
  await audit(
    db,
    'app_user',
    'org_unit_id',
    'secret:password_hash',
    'ignore:failed_attempts',
    'ignore:locked_until',
  );
}

async function audit(db: Kysely<unknown>, table: string, unitColumn: string, ...options: string[]) {
  const args = [unitColumn, ...options].map((a) => `'${a}'`).join(', ');
  for (const [op, refs] of [
    ['INSERT', 'NEW TABLE AS new_rows'],
    ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['DELETE', 'OLD TABLE AS old_rows'],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_audit_${op.toLowerCase()} AFTER ${op} ON ${table}
         REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION sogd_audit(${args})`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_log', 'session', 'app_user', 'org_unit']) {
    await sql.raw(`DROP TABLE ${t} CASCADE`).execute(db);
  }
  await sql`DROP FUNCTION sogd_audit`.execute(db);
  await sql`DROP FUNCTION sogd_audit_view`.execute(db);
  await sql`DROP FUNCTION sogd_audit_log_is_append_only`.execute(db);
}
