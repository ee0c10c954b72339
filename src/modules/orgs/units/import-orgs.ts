import type { Readable } from 'node:stream';
import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { OrgUnit, OrgUnitKind, Ownership, SchoolLevel } from '../../../db/schema.ts';
import { readCoordinatePair } from '../../../lib/geo.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { normalizeText } from '../../../lib/vietnamese.ts';
import { headerKey, readFirstSheet, type SheetHeader } from '../../../lib/xlsx.ts';
import { isScope, type Caller } from '../caller.ts';
import type { ImportRowError, OrgImportResult } from '../contract.ts';
import {
  ORG_HEADERS,
  ORG_LOCATION_HEADERS,
  type OrgLocationField,
  type OrgSheetField,
} from './org-sheet.ts';
import { allUnits, insertUnit, overwriteUnit } from './repo.ts';
import {
  KIND_LABELS,
  LEVEL_LABELS,
  OWNERSHIP_LABELS,
  UNIT_CODE_RE,
  unitSearchName,
} from './rules.ts';

/**
 * Org tree import: docs/formats/org-import.md, to the letter, and the
 * optional location columns (Vĩ độ, Kinh độ: docs/schools.md). All or
 * nothing: every row is checked against the tree as it would be, then one
 * transaction writes them.
 */

type Field = OrgSheetField | OrgLocationField;
const HEADERS: Record<Field, string> = { ...ORG_HEADERS, ...ORG_LOCATION_HEADERS };
const KEY: Record<Field, string> = Object.fromEntries(
  Object.entries(HEADERS).map(([f, h]) => [f, headerKey(h)]),
) as Record<Field, string>;

type ImportSummary = OrgImportResult['summary'];

interface ParsedRow {
  row: number;
  code: string;
  name: string;
  parentCode: string | null;
  kind: OrgUnitKind;
  levels: SchoolLevel[];
  ownership: Ownership | null;
  address: string | null;
  /** undefined: the file has no location columns, and the unit keeps its own. */
  location: { lat: number; lon: number } | null | undefined;
}

const byLabel = <T extends string>(labels: Record<T, string>) =>
  new Map(Object.entries(labels).map(([value, label]) => [headerKey(label as string), value as T]));
const KINDS = byLabel(KIND_LABELS);
const LEVELS = byLabel(LEVEL_LABELS);
const OWNERSHIPS = byLabel(OWNERSHIP_LABELS);

