import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// The audit trigger of 2026112401 called the plpgsql sogd_audit_view once per
// changed row. For tables without 'secret:' or 'ignore:' columns (students,
// classes, staff, org units) that call only drops updated_at, yet it was most
// of the trigger's cost: measured on a 100,000-student import, 5 s of 21 s on
// PGlite and 2 s of 11 s on PostgreSQL. Those tables now drop updated_at in
// the statement itself; the entries written are the same.

const AUDIT_FUNCTION = (view: (j: string) => string) => `
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
    IF TG_OP = 'INSERT' THEN
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

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      AUDIT_FUNCTION(
        (j) => `CASE WHEN plain THEN ${j} - 'updated_at' ELSE sogd_audit_view(${j}, args) END`,
      ),
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(AUDIT_FUNCTION((j) => `sogd_audit_view(${j}, args)`)).execute(db);
}
