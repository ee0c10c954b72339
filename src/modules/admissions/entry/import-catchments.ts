import type { Readable } from 'node:stream';
import type { Scope } from '../../../core/access/scope.ts';
import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { readCoordinatePair } from '../../../lib/geo.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { normalizeText } from '../../../lib/vietnamese.ts';
import { headerKey, readFirstSheet, type SheetHeader } from '../../../lib/xlsx.ts';
import { CATCHMENT_HEADERS, type CatchmentField as Field } from './catchment-sheet.ts';
import {
  areasOfCommunes,
  catchmentLinks,
  insertAreas,
  replaceLinks,
  unitsByCode,
  updateArea,
  type StoredArea,
} from './repo.ts';

/**
 * The catchment workbook (one row per area × grade × school serving it),
 * all or nothing: every row is checked, then one transaction makes the
 * catchments of each commune in the file exactly what the file says. Areas
 * a commune no longer lists keep their row (registrations may name them)
 * but lose their schools, and are reported.
 */

export interface CatchmentRowError {
  row: number;
  column: string | null;
  message: string;
}

export interface CatchmentImportResult {
  dryRun: boolean;
  rows: number;
  communes: number;
  areasAdded: number;
  areasUpdated: number;
  links: number;
  /** Areas of these communes that the file no longer lists: no school serves them now. */
  areasUnserved: string[];
  errors: CatchmentRowError[];
}

const KEY = Object.fromEntries(
  Object.entries(CATCHMENT_HEADERS).map(([f, h]) => [f, headerKey(h)]),
) as Record<Field, string>;
const AREA_CODE = /^[A-Za-z0-9_-]{1,32}$/;

interface ParsedRow {
  row: number;
  commune: string;
  areaCode: string;
  areaName: string;
  grade: 1 | 6;
  school: string;
  latitude: number | null;
  longitude: number | null;
}

