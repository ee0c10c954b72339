import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { RoomCondition, RoomType } from '../../../db/schema.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { parseVietnameseNumber } from '../../../lib/numbers.ts';
import { badRequest, type FieldError } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { staleVersion } from '../../../core/versions.ts';
import type { FacilityItem, SchoolFacilities } from '../contract.ts';
import { ROOM_CONDITION_LABELS, ROOM_CONDITIONS, ROOM_TYPE_LABELS, ROOM_TYPES } from '../labels.ts';
import { checkSchoolYear, requireSchool } from './access.ts';
import { MAX_AREA_M2, MAX_ROOM_COUNT } from './facility-items.ts';
import { getFacilities } from './get-facilities.ts';
import { deleteFacilities, insertFacilities, lockFacilities, updateFacility } from './repo.ts';

/**
 * Input as sent: checked here so every row's problem is named. A count or an
 * area may come as text written the Vietnamese way (`96,5`, `1.234,5`): it is
 * read by src/lib/numbers.ts, never by Number(), so 96,5 is 96.5 m², not 965.
 */
export interface FacilityInput {
  roomType: string;
  condition: string;
  count: number | string;
  areaM2?: number | string | null | undefined;
}

/** A number sent as a number or as Vietnamese text; NaN when it is not one, null when empty. */
function readNumber(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (!v.trim()) return null;
  return parseVietnameseNumber(v) ?? NaN;
}

/** A facility row as the form loaded it: its key and version. */
export interface FacilityVersion {
  roomType: string;
  condition: string;
  version: number;
}

/**
 * Replaces a school's rooms for a year with `items`: rows missing from it are
 * removed, changed rows updated in place (same id, so the audit log shows
 * before → after), unchanged rows not written. A row with 0 rooms and no area
 * says nothing and is not kept.
 *
 * The rooms of a year are one form, so its version is the set of rows it was
 * loaded with: `loaded` (the items' keys and versions, [] for none) must be
 * exactly the rows recorded now, or the save is a 409 (someone changed,
 * added or removed a row since). Without `loaded` nothing is checked.
 */
export async function replaceFacilities(
  db: Db,
  scope: Scope,
  input: {
    schoolId: string;
    schoolYear: string;
    items: FacilityInput[];
    loaded?: FacilityVersion[] | undefined;
  },
): Promise<SchoolFacilities> {
  const { schoolId, schoolYear, loaded } = input;
  checkSchoolYear(schoolYear);
  const school = await requireSchool(db, scope, schoolId, 'registry.write');
  if (input.items.length > ROOM_TYPES.length * ROOM_CONDITIONS.length)
    throw badRequest('Quá nhiều dòng cơ sở vật chất: mỗi loại phòng và tình trạng chỉ một dòng.');
  const items = validateFacilities(input.items).filter((i) => i.count > 0 || i.areaM2 !== null);
  await writeTransaction(db, scope.actor, async (tx) => {
    const existing = await lockFacilities(tx, schoolId, schoolYear);
    const byKey = new Map(existing.map((e) => [`${e.room_type}|${e.condition}`, e]));
    if (loaded) {
      const seen = new Map(loaded.map((l) => [`${l.roomType}|${l.condition}`, l.version]));
      const same =
        seen.size === loaded.length &&
        seen.size === existing.length &&
        existing.every((e) => seen.get(`${e.room_type}|${e.condition}`) === e.version);
      if (!same) throw staleVersion(`Cơ sở vật chất năm học ${schoolYear} của ${school.name}`);
    }
    const keep = new Set<string>();
    const inserts = [];
    for (const item of items) {
      const key = `${item.roomType}|${item.condition}`;
      keep.add(key);
      const old = byKey.get(key);
      if (!old) {
        inserts.push({
          school_id: schoolId,
          school_year: schoolYear,
          room_type: item.roomType,
          condition: item.condition,
          id: uuidv7(),
          room_count: item.count,
          area_m2: item.areaM2,
        });
      } else if (
        old.room_count !== item.count ||
        (old.area_m2 === null ? null : Number(old.area_m2)) !== item.areaM2
      ) {
        await updateFacility(tx, schoolId, old.id, {
          room_count: item.count,
          area_m2: item.areaM2,
        });
      }
    }
    const gone = existing.filter((e) => !keep.has(`${e.room_type}|${e.condition}`));
    if (gone.length)
      await deleteFacilities(
        tx,
        schoolId,
        gone.map((g) => g.id),
      );
    if (inserts.length) await insertFacilities(tx, inserts);
  });
  return getFacilities(db, scope, { schoolId, schoolYear });
}

/** Checks every row; errors name the row (1-based, as the page shows it) and the field. */
export function validateFacilities(input: FacilityInput[]): FacilityItem[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const items: FacilityItem[] = [];
  input.forEach((row, i) => {
    const n = i + 1;
    const typeOk = (ROOM_TYPES as string[]).includes(row.roomType);
    const conditionOk = (ROOM_CONDITIONS as string[]).includes(row.condition);
    if (!typeOk)
      errors.push({
        path: `items.${i}.roomType`,
        message: `Dòng ${n}: loại phòng "${row.roomType}" không có trong danh mục.`,
      });
    if (!conditionOk)
      errors.push({
        path: `items.${i}.condition`,
        message: `Dòng ${n}: tình trạng "${row.condition}" không hợp lệ; chọn Kiên cố, Bán kiên cố hoặc Tạm.`,
      });
    const count = readNumber(row.count) ?? 0;
    if (!Number.isInteger(count) || count < 0 || count > MAX_ROOM_COUNT)
      errors.push({
        path: `items.${i}.count`,
        message: `Dòng ${n}: số phòng phải là số nguyên từ 0 đến ${MAX_ROOM_COUNT.toLocaleString('vi-VN')}${typeof row.count === 'string' ? ` (đã nhập "${row.count}")` : ''}.`,
      });
    const area = readNumber(row.areaM2);
    if (area !== null && (!Number.isFinite(area) || area < 0 || area > MAX_AREA_M2))
      errors.push({
        path: `items.${i}.areaM2`,
        message: `Dòng ${n}: diện tích phải là số từ 0 đến ${MAX_AREA_M2.toLocaleString('vi-VN')} m², viết như 96,5 hoặc 1.234,5${typeof row.areaM2 === 'string' ? ` (đã nhập "${row.areaM2}")` : ''}.`,
      });
    if (!typeOk || !conditionOk) return;
    const key = `${row.roomType}|${row.condition}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        path: `items.${i}.roomType`,
        message: `Dòng ${n}: trùng "${ROOM_TYPE_LABELS[row.roomType as RoomType]} – ${ROOM_CONDITION_LABELS[row.condition as RoomCondition]}" với dòng ${first}.`,
      });
      return;
    }
    seen.set(key, n);
    items.push({
      roomType: row.roomType as RoomType,
      condition: row.condition as RoomCondition,
      count,
      areaM2: area === null ? null : Math.round(area * 10) / 10,
    });
  });
  if (errors.length) throw badRequest('Số liệu cơ sở vật chất chưa hợp lệ: chưa lưu gì.', errors);
  return items;
}
