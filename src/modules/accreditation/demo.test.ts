import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, scopeAt, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { seedAccreditationDemo } from './demo.ts';
import { getCycle } from './get-cycle.ts';
import { getProgress } from './get-progress.ts';

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
});
afterAll(() => close());

it("seeds a TT 18 campaign with the first lower-secondary school's cycle under way", async () => {
  const dept = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', '=', ids.SGD!)
    .executeTakeFirstOrThrow();
  const { campaign, cycle } = await seedAccreditationDemo(db, dept, '2026-2027');
  const admin = await scopeAt(db, ids.SGD!, 'department_admin');
  const progress = await getProgress(db, admin, { campaignId: campaign, page: 1, pageSize: 100 });
  // Only THB teaches lower secondary in the small province.
  expect(progress.items).toEqual([
    expect.objectContaining({ status: 'in_progress', cycleId: cycle }),
  ]);
  const detail = await getCycle(db, admin, cycle!);
  expect(detail.members).toHaveLength(3);
  expect(detail.evidence.map((e) => e.code)).toEqual([
    '[H1.1.01.01]',
    '[H1.1.01.02]',
    '[H1.1.02.01]',
  ]);
  const levels = Object.fromEntries(detail.standards[0]!.criteria.map((c) => [c.code, c.level]));
  expect(levels).toMatchObject({ '1.1': 2, '1.3': 1, '1.6': 0 });
  expect(detail.evaluation.level).toBe(0);
  expect(detail.evaluation.reasons[0]).toContain('tiêu chí 1.6 chưa đạt Mức 1');
});
