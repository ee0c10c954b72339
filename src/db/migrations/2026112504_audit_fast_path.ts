import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Two ways the audit trigger of 2026112401 was slow for bulk imports, both
// measured on a 100,000-student import:
//
// 1. It called the plpgsql sogd_audit_view once per changed row. For tables
//    without 'secret:' or 'ignore:' columns (students, classes, staff, org
//    units) that call only drops updated_at, yet it cost 5 s of 21 s on
//    PGlite and 2 s of 11 s on PostgreSQL. Those tables now drop updated_at
//    in the statement itself; the entries written are the same.
// 2. One entry per new row, holding the row again as jsonb, was then the
//    largest part left: 4.5 s of 12 s on PGlite (to_jsonb alone about 3 s
//    there, so a jsonb array per statement saved little) and 3.3 s of 9.6 s
//    on PostgreSQL. A transaction that sets sogd.audit_grouped = 'on' (the
//    list imports) gets instead one 'insert_many' entry per statement and org
//    unit: the same actor, time and address, the new rows' ids in entity_ids
//    (entity_id is '*'), indexed so that a row's history still starts at the
//    entry that created it; 0.3 s per 100,000 rows. Such an entry holds no
//    copy of the rows: a row's content when created is its current content
//    with its later 'update' entries (each with before and after) undone.
//    Changes and deletions are still logged row by row.

/** The trigger function; `fast` false gives back 2026112401's behaviour. */
const AUDIT_FUNCTION = (fast: boolean) => {
  const view = (j: string) =>
    fast
      ? `CASE WHEN plain THEN ${j} - 'updated_at' ELSE sogd_audit_view(${j}, args) END`
      : `sogd_audit_view(${j}, args)`;
  const grouped = `IF TG_OP = 'INSERT' AND current_setting('sogd.audit_grouped', true) = 'on' THEN
      -- Dynamic, to read the unit column by name without a to_jsonb per row.
      EXECUTE format(
        'INSERT INTO audit_log (actor_id, actor_name, ip, action, entity_type, entity_id, entity_ids, org_unit_id)
         SELECT $1, $2, $3, ''insert_many'', $4, ''*'', array_agg(x.id::text ORDER BY x.id), x.%1$I::uuid
         FROM new_rows x GROUP BY x.%1$I', unit_col)
      USING actor_id, coalesce(actor_name, '?'), client_ip, TG_TABLE_NAME;
    ELSIF`;
  return `
  CREATE OR REPLACE FUNCTION sogd_audit() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    actor_name text := nullif(current_setting('sogd.actor_name', true), '');
    actor_id uuid := nullif(current_setting('sogd.actor_id', true), '')::uuid;
    client_ip text := nullif(current_setting('sogd.ip', true), '');
    unit_col text := TG_ARGV[0];
    args text[] := TG_ARGV[1:];
    plain boolean := cardinality(TG_ARGV[1:]) = 0;
    changes integer;
  BEGIN
    -- An actor-less change still computes its entries: the exception below
    -- then undoes the whole statement, entries included.
    ${fast ? grouped : 'IF'} TG_OP = 'INSERT' THEN
      INSERT INTO audit_log (actor_id, actor_name, ip, action, entity_type, entity_id, org_unit_id, before, after)
      SELECT actor_id, coalesce(actor_name, '?'), client_ip, 'insert', TG_TABLE_NAME, n.j->>'id',
             (n.j->>unit_col)::uuid, NULL, ${view('n.j')}
      FROM (SELECT to_jsonb(x) AS j FROM new_rows x) n;
    ELSIF TG_OP = 'UPDATE' THEN
      INSERT INTO audit_log (actor_id, actor_name, ip, action, entity_type, entity_id, org_unit_id, before, after)
      SELECT actor_id, coalesce(actor_name, '?'), client_ip, 'update', TG_TABLE_NAME, n.j->>'id',
             (n.j->>unit_col)::uuid, o.v, n.v
      FROM (SELECT j, ${view('j')} AS v FROM (SELECT to_jsonb(x) AS j FROM new_rows x) x) n
      JOIN (SELECT j, ${view('j')} AS v FROM (SELECT to_jsonb(x) AS j FROM old_rows x) x) o
        ON o.j->>'id' = n.j->>'id'
      WHERE o.v IS DISTINCT FROM n.v;
    ELSE
      INSERT INTO audit_log (actor_id, actor_name, ip, action, entity_type, entity_id, org_unit_id, before, after)
      SELECT actor_id, coalesce(actor_name, '?'), client_ip, 'delete', TG_TABLE_NAME, o.j->>'id',
             (o.j->>unit_col)::uuid, ${view('o.j')}, NULL
      FROM (SELECT to_jsonb(x) AS j FROM old_rows x) o;
    END IF;
    GET DIAGNOSTICS changes = ROW_COUNT;
    IF changes > 0 AND actor_name IS NULL THEN
      RAISE EXCEPTION 'Thay đổi bảng % phải ghi rõ người thực hiện (nhật ký kiểm toán)', TG_TABLE_NAME;
    END IF;
    RETURN NULL;
  END $fn$`;
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log ADD COLUMN entity_ids text[]`.execute(db);
  await sql`
    CREATE INDEX audit_log_entity_ids_idx ON audit_log USING gin (entity_ids)
    WHERE entity_ids IS NOT NULL`.execute(db);
  await sql.raw(AUDIT_FUNCTION(true)).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(AUDIT_FUNCTION(false)).execute(db);
  await sql`DROP INDEX audit_log_entity_ids_idx`.execute(db);
  await sql`ALTER TABLE audit_log DROP COLUMN entity_ids`.execute(db);
}
