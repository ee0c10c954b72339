import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { AuditList, AuditQuery } from '../contract.ts';
import { auditEntries } from './repo.ts';

/** Days are Vietnam's (UTC+7): "from 1 May" starts at midnight in Hà Nội. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** Audit entries of the caller's subtree; entries tied to no unit only at the root. */
export async function listAudit(db: Db, scope: Scope, filter: AuditQuery): Promise<AuditList> {
  scope.require('audit.read');
  const isRoot = scope.user.orgPath.split('/').filter(Boolean).length === 1;
  const unit = filter.orgUnitId
    ? await scope.requireUnit(db, filter.orgUnitId, 'audit.read')
    : null;
  const { items, total } = await auditEntries(db, {
    within: scope.unitCondition('audit_log.org_unit_id'),
    withUnitless: isRoot,
    underPath: unit?.path,
    entityType: filter.entityType,
    entityId: filter.entityId,
    actor: filter.actor?.toLowerCase(),
    from: filter.from ? dayStart(filter.from) : undefined,
    before: filter.to ? new Date(dayStart(filter.to).getTime() + 86_400_000) : undefined,
    page: filter.page,
    pageSize: filter.pageSize,
  });
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}
