import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';

/** Every query of the entry-grade catchments; units are read through orgs_unit_v only. */

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  levels: string[];
}

export function unitsByCode(db: Db, codes: readonly string[]): Promise<UnitRef[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'name', 'kind', 'path', 'levels'])
    .where((eb) =>
      eb(
        eb.fn('lower', ['code']),
        'in',
        codes.map((c) => c.toLowerCase()),
      ),
    )
    .where('active', '=', true)
    .execute();
}

export function unitById(db: Db, id: string): Promise<UnitRef | undefined> {
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'name', 'kind', 'path', 'levels'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface StoredArea {
  id: string;
  commune_id: string;
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

export function areasOfCommunes(db: Db | Tx, communeIds: readonly string[]): Promise<StoredArea[]> {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('entry_area').selectAll().where('commune_id', 'in', communeIds).execute();
}

export function catchmentLinks(
  db: Db | Tx,
  areaIds: readonly string[],
): Promise<{ area_id: string; school_id: string; grade: 1 | 6 }[]> {
  if (areaIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('entry_catchment')
    .select(['area_id', 'school_id', 'grade'])
    .where('area_id', 'in', areaIds)
    .execute();
}

export async function insertAreas(tx: Tx, areas: StoredArea[]): Promise<void> {
  if (areas.length) await tx.insertInto('entry_area').values(areas).execute();
}

export async function updateArea(
  tx: Tx,
  id: string,
  set: Pick<StoredArea, 'name' | 'latitude' | 'longitude'>,
): Promise<void> {
  await tx.updateTable('entry_area').set(set).where('id', '=', id).execute();
}

export async function replaceLinks(
  tx: Tx,
  areaIds: readonly string[],
  links: { id: string; area_id: string; school_id: string; grade: 1 | 6 }[],
): Promise<void> {
  if (areaIds.length)
    await tx.deleteFrom('entry_catchment').where('area_id', 'in', areaIds).execute();
  if (links.length) await tx.insertInto('entry_catchment').values(links).execute();
}

export interface CatchmentRow {
  area_id: string;
  area_code: string;
  area_name: string;
  latitude: number | null;
  longitude: number | null;
  school_id: string | null;
  school_code: string | null;
  school_name: string | null;
  grade: 1 | 6 | null;
}

/** A commune's areas with the schools serving each (areas no school serves included). */
export function communeCatchments(db: Db, communeId: string): Promise<CatchmentRow[]> {
  return db
    .selectFrom('entry_area as a')
    .leftJoin('entry_catchment as c', 'c.area_id', 'a.id')
    .leftJoin('orgs_unit_v as s', 's.id', 'c.school_id')
    .select([
      'a.id as area_id',
      'a.code as area_code',
      'a.name as area_name',
      'a.latitude',
      'a.longitude',
      's.id as school_id',
      's.code as school_code',
      's.name as school_name',
      'c.grade',
    ])
    .where('a.commune_id', '=', communeId)
    .orderBy('a.code')
    .orderBy('c.grade')
    .orderBy('s.code')
    .execute();
}
