import type { OrgUnitKind, Ownership, SchoolLevel } from '../../../db/schema.ts';
import { badRequest } from '../../../core/errors.ts';
import { checkCoordinate } from '../../../lib/geo.ts';
import { normalizeText, searchKey } from '../../../lib/vietnamese.ts';
import { KIND_NAMES, LEVEL_NAMES, OWNERSHIP_NAMES } from '../labels.ts';

/** Org-unit tree: any depth, data not code (the 2025 reform removed a level overnight). */

/** Vietnamese names (messages, the org import's cells); both languages in ../labels.ts. */
export const KIND_LABELS = KIND_NAMES.vi;
export const LEVEL_LABELS = LEVEL_NAMES.vi;
export const OWNERSHIP_LABELS = OWNERSHIP_NAMES.vi;

export const UNIT_CODE_RE = /^[A-Za-z0-9_-]{1,32}$/;

export function unitSearchName(code: string, name: string): string {
  return `${searchKey(name)} ${code.toLowerCase()}`;
}

/** Checks the fields a unit of `kind` needs; throws 400 with every problem at once. */
export function validateUnitFields(input: {
  code: string;
  name: string;
  kind: OrgUnitKind;
  levels: SchoolLevel[];
  ownership: Ownership | null;
  /** Checked only when given (a create, or an edit that sends it). */
  location?: { lat: number; lon: number } | null;
}): void {
  const errors = [];
  if (!UNIT_CODE_RE.test(input.code))
    errors.push({ path: 'code', message: 'Mã đơn vị gồm 1–32 chữ cái, chữ số, "-" hoặc "_".' });
  if (!normalizeText(input.name))
    errors.push({ path: 'name', message: 'Tên đơn vị không được để trống.' });
  if (input.kind === 'school') {
    if (input.levels.length === 0)
      errors.push({ path: 'levels', message: 'Trường phải có ít nhất một cấp học.' });
    if (!input.ownership)
      errors.push({
        path: 'ownership',
        message: 'Trường phải ghi loại hình: Công lập hoặc Ngoài công lập.',
      });
  }
  // A location feeds the entry-grade distance criterion and nearest-school offer
  // (docs/entry-enrolment.md); outside Viet Nam it is a typing slip.
  if (input.location)
    for (const [key, axis] of [
      ['lat', 'latitude'],
      ['lon', 'longitude'],
    ] as const) {
      const checked = checkCoordinate(input.location[key], axis);
      if (!checked.ok) errors.push({ path: `location.${key}`, message: checked.message });
    }
  if (errors.length) throw badRequest('Thông tin đơn vị chưa hợp lệ.', errors);
}
