import type { Tx } from '../db/actor.ts';
import type { Db } from '../db/connection.ts';
import type { OrgUnit } from '../db/schema.ts';

/**
 * What a module does when the org tree changes under its data. The org-tree
 * module (orgs) runs every installed hook; the app installs each module's
 * hooks from its descriptor, so a merge made from the CLI moves the same data
 * as one made over HTTP.
 */
export interface OrgTreeHooks {
  /** Figures shown on a unit's page (classes, students, staff…), over its whole subtree. */
  countUnit?: (db: Db, unit: OrgUnit) => Promise<Record<string, number>>;
  /** Inside the merge transaction: move this module's rows of `fromUnitId` to `intoUnitId`. */
  mergeUnit?: (tx: Tx, fromUnitId: string, intoUnitId: string) => Promise<void>;
}

const installed: OrgTreeHooks[] = [];

export function installOrgTreeHooks(hooks: OrgTreeHooks): void {
  if (!installed.includes(hooks)) installed.push(hooks);
}

export function orgTreeHooks(): readonly OrgTreeHooks[] {
  return installed;
}
