import type { Writable } from 'node:stream';
import type { Db } from '../../../db/connection.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import { isScope, type Caller } from '../caller.ts';
import { ORG_HEADERS } from './org-sheet.ts';
import { allUnitCodes, unitsForExport } from './repo.ts';
import { KIND_LABELS, LEVEL_LABELS, OWNERSHIP_LABELS } from './rules.ts';

/**
 * Writes the tree in the import format, so that export then import changes
 * nothing: a signed-in user's subtree, or (the CLI) the whole tree. Access is
 * checked before anything is written; `written` settles with the number of
 * units once the workbook is complete (a route streams it meanwhile).
 */
export async function exportOrgs(
  db: Db,
  caller: Caller,
  input: { file: string | Writable },
): Promise<{ written: Promise<number> }> {
  const rootPath = isScope(caller)
    ? (await caller.requireUnit(db, caller.user.orgUnitId, 'org.read')).path
    : undefined;
  return { written: writeTree(db, input.file, rootPath) };
}

async function writeTree(db: Db, file: string | Writable, rootPath?: string): Promise<number> {
  const units = await unitsForExport(db, rootPath);
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  // The subtree's root names its parent by code too, though that parent is not exported.
  const allCodes = rootPath ? new Map((await allUnitCodes(db)).map((u) => [u.id, u.code])) : codeOf;
  await writeSimpleWorkbook(
    file,
    'Đơn vị',
    Object.values(ORG_HEADERS),
    units.map((u) => [
      u.code,
      u.name,
      u.parent_id ? (allCodes.get(u.parent_id) ?? '') : '',
      KIND_LABELS[u.kind],
      u.levels.map((l) => LEVEL_LABELS[l]).join(', ') || null,
      u.ownership ? OWNERSHIP_LABELS[u.ownership] : null,
      u.address,
    ]),
  );
  return units.length;
}
