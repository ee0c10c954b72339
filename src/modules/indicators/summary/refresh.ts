/**
 * Keeps the indicators' summary exact (docs/indicators.md, "Summaries"):
 * before an answer reads the summary of a subtree, the schools and years
 * the registry's change feed names there are recomputed from the views, in
 * one transaction with the feed rows they consume. With nothing pending
 * this costs one indexed look-up; the job `indicators.refresh-summary`
 * does the same for the whole province in the background, so that an
 * answer seldom waits for a bulk import's recomputation.
 */
import type { Db } from '../../../db/connection.ts';
import {
  analyzeSummary,
  changesPending,
  claimChanges,
  lockRefresh,
  recomputeSummary,
} from './repo.ts';

/** A refresh of more school-years than this analyzes the summary tables after it. */
const ANALYZE_AFTER = 200;

/** Recomputes what changed under `path` (null: everywhere); answers how many school-years. */
export async function refreshSummary(db: Db, path: string | null): Promise<number> {
  if (!(await changesPending(db, path))) return 0;
  const count = await db.transaction().execute(async (tx) => {
    await lockRefresh(tx);
    const keys = await claimChanges(tx, path);
    // In batches: one statement's arrays stay small after a province-wide import.
    for (let i = 0; i < keys.length; i += 500) await recomputeSummary(tx, keys.slice(i, i + 500));
    return keys.length;
  });
  if (count > ANALYZE_AFTER) await analyzeSummary(db);
  return count;
}
