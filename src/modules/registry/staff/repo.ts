import { sql, type Insertable, type Updateable } from 'kysely';
import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { StaffPosition, StaffTable, StaffTrainingTable } from '../../../db/schema.ts';
import { searchKey } from '../../../lib/vietnamese.ts';
import type { Scope } from '../../../core/access/scope.ts';

/** Every query of the staff search and export: the staff of the caller's scope, filtered. */

export interface StaffFilters {
  q?: string | undefined;
  /** 'yyyy-mm-dd', already checked by the use case. */
  birthDate?: string | undefined;
  schoolId?: string | undefined;
  position?: StaffPosition | undefined;
  active?: boolean | undefined;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function staffOfScope(db: Db, scope: Scope, filters: StaffFilters) {
  let q = db
    .selectFrom('staff')
    .innerJoin('orgs_unit_v as org_unit', 'org_unit.id', 'staff.school_id')
    .where(scope.unitCondition('staff.school_id'));
  const text = filters.q?.trim() ?? '';
  if (/^\d{12}$/.test(text)) q = q.where('staff.personal_id', '=', text);
  else if (text) {
    const words = searchKey(text).split(' ').filter(Boolean);
    q = q.where((eb) =>
      eb.and(words.map((w) => eb('staff.search_name', 'like', `%${escapeLike(w)}%`))),
    );
  }
  if (filters.birthDate) q = q.where('staff.birth_date', '=', filters.birthDate);
  if (filters.schoolId) q = q.where('staff.school_id', '=', filters.schoolId);
  if (filters.position) q = q.where('staff.position', '=', filters.position);
  if (filters.active !== undefined) q = q.where('staff.active', '=', filters.active);
  return q;
}

export async function countStaff(db: Db, scope: Scope, filters: StaffFilters): Promise<number> {
  const [{ total } = { total: 0 }] = await staffOfScope(db, scope, filters)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  return Number(total);
}

/** One page in name order (search key, then id: a stable order across pages). */
export function staffPage(
  db: Db,
  scope: Scope,
  filters: StaffFilters,
  page: { limit: number; offset: number },
) {
  return staffOfScope(db, scope, filters)
    .select([
      'staff.id',
      'staff.full_name',
      'staff.birth_date',
      'staff.gender',
      'staff.position',
      'staff.main_subject',
      'staff.qualification',
      'staff.employment_type',
      'staff.active',
      'staff.personal_id',
      'staff.version',
      'org_unit.id as school_id',
      'org_unit.code as school_code',
      'org_unit.name as school_name',
    ])
    .orderBy('staff.search_name')
    .orderBy('staff.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** The export's columns (no personal id), at most `limit` rows, unsorted. */
export function staffForExport(db: Db, scope: Scope, filters: StaffFilters, limit: number) {
  return staffOfScope(db, scope, filters)
    .select([
      'staff.full_name',
      'staff.birth_date',
      'staff.gender',
      'staff.position',
      'staff.main_subject',
      'staff.qualification',
      'staff.employment_type',
      'staff.level_taught',
      'staff.active',
      'org_unit.code as school_code',
      'org_unit.name as school_name',
    ])
    .limit(limit)
    .execute();
}

// ---------------------------------------------------------------- the staff record

/** A staff member with their school (from orgs' published view), for the record page. */
export function staffRecordRow(db: Db, id: string) {
  return db
    .selectFrom('staff')
    .innerJoin('orgs_unit_v as u', 'u.id', 'staff.school_id')
    .selectAll('staff')
    .select(['u.code as school_code', 'u.name as school_name', 'u.path', 'u.levels'])
    .where('staff.id', '=', id)
    .executeTakeFirst();
}

export function trainingOf(db: Db, staffId: string) {
  return db
    .selectFrom('staff_training')
    .selectAll()
    .where('staff_id', '=', staffId)
    .orderBy('from_date', 'desc')
    .orderBy('id')
    .execute();
}

export function lockStaff(tx: Tx, id: string) {
  return tx.selectFrom('staff').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Another staff row of the province holding this personal id, if any. */
export function staffWithPersonalId(q: Db | Tx, personalId: string, except?: string) {
  let query = q
    .selectFrom('staff')
    .innerJoin('orgs_unit_v as u', 'u.id', 'staff.school_id')
    .select(['staff.id', 'staff.full_name', 'u.name as school_name'])
    .where('staff.personal_id', '=', personalId);
  if (except) query = query.where('staff.id', '!=', except);
  return query.executeTakeFirst();
}

export async function insertStaff(tx: Tx, row: Insertable<StaffTable>): Promise<void> {
  await tx.insertInto('staff').values(row).execute();
}

/** Writes the changed fields if the row is still at `version`; false when it moved on. */
export async function updateStaffRow(
  tx: Tx,
  id: string,
  version: number,
  fields: Updateable<StaffTable>,
): Promise<boolean> {
  const done = await tx
    .updateTable('staff')
    .set({ ...fields, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

export async function insertTraining(tx: Tx, row: Insertable<StaffTrainingTable>): Promise<void> {
  await tx.insertInto('staff_training').values(row).execute();
}
