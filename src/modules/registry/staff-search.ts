import type { Writable } from 'node:stream';
import type { Db } from '../../db/connection.ts';
import type { StaffPosition } from '../../db/schema.ts';
import { formatVietnameseDate, parseVietnameseDate } from '../../lib/dates.ts';
import { compareVietnamese, searchKey, sortByVietnameseName } from '../../lib/vietnamese.ts';
import { writeSimpleWorkbook } from '../../lib/xlsx.ts';
import { badRequest } from '../../core/errors.ts';
import type { Scope } from '../../core/access/scope.ts';
import { POSITION_LABELS, STAFF_HEADERS } from './import-staff.ts';
import { EXPORT_MAX_ROWS, maskPersonalId } from './search.ts';
import { GENDER_LABELS } from './labels.ts';
import type { StaffHit } from './contract.ts';
export type { StaffHit } from './contract.ts';

/**
 * Staff search across the caller's scope: by name (diacritics ignored, every
 * word of the query part of the name), personal id and date of birth, with
 * school, position and active filters. Personal ids come back masked.
 */

export interface StaffQuery {
  q?: string | undefined;
  birthDate?: string | undefined;
  schoolId?: string | undefined;
  position?: StaffPosition | undefined;
  active?: boolean | undefined;
  page: number;
  pageSize: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function baseQuery(db: Db, scope: Scope, query: Omit<StaffQuery, 'page' | 'pageSize'>) {
  let q = db
    .selectFrom('staff')
    .innerJoin('org_unit', 'org_unit.id', 'staff.school_id')
    .where(scope.unitCondition('staff.school_id'));
  const text = query.q?.trim() ?? '';
  if (/^\d{12}$/.test(text)) q = q.where('staff.personal_id', '=', text);
  else if (text) {
    const words = searchKey(text).split(' ').filter(Boolean);
    q = q.where((eb) =>
      eb.and(words.map((w) => eb('staff.search_name', 'like', `%${escapeLike(w)}%`))),
    );
  }
  if (query.birthDate) {
    const iso = parseVietnameseDate(query.birthDate);
    if (!iso) throw badRequest('Ngày sinh cần dạng dd/mm/yyyy.');
    q = q.where('staff.birth_date', '=', iso);
  }
  if (query.schoolId) q = q.where('staff.school_id', '=', query.schoolId);
  if (query.position) q = q.where('staff.position', '=', query.position);
  if (query.active !== undefined) q = q.where('staff.active', '=', query.active);
  return q;
}

export async function searchStaff(
  db: Db,
  scope: Scope,
  query: StaffQuery,
): Promise<{ items: StaffHit[]; total: number }> {
  scope.require('registry.read');
  if (query.schoolId) await scope.requireUnit(db, query.schoolId, 'registry.read');
  const q = baseQuery(db, scope, query);
  const [{ total } = { total: 0 }] = await q
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await q
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
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      gender: r.gender,
      position: r.position,
      mainSubject: r.main_subject,
      qualification: r.qualification,
      employmentType: r.employment_type,
      active: r.active,
      personalIdMasked: maskPersonalId(r.personal_id),
      school: { id: r.school_id, code: r.school_code, name: r.school_name },
      version: r.version,
    })),
  };
}

/**
 * A staff list as xlsx with Vietnamese headers, by school then in Vietnamese
 * name order (given name, middle, family). The import's headers are used for
 * the same data, so an exported list can be edited and imported back (the
 * extra columns STT, Trường and Trạng thái are ignored by the import). Personal
 * ids are left out: a list travels by e-mail and USB sticks.
 */
export async function staffExportRows(
  db: Db,
  scope: Scope,
  query: Omit<StaffQuery, 'page' | 'pageSize'>,
  maxRows = EXPORT_MAX_ROWS,
) {
  scope.require('registry.read');
  if (query.schoolId) await scope.requireUnit(db, query.schoolId, 'registry.read');
  const rows = await baseQuery(db, scope, query)
    .select([
      'staff.full_name',
      'staff.birth_date',
      'staff.gender',
      'staff.position',
      'staff.main_subject',
      'staff.qualification',
      'staff.employment_type',
      'staff.active',
      'org_unit.code as school_code',
      'org_unit.name as school_name',
    ])
    .limit(maxRows + 1)
    .execute();
  if (rows.length > maxRows)
    throw badRequest(
      `Danh sách có hơn ${maxRows.toLocaleString('vi-VN')} người, quá giới hạn của một tệp xuất: hãy lọc theo trường hoặc vị trí.`,
    );
  // A stable sort keeps the name order within each school.
  return sortByVietnameseName(rows, (r) => r.full_name).sort((a, b) =>
    compareVietnamese(a.school_code, b.school_code),
  );
}

export async function writeStaffExport(
  sorted: Awaited<ReturnType<typeof staffExportRows>>,
  out: Writable,
): Promise<number> {
  const H = STAFF_HEADERS;
  await writeSimpleWorkbook(
    out,
    'Cán bộ, giáo viên',
    [
      'STT',
      H.schoolCode,
      'Trường',
      H.fullName,
      H.birthDate,
      H.gender,
      H.position,
      H.mainSubject,
      H.qualification,
      H.employmentType,
      'Trạng thái',
    ],
    sorted.map((r, i) => [
      i + 1,
      r.school_code,
      r.school_name,
      r.full_name,
      formatVietnameseDate(r.birth_date),
      GENDER_LABELS[r.gender],
      POSITION_LABELS[r.position],
      r.main_subject,
      r.qualification,
      r.employment_type,
      r.active ? 'Đang công tác' : 'Đã nghỉ',
    ]),
  );
  return sorted.length;
}