export async function importOrgs(
  db: Db,
  caller: Caller,
  input: { file: string | Readable; dryRun: boolean },
): Promise<OrgImportResult> {
  if (isScope(caller)) caller.require('org.structure');
  // A signed-in importer changes only their own subtree; the CLI, the whole tree.
  const allowedRootPath = isScope(caller) ? caller.user.orgPath : undefined;
  const actor = isScope(caller) ? caller.actor : caller;
  const started = performance.now();
  const errors: ImportRowError[] = [];
  const rows: ParsedRow[] = [];
  let header: SheetHeader | null = null;
  let dataRows = 0;
  const seenCodes = new Map<string, number>();
  const err = (row: number, column: Field | null, message: string) =>
    errors.push({ row, column: column ? HEADERS[column] : null, message });

  for await (const sheetRow of readFirstSheet(input.file, Object.values(HEADERS), (h) => {
    header = h;
  })) {
    const r = sheetRow.rowNumber;
    dataRows++;
    for (const p of sheetRow.problems)
      errors.push({ row: r, column: p.header, message: p.message });
    const get = (f: Field) => sheetRow.values.get(KEY[f]) ?? null;
    const code = get('code');
    const name = get('name');
    const kindText = get('kind');
    const firstRow = code ? seenCodes.get(code.toLowerCase()) : undefined;
    if (code && firstRow) err(r, 'code', `Mã "${code}" trùng với dòng ${firstRow}.`);
    else if (code) seenCodes.set(code.toLowerCase(), r);
    if (!code) err(r, 'code', 'Thiếu mã đơn vị.');
    else if (!UNIT_CODE_RE.test(code))
      err(r, 'code', `Mã "${code}" không hợp lệ: cần 1–32 chữ cái, chữ số, "-" hoặc "_".`);
    if (!name) err(r, 'name', 'Thiếu tên đơn vị.');
    const kind = kindText ? KINDS.get(headerKey(kindText)) : undefined;
    if (!kindText) err(r, 'kind', 'Thiếu loại đơn vị.');
    else if (!kind)
      err(
        r,
        'kind',
        `Loại đơn vị "${kindText}" không hợp lệ: cần một trong ${Object.values(KIND_LABELS).join(', ')}.`,
      );
    const levels: SchoolLevel[] = [];
    const levelsText = get('levels');
    if (levelsText) {
      for (const part of levelsText
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const level = LEVELS.get(headerKey(part));
        if (!level)
          err(
            r,
            'levels',
            `Cấp học "${part}" không hợp lệ: cần ${Object.values(LEVEL_LABELS).join(', ')}, cách nhau bởi dấu phẩy.`,
          );
        else if (!levels.includes(level)) levels.push(level);
      }
    }
    const ownershipText = get('ownership');
    const ownership = ownershipText ? (OWNERSHIPS.get(headerKey(ownershipText)) ?? null) : null;
    if (ownershipText && !ownership)
      err(
        r,
        'ownership',
        `Loại hình "${ownershipText}" không hợp lệ: cần "Công lập" hoặc "Ngoài công lập".`,
      );
    if (kind === 'school') {
      if (!levelsText) err(r, 'levels', 'Trường phải ghi cấp học.');
      if (!ownershipText) err(r, 'ownership', 'Trường phải ghi loại hình.');
    }
    const location = readCoordinatePair(get('latitude'), get('longitude'), (axis, message) =>
      err(r, axis, message),
    );
    if (code && name && kind && !firstRow)
      rows.push({
        row: r,
        code,
        name: normalizeText(name),
        parentCode: get('parent'),
        kind,
        levels,
        ownership,
        address: get('address') ? normalizeText(get('address')!) : null,
        location: location ?? null,
      });
  }
  const h = header as SheetHeader | null;
  const columns = new Set(h ? h.columns.values() : []);
  // Without the location columns (the contract's own file, an export) locations stay as they are.
  if (!columns.has(KEY.latitude) && !columns.has(KEY.longitude))
    for (const row of rows) row.location = undefined;
  if (h) {
    for (const f of ['code', 'name', 'parent', 'kind'] as const)
      if (![...h.columns.values()].includes(KEY[f]))
        errors.push({
          row: 1,
          column: ORG_HEADERS[f],
          message: `Thiếu cột bắt buộc "${ORG_HEADERS[f]}".`,
        });
  }

  // The tree as it would be: database units, overlaid with the file.
  const existing = await allUnits(db);
  const dbByCode = new Map(existing.map((u) => [u.code.toLowerCase(), u]));
  const dbById = new Map(existing.map((u) => [u.id, u]));
  const fileByCode = new Map<string, ParsedRow>();
  for (const row of rows) fileByCode.set(row.code.toLowerCase(), row);
  const dbRoot = existing.find((u) => u.parent_id === null);
  const roots = rows.filter((r) => !r.parentCode);
  for (const root of roots) {
    if (dbRoot && dbRoot.code.toLowerCase() !== root.code.toLowerCase())
      err(
        root.row,
        'parent',
        `Thiếu mã đơn vị cấp trên: đã có đơn vị gốc "${dbRoot.code}", không thể có hai gốc.`,
      );
  }
  if (!dbRoot && roots.length > 1)
    for (const extra of roots.slice(1))
      err(
        extra.row,
        'parent',
        `Tệp có hai đơn vị gốc (dòng ${roots[0]!.row} và dòng ${extra.row}).`,
      );
  if (!dbRoot && roots.length === 0 && rows.length > 0)
    err(
      rows[0]!.row,
      'parent',
      'Chưa có đơn vị gốc (Sở): một dòng phải để trống "Mã đơn vị cấp trên".',
    );

  const parentOf = new Map<string, string | null>(); // code → parent code (lowercase)
  for (const u of existing) {
    const parent = u.parent_id ? dbById.get(u.parent_id) : undefined;
    parentOf.set(u.code.toLowerCase(), parent ? parent.code.toLowerCase() : null);
  }
  for (const row of fileByCode.values()) {
    const parentKey = row.parentCode?.toLowerCase() ?? null;
    if (parentKey && !fileByCode.has(parentKey) && !dbByCode.has(parentKey)) {
      err(
        row.row,
        'parent',
        `Không tìm thấy đơn vị cấp trên "${row.parentCode}" trong tệp hay trong cơ sở dữ liệu.`,
      );
      continue;
    }
    if (!parentKey && dbByCode.get(row.code.toLowerCase())?.parent_id)
      err(
        row.row,
        'parent',
        'Đơn vị này đã có đơn vị cấp trên; không thể biến nó thành đơn vị gốc.',
      );
    parentOf.set(row.code.toLowerCase(), parentKey);
  }
  // Cycles: walk up from every file row.
  for (const row of fileByCode.values()) {
    const seen = new Set<string>();
    let at: string | null | undefined = row.code.toLowerCase();
    while (at) {
      if (seen.has(at)) {
        err(
          row.row,
          'parent',
          `Quan hệ cấp trên tạo thành vòng lặp (qua mã "${at.toUpperCase()}").`,
        );
        break;
      }
      seen.add(at);
      at = parentOf.get(at);
    }
  }
  if (allowedRootPath) {
    for (const row of fileByCode.values()) {
      const unit = dbByCode.get(row.code.toLowerCase());
      const parent = row.parentCode ? dbByCode.get(row.parentCode.toLowerCase()) : undefined;
      if (
        (unit && !unit.path.startsWith(allowedRootPath)) ||
        (parent && !parent.path.startsWith(allowedRootPath)) ||
        (!row.parentCode && !unit)
      )
        err(row.row, 'code', 'Đơn vị nằm ngoài phạm vi quản lý của bạn.');
    }
  }

  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const changes: { row: ParsedRow; unit: OrgUnit | undefined }[] = [];
  for (const row of fileByCode.values()) {
    const unit = dbByCode.get(row.code.toLowerCase());
    if (!unit) {
      added++;
      changes.push({ row, unit });
      continue;
    }
    const parentCode = parentOf.get(row.code.toLowerCase()) ?? null;
    const currentParent = unit.parent_id ? dbById.get(unit.parent_id)?.code.toLowerCase() : null;
    const same =
      unit.name === row.name &&
      unit.kind === row.kind &&
      (currentParent ?? null) === parentCode &&
      [...unit.levels].sort().join() === [...row.levels].sort().join() &&
      (unit.ownership ?? null) === row.ownership &&
      (unit.address ?? null) === row.address &&
      (row.location === undefined ||
        (unit.latitude === (row.location?.lat ?? null) &&
          unit.longitude === (row.location?.lon ?? null)));
    if (same) unchanged++;
    else {
      updated++;
      changes.push({ row, unit });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const summary = (): ImportSummary => ({
    rows: dataRows,
    added,
    updated,
    unchanged,
    errors: errors.length,
    ms: Math.round(performance.now() - started),
  });
  const unknownColumns = h ? h.unknown : [];
  if (errors.length || input.dryRun || changes.length === 0)
    return {
      summary: summary(),
      errorList: errors,
      unknownColumns,
      applied: !errors.length && !input.dryRun,
    };

  await writeTransaction(db, actor, async (tx) => {
    // Final ids, then paths computed top-down over the whole tree.
    const idOf = new Map(existing.map((u) => [u.code.toLowerCase(), u.id]));
    for (const { row, unit } of changes) if (!unit) idOf.set(row.code.toLowerCase(), uuidv7());
    const pathOf = new Map<string, { path: string; depth: number }>();
    const resolve = (code: string): { path: string; depth: number } => {
      const known = pathOf.get(code);
      if (known) return known;
      const parent = parentOf.get(code);
      const self = idOf.get(code)!;
      const value = parent
        ? { path: `${resolve(parent).path}${self}/`, depth: resolve(parent).depth + 1 }
        : { path: `/${self}/`, depth: 0 };
      pathOf.set(code, value);
      return value;
    };
    const fresh = changes.filter((c) => !c.unit).map((c) => c.row);
    fresh.sort((a, b) => resolve(a.code.toLowerCase()).depth - resolve(b.code.toLowerCase()).depth);
    for (const row of fresh) {
      const code = row.code.toLowerCase();
      const target = resolve(code);
      const parentCode = parentOf.get(code);
      await insertUnit(tx, {
        id: idOf.get(code)!,
        code: row.code,
        name: row.name,
        search_name: unitSearchName(row.code, row.name),
        kind: row.kind,
        parent_id: parentCode ? idOf.get(parentCode)! : null,
        path: target.path,
        depth: target.depth,
        levels: row.levels,
        ownership: row.ownership,
        address: row.address,
        latitude: row.location?.lat ?? null,
        longitude: row.location?.lon ?? null,
        merged_into_id: null,
      });
    }
    // Existing units: the ones the file changes get every field; the others
    // only follow their moved ancestors (new path and depth).
    const changedById = new Map(changes.filter((c) => c.unit).map((c) => [c.unit!.id, c.row]));
    for (const u of existing) {
      const code = u.code.toLowerCase();
      const target = resolve(code);
      const row = changedById.get(u.id);
      if (row) {
        const parentCode = parentOf.get(code);
        await overwriteUnit(tx, u.id, {
          name: row.name,
          search_name: unitSearchName(u.code, row.name),
          kind: row.kind,
          parent_id: parentCode ? idOf.get(parentCode)! : null,
          path: target.path,
          depth: target.depth,
          levels: row.levels,
          ownership: row.ownership,
          address: row.address,
          ...(row.location !== undefined
            ? { latitude: row.location?.lat ?? null, longitude: row.location?.lon ?? null }
            : {}),
        });
      } else if (target.path !== u.path) {
        await overwriteUnit(tx, u.id, { path: target.path, depth: target.depth });
      }
    }
  });
  return { summary: summary(), errorList: errors, unknownColumns, applied: true };
}
