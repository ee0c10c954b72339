import type { OrgUnit } from '../../../db/schema.ts';
import type { SchoolInfo } from '../contract.ts';

/** The org unit's attributes a school page shows read-only. */
export const schoolInfo = (u: OrgUnit): SchoolInfo => ({
  id: u.id,
  code: u.code,
  name: u.name,
  levels: u.levels,
  ownership: u.ownership,
  address: u.address,
  active: u.active,
});
