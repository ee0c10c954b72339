import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireCampaign } from './access.ts';
import type { ProgressPage } from './contract.ts';
import type { CycleStatus } from './labels.ts';
import { presentCampaign } from './present.ts';
import { progressRows } from './repo.ts';

const STATUSES: CycleStatus[] = ['not_started', 'in_progress', 'submitted', 'returned', 'accepted'];

/**
 * Every school of a campaign inside the caller's subtree with its status
 * (not started, in progress, submitted, returned, accepted), and the counts.
 */
export async function getProgress(
  db: Db,
  scope: Scope,
  input: { campaignId: string; status?: CycleStatus | undefined; page: number; pageSize: number },
): Promise<ProgressPage> {
  const { campaign, set } = await requireCampaign(
    db,
    scope,
    input.campaignId,
    'accreditation.read',
  );
  const { counts, rows } = await progressRows(db, {
    campaignId: campaign.id,
    campaignPath: campaign.unit_path,
    scopePath: scope.user.orgPath,
    levels: set.schoolLevels,
    status: input.status,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<CycleStatus, number>;
  for (const c of counts) byStatus[c.status as CycleStatus] = Number(c.n);
  const total = input.status
    ? byStatus[input.status]
    : Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    campaign: presentCampaign(campaign, set),
    counts: byStatus,
    items: rows.map((r) => ({
      school: { id: r.id, code: r.code, name: r.name },
      status: r.status as CycleStatus,
      cycleId: r.cycle_id,
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
