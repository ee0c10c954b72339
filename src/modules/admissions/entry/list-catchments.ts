import type { Scope } from '../../../core/access/scope.ts';
import { notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connection.ts';
import { pointOf, type GeoPoint } from '../../../lib/geo.ts';
import { communeCatchments, unitById } from './repo.ts';

export interface CatchmentArea {
  id: string;
  code: string;
  name: string;
  home: GeoPoint | null;
  schools: { id: string; code: string; name: string; grade: 1 | 6 }[];
}

/** A commune's areas and the schools serving each, for anyone who may read admissions there. */
export async function listCatchments(
  db: Db,
  scope: Scope,
  communeId: string,
): Promise<CatchmentArea[]> {
  scope.require('admissions.read');
  const commune = await unitById(db, communeId);
  if (!commune || commune.kind !== 'commune' || !scope.containsPath(commune.path))
    throw notFound('xã/phường này trong phạm vi của bạn');
  const areas = new Map<string, CatchmentArea>();
  for (const row of await communeCatchments(db, communeId)) {
    let area = areas.get(row.area_id);
    if (!area) {
      area = {
        id: row.area_id,
        code: row.area_code,
        name: row.area_name,
        home: pointOf(row.latitude, row.longitude),
        schools: [],
      };
      areas.set(row.area_id, area);
    }
    if (row.school_id && row.grade)
      area.schools.push({
        id: row.school_id,
        code: row.school_code!,
        name: row.school_name!,
        grade: row.grade,
      });
  }
  return [...areas.values()];
}
