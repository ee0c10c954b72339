import type { Scope } from '../../../core/access/scope.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connection.ts';
import type { EntryUnitList } from './contract.ts';
import { unitById, unitsUnder } from './repo.ts';

/**
 * Every commune of the caller's subtree, at any depth (a department with
 * offices between it and its communes sees them all): the catchments page's
 * commune picker. A commune's officer gets their own commune.
 */
export async function listEntryCommunes(db: Db, scope: Scope): Promise<EntryUnitList> {
  if (!scope.can('admissions.catchments') && !scope.can('admissions.entry')) throw forbidden();
  return (await unitsUnder(db, scope.user.orgPath, 'commune')).map(toUnit);
}

/**
 * The active schools of the caller's subtree teaching the level a grade enters
 * (primary for grade 1, lower secondary for grade 6): the schools a new entry
 * campaign may take in. With `communeId`, only those under that commune.
 */
export async function listEntrySchools(
  db: Db,
  scope: Scope,
  grade: 1 | 6,
  communeId?: string,
): Promise<EntryUnitList> {
  scope.require('admissions.entry');
  let within = scope.user.orgPath;
  if (communeId) {
    const commune = await unitById(db, communeId);
    if (!commune || commune.kind !== 'commune' || !scope.containsPath(commune.path))
      throw notFound('xã/phường này trong phạm vi của bạn');
    within = commune.path;
  }
  const level = grade === 1 ? 'primary' : 'lower_secondary';
  return (await unitsUnder(db, within, 'school', level)).map(toUnit);
}

function toUnit(u: { id: string; code: string; name: string; parent_name: string | null }) {
  return { id: u.id, code: u.code, name: u.name, parentName: u.parent_name };
}