export async function importCatchments(
  db: Db,
  scope: Scope,
  input: { file: string | Buffer | Readable; dryRun: boolean },
): Promise<CatchmentImportResult> {
  scope.require('admissions.catchments');
  const errors: CatchmentRowError[] = [];
  const err = (row: number, column: Field | null, message: string) =>
    errors.push({ row, column: column ? CATCHMENT_HEADERS[column] : null, message });
  const rows: ParsedRow[] = [];
  let header: SheetHeader | null = null;
  let dataRows = 0;
  for await (const sheetRow of readFirstSheet(input.file, Object.values(CATCHMENT_HEADERS), (h) => {
    header = h;
  })) {
    const r = sheetRow.rowNumber;
    dataRows++;
    for (const p of sheetRow.problems)
      errors.push({ row: r, column: p.header, message: p.message });
    const get = (f: Field) => sheetRow.values.get(KEY[f]) ?? null;
    const commune = get('commune');
    const areaCode = get('areaCode');
    const areaName = get('areaName');
    const gradeText = get('grade');
    const school = get('school');
    if (!commune) err(r, 'commune', 'Thiếu mã xã/phường.');
    if (!areaCode) err(r, 'areaCode', 'Thiếu mã khu dân cư.');
    else if (!AREA_CODE.test(areaCode))
      err(
        r,
        'areaCode',
        `Mã khu dân cư "${areaCode}" không hợp lệ: cần 1–32 chữ cái, chữ số, "-" hoặc "_".`,
      );
    if (!areaName) err(r, 'areaName', 'Thiếu tên khu dân cư (thôn, tổ dân phố).');
    const grade = gradeText === '1' ? 1 : gradeText === '6' ? 6 : null;
    if (!gradeText) err(r, 'grade', 'Thiếu lớp tuyển sinh: ghi 1 (tiểu học) hoặc 6 (THCS).');
    else if (!grade)
      err(r, 'grade', `Lớp "${gradeText}" không hợp lệ: chỉ tuyển sinh đầu cấp lớp 1 hoặc lớp 6.`);
    if (!school) err(r, 'school', 'Thiếu mã trường phục vụ khu dân cư này.');
    const home = readCoordinatePair(get('latitude'), get('longitude'), (axis, message) =>
      err(r, axis, message),
    );
    if (commune && areaCode && areaName && grade && school && home !== undefined)
      rows.push({
        row: r,
        commune,
        areaCode,
        areaName: normalizeText(areaName),
        grade,
        school,
        latitude: home?.lat ?? null,
        longitude: home?.lon ?? null,
      });
  }
  const h = header as SheetHeader | null;
  if (h)
    for (const f of ['commune', 'areaCode', 'areaName', 'grade', 'school'] as const)
      if (![...h.columns.values()].includes(KEY[f]))
        errors.push({
          row: 1,
          column: CATCHMENT_HEADERS[f],
          message: `Thiếu cột "${CATCHMENT_HEADERS[f]}".`,
        });

  // Units: communes and schools by code, in the caller's scope.
  const units = await unitsByCode(db, [...new Set(rows.flatMap((r) => [r.commune, r.school]))]);
  const byCode = new Map(units.map((u) => [u.code.toLowerCase(), u]));
  const areaFirst = new Map<string, ParsedRow>();
  const linkSeen = new Map<string, number>();
  for (const row of rows) {
    const commune = byCode.get(row.commune.toLowerCase());
    const school = byCode.get(row.school.toLowerCase());
    // Outside the caller's scope reads as unknown: the answer reveals nothing beyond it.
    if (!commune || !scope.containsPath(commune.path))
      err(row.row, 'commune', `Không có xã/phường mã "${row.commune}" trong phạm vi của bạn.`);
    else if (commune.kind !== 'commune')
      err(row.row, 'commune', `Đơn vị "${row.commune}" (${commune.name}) không phải xã/phường.`);
    if (!school || !scope.containsPath(school.path))
      err(row.row, 'school', `Không có trường mã "${row.school}" trong phạm vi của bạn.`);
    else {
      const level = row.grade === 1 ? 'primary' : 'lower_secondary';
      if (school.kind !== 'school' || !school.levels.includes(level))
        err(
          row.row,
          'school',
          `${school.name} không có cấp ${row.grade === 1 ? 'tiểu học' : 'THCS'}: không tuyển sinh lớp ${row.grade}.`,
        );
    }
    const areaKey = `${row.commune.toLowerCase()}|${row.areaCode.toLowerCase()}`;
    const first = areaFirst.get(areaKey);
    if (!first) areaFirst.set(areaKey, row);
    else if (
      first.areaName !== row.areaName ||
      first.latitude !== row.latitude ||
      first.longitude !== row.longitude
    )
      err(
        row.row,
        'areaName',
        `Khu dân cư "${row.areaCode}" đã ghi khác ở dòng ${first.row} (tên hoặc toạ độ phải giống nhau).`,
      );
    const linkKey = `${areaKey}|${row.grade}|${row.school.toLowerCase()}`;
    const seen = linkSeen.get(linkKey);
    if (seen) err(row.row, 'school', `Dòng này trùng dòng ${seen}.`);
    else linkSeen.set(linkKey, row.row);
  }

  const communeIds = [
    ...new Set(
      rows.map((r) => byCode.get(r.commune.toLowerCase())?.id).filter((id): id is string => !!id),
    ),
  ];
  const result: CatchmentImportResult = {
    dryRun: input.dryRun,
    rows: dataRows,
    communes: communeIds.length,
    areasAdded: 0,
    areasUpdated: 0,
    links: linkSeen.size,
    areasUnserved: [],
    errors: errors.sort((a, b) => a.row - b.row),
  };
  if (errors.length > 0) return { ...result, links: 0, communes: 0 };

  const apply = async (tx: Parameters<Parameters<typeof writeTransaction>[2]>[0]) => {
    const existing = await areasOfCommunes(tx, communeIds);
    const stored = new Map(existing.map((a) => [`${a.commune_id}|${a.code.toLowerCase()}`, a]));
    const added: StoredArea[] = [];
    const areaIdOf = new Map<string, string>();
    for (const [key, row] of areaFirst) {
      const communeId = byCode.get(key.split('|')[0]!)!.id;
      const current = stored.get(`${communeId}|${row.areaCode.toLowerCase()}`);
      if (!current) {
        const area = {
          id: uuidv7(),
          commune_id: communeId,
          code: row.areaCode,
          name: row.areaName,
          latitude: row.latitude,
          longitude: row.longitude,
        };
        added.push(area);
        areaIdOf.set(key, area.id);
      } else {
        areaIdOf.set(key, current.id);
        if (
          current.name !== row.areaName ||
          current.latitude !== row.latitude ||
          current.longitude !== row.longitude
        ) {
          result.areasUpdated++;
          if (!input.dryRun)
            await updateArea(tx, current.id, {
              name: row.areaName,
              latitude: row.latitude,
              longitude: row.longitude,
            });
        }
      }
    }
    result.areasAdded = added.length;
    const listed = new Set(areaIdOf.values());
    const unserved = existing.filter((a) => !listed.has(a.id));
    const stillLinked = new Set(
      (
        await catchmentLinks(
          tx,
          unserved.map((a) => a.id),
        )
      ).map((l) => l.area_id),
    );
    result.areasUnserved = unserved.filter((a) => stillLinked.has(a.id)).map((a) => a.code);
    if (input.dryRun) return;
    await insertAreas(tx, added);
    const links = [...linkSeen.keys()].map((key) => {
      const [commune, area, grade, school] = key.split('|') as [string, string, string, string];
      return {
        id: uuidv7(),
        area_id: areaIdOf.get(`${commune}|${area}`)!,
        school_id: byCode.get(school)!.id,
        grade: Number(grade) as 1 | 6,
      };
    });
    await replaceLinks(
      tx,
      existing.map((a) => a.id),
      links,
    );
  };
  if (input.dryRun) await db.transaction().execute(apply);
  else await writeTransaction(db, scope.actor, apply);
  return result;
}
