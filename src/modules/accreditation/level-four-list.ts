import type { Db } from '../../db/connection.ts';
import type { LevelFourView } from './contract.ts';
import { levelFourList } from './repo.ts';
import type { StandardSet } from './sets/types.ts';

/** The set's Mức 4 list as the department entered it, else its placeholders. */
export async function levelFourOf(db: Db, set: StandardSet): Promise<LevelFourView | null> {
  const shape = set.levelFour;
  if (!shape) return null;
  const entered = await levelFourList(db, set.id);
  return {
    setId: set.id,
    level: shape.level,
    article: shape.article,
    confirmed: shape.confirmed,
    note: shape.note,
    version: entered?.version ?? 0,
    source: entered?.source ?? null,
    updatedBy: entered?.updated_by ?? null,
    updatedAt: entered ? entered.updated_at.toISOString() : null,
    criteria: entered ? entered.criteria : shape.criteria.map((c) => ({ ...c })),
  };
}
