import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { JobState, JobView } from './contract.ts';

// Every query of the job queue outside pg-boss itself. The jobs live in
// pg-boss's tables (schema pgboss, version 10: `job`, and `archive` for those
// finished a week ago); their columns are read here only, never written.

/** Which jobs a caller sees: those enqueued in a subtree, and the system's own or not. */
export interface JobVisibility {
  /** Path prefix of the org units whose jobs are visible; null for every unit. */
  orgPath: string | null;
  includeSystem: boolean;
}

export interface JobFilter {
  state?: JobState | undefined;
  kind?: string | undefined;
}

interface JobRow {
  id: string;
  name: string;
  state: JobState;
  retry_count: number;
  retry_limit: number;
  output: unknown;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
  done: number | null;
  total: number | null;
  message: string | null;
  unit_id: string | null;
  unit_name: string | null;
  user_id: string | null;
  user_name: string | null;
  full_count: string | number;
}

const COLUMNS = sql.raw(
  'id, name, state::text AS state, data, retry_count, retry_limit, output, created_on, start_after, started_on, completed_on',
);

function jobsQuery(where: RawBuilder<unknown>, tail: RawBuilder<unknown>) {
  return sql<JobRow>`
    WITH j AS (
      SELECT ${COLUMNS} FROM pgboss.job WHERE name NOT LIKE '\\_\\_pgboss%'
      UNION ALL
      SELECT ${COLUMNS} FROM pgboss.archive WHERE name NOT LIKE '\\_\\_pgboss%'
    )
    SELECT j.id, j.name, j.state, j.retry_count, j.retry_limit, j.output, j.created_on,
      j.start_after, j.started_on, j.completed_on,
      p.done, p.total, p.message,
      u.id AS unit_id, u.name AS unit_name, au.id AS user_id, au.full_name AS user_name,
      count(*) OVER () AS full_count
    FROM j
    LEFT JOIN job_progress p ON p.job_id = j.id
    LEFT JOIN org_unit u ON u.id = (j.data->'meta'->>'orgUnitId')::uuid
    LEFT JOIN app_user au ON au.id = (j.data->'meta'->>'userId')::uuid
    WHERE ${where}
    ${tail}`;
}

function visibilityCondition(visibility: JobVisibility): RawBuilder<unknown> {
  const units =
    visibility.orgPath === null
      ? sql`u.id IS NOT NULL`
      : sql`u.path LIKE ${visibility.orgPath + '%'}`;
  return visibility.includeSystem
    ? sql`(${units} OR (j.data->'meta'->>'orgUnitId') IS NULL)`
    : units;
}

/** pg-boss's own failure texts, in Vietnamese. */
function errorOf(row: JobRow): string | null {
  if (row.state !== 'failed' && row.state !== 'retry') return null;
  const output = row.output as { message?: unknown; value?: unknown } | null;
  let message: unknown = output?.message;
  if (message === undefined && output && typeof output.value === 'object' && output.value)
    message = (output.value as { message?: unknown }).message;
  if (message === undefined) message = output?.value;
  if (typeof message !== 'string') return 'Công việc thất bại (không rõ lý do).';
  if (
    message === 'job failed by timeout in active state' ||
    /^handler execution exceeded \d+ms$/.test(message)
  )
    return 'Công việc chạy quá thời gian cho phép và đã bị dừng.';
  if (message === 'pg-boss shut down while active')
    return 'Máy chủ dừng khi công việc đang chạy; công việc sẽ được chạy lại.';
  return message;
}

function resultOf(row: JobRow): JobView['result'] {
  if (row.state !== 'completed' || !row.output || typeof row.output !== 'object') return null;
  const result: NonNullable<JobView['result']> = {};
  for (const [key, value] of Object.entries(row.output)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      result[key] = value as string | number | boolean | null;
  }
  return result;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function view(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.name,
    state: row.state,
    attempts: row.retry_count + (row.started_on ? 1 : 0),
    retryLimit: row.retry_limit,
    progress:
      row.done === null || row.total === null
        ? null
        : { done: row.done, total: row.total, message: row.message },
    result: resultOf(row),
    error: errorOf(row),
    createdAt: row.created_on.toISOString(),
    runAt: row.start_after.toISOString(),
    startedAt: iso(row.started_on),
    finishedAt: iso(row.completed_on),
    orgUnit: row.unit_id ? { id: row.unit_id, name: row.unit_name ?? '' } : null,
    enqueuedBy: row.user_id ? { id: row.user_id, fullName: row.user_name ?? '' } : null,
  };
}

export async function selectJobs(
  db: Db,
  visibility: JobVisibility,
  filter: JobFilter,
  paging: { limit: number; offset: number },
): Promise<{ items: JobView[]; total: number }> {
  const conditions = [visibilityCondition(visibility)];
  if (filter.state) conditions.push(sql`j.state = ${filter.state}`);
  if (filter.kind) conditions.push(sql`j.name = ${filter.kind}`);
  const { rows } = await jobsQuery(
    sql.join(conditions, sql` AND `),
    sql`ORDER BY j.created_on DESC, j.id DESC LIMIT ${paging.limit} OFFSET ${paging.offset}`,
  ).execute(db);
  let total = Number(rows[0]?.full_count ?? 0);
  // A page past the end still reports how many there are.
  if (!rows.length && paging.offset > 0)
    total = (await selectJobs(db, visibility, filter, { limit: 1, offset: 0 })).total;
  return { items: rows.map(view), total };
}

export async function selectJob(
  db: Db,
  visibility: JobVisibility,
  id: string,
): Promise<JobView | null> {
  const { rows } = await jobsQuery(
    sql`j.id = ${id}::uuid AND ${visibilityCondition(visibility)}`,
    sql`LIMIT 1`,
  ).execute(db);
  return rows[0] ? view(rows[0]) : null;
}

/** States of running jobs, to notice a cancel made by another process. */
export async function selectStates(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: string; state: string }>`
    SELECT id, state::text AS state FROM pgboss.job WHERE id = ANY(${[...ids]}::uuid[])`.execute(
    db,
  );
  return new Map(rows.map((r) => [r.id, r.state]));
}

export async function jobKindOf(db: Db, id: string): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM pgboss.job WHERE id = ${id}::uuid LIMIT 1`.execute(db);
  return rows[0]?.name ?? null;
}

export async function writeProgress(
  db: Db,
  jobId: string,
  progress: { done: number; total: number; message: string | null },
): Promise<void> {
  await db
    .insertInto('job_progress')
    .values({ job_id: jobId, ...progress })
    .onConflict((oc) =>
      oc.column('job_id').doUpdateSet({ ...progress, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

export async function clearProgress(db: Db, jobId: string): Promise<void> {
  await db.deleteFrom('job_progress').where('job_id', '=', jobId).execute();
}

/** Progress rows whose job pg-boss has deleted (after its retention). */
export async function deleteOrphanProgress(db: Db): Promise<number> {
  const result = await sql`
    DELETE FROM job_progress p
    WHERE NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.id = p.job_id)
      AND NOT EXISTS (SELECT 1 FROM pgboss.archive a WHERE a.id = p.job_id)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Takes the lock of (kind, key) for the transaction and tells whether a job
 * of that kind and key is still waiting or running.
 */
export async function lockOpenSingleton(tx: Db, kind: string, key: string): Promise<boolean> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`sogd.job:${kind}:${key}`}))`.execute(tx);
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM pgboss.job
    WHERE name = ${kind} AND singleton_key = ${key} AND state < 'completed'
    LIMIT 1`.execute(tx);
  return rows.length > 0;
}
