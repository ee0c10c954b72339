/**
 * Mức 4 of TT 17/18/19-2018 (vn-regulations.md §2: "Mức 4 has its own
 * criteria list"): not a further requirement of each criterion but a separate
 * list a school already at Mức 3 must meet. Its wording could not be sourced,
 * so the department enters it from the circular (an import replacing the
 * list, versioned); until then the set's placeholders show and Mức 4 cannot
 * be reached. A school at Mức 3 rates each criterion met or not, citing
 * evidence like any requirement; the school is at Mức 4 when all are met
 * (rules.ts `evaluateWithLevelFour`; the rule is not checked either).
 */
import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { checkVersion } from '../../core/versions.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { requireCycle, requireEditable } from './access.ts';
import type {
  CycleDetail,
  LevelFourImportBody,
  LevelFourRatingBody,
  LevelFourVersion,
  LevelFourView,
} from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { checkJustification } from './rate-requirement.ts';
import {
  bumpCycle,
  lockCycle,
  levelFourVersions,
  lockLevelFourList,
  replaceLevelFourList,
  saveRating,
} from './repo.ts';
import { levelFourOf } from './level-four-list.ts';
import { findSet } from './sets/index.ts';
import type { LevelFourList, StandardSet } from './sets/types.ts';

const MAX_CRITERIA = 30;

function requireLevelFourSet(setId: string): StandardSet & { levelFour: LevelFourList } {
  const set = findSet(setId);
  if (!set) throw notFound(`bộ tiêu chuẩn ${setId}`);
  if (!set.levelFour)
    throw badRequest(`Bộ tiêu chuẩn ${setId} không có danh sách tiêu chí Mức 4 riêng.`);
  return set as StandardSet & { levelFour: LevelFourList };
}

export async function getLevelFour(db: Db, scope: Scope, setId: string): Promise<LevelFourView> {
  scope.require('accreditation.read');
  return (await levelFourOf(db, requireLevelFourSet(setId)))!;
}

/**
 * The history of a set's Mức 4 list: every version the department saved,
 * newest first, with its source, who saved it, when, and the criteria then.
 */
export async function listLevelFourVersions(
  db: Db,
  scope: Scope,
  setId: string,
): Promise<LevelFourVersion[]> {
  scope.require('accreditation.read');
  const set = requireLevelFourSet(setId);
  return (await levelFourVersions(db, set.id)).map((v) => ({
    version: v.version,
    source: v.source,
    savedBy: v.saved_by,
    savedAt: v.saved_at.toISOString(),
    criteria: v.criteria,
  }));
}

/**
 * Parses the pasted list: one criterion a line, optionally numbered ("1. …",
 * "2) …", "3<tab>…"); numbers, when given, run 1, 2, 3… in order. Every
 * problem is reported with its line; nothing is written unless all is well.
 */
export function parseLevelFourLines(lines: string): { code: string; text: string }[] {
  const rows = lines
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, raw: raw.trim() }))
    .filter((r) => r.raw !== '');
  const errors: { path: string; message: string }[] = [];
  if (rows.length === 0)
    throw badRequest('Danh sách tiêu chí Mức 4 còn trống.', [
      { path: 'lines', message: 'Mỗi dòng một tiêu chí, ví dụ "1. Nội dung tiêu chí".' },
    ]);
  if (rows.length > MAX_CRITERIA)
    throw badRequest(`Danh sách có ${rows.length} dòng, nhiều hơn ${MAX_CRITERIA} tiêu chí.`, [
      { path: 'lines', message: `Tối đa ${MAX_CRITERIA} tiêu chí, mỗi dòng một tiêu chí.` },
    ]);
  const out = rows.map((r, i) => {
    const m = /^(\d{1,2})\s*(?:[.)]|\t)\s*(.*)$/.exec(r.raw);
    const text = (m ? m[2]! : r.raw).trim();
    if (m && Number(m[1]) !== i + 1)
      errors.push({
        path: 'lines',
        message: `Dòng ${r.line}: số thứ tự ${m[1]}, cần ${i + 1} (các tiêu chí đánh số liên tiếp từ 1).`,
      });
    if (!text)
      errors.push({
        path: 'lines',
        message: `Dòng ${r.line}: thiếu nội dung tiêu chí sau số thứ tự.`,
      });
    else if (text.length > 5000)
      errors.push({
        path: 'lines',
        message: `Dòng ${r.line}: nội dung dài ${text.length} ký tự, tối đa 5000.`,
      });
    return { code: `M4.${i + 1}`, text };
  });
  if (errors.length) throw badRequest('Danh sách tiêu chí Mức 4 chưa hợp lệ.', errors);
  return out;
}

/** The department enters (or replaces) a set's Mức 4 list from the circular. */
export async function importLevelFour(
  db: Db,
  scope: Scope,
  input: { setId: string; body: LevelFourImportBody },
): Promise<LevelFourView> {
  scope.require('accreditation.manage');
  // accreditation.manage: the department's accounts only (permissions.ts); the
  // list holds for every campaign of the set.
  const set = requireLevelFourSet(input.setId);
  const source = input.body.source.trim();
  if (!source)
    throw badRequest('Hãy ghi nguồn của nội dung (thông tư, điều).', [
      { path: 'source', message: 'Ví dụ: Thông tư 18/2018/TT-BGDĐT, điều …' },
    ]);
  const criteria = parseLevelFourLines(input.body.lines);
  await writeTransaction(db, scope.actor, async (tx) => {
    const current = await lockLevelFourList(tx, set.id);
    checkVersion(
      current
        ? `Danh sách tiêu chí Mức 4 (phiên bản ${current.version} do ${current.updated_by} lưu)`
        : 'Danh sách tiêu chí Mức 4',
      input.body.version,
      current?.version ?? 0,
    );
    await replaceLevelFourList(
      tx,
      { set_id: set.id, source, updated_by: scope.actor.name },
      criteria,
    );
  });
  return (await levelFourOf(db, set))!;
}

/** A school at Mức 3 rates one Mức 4 criterion, citing evidence as for any requirement. */
export async function rateLevelFour(
  db: Db,
  scope: Scope,
  input: { cycleId: string; rating: LevelFourRatingBody },
): Promise<CycleDetail> {
  const { campaign, set } = await requireCycle(db, scope, input.cycleId, 'accreditation.assess');
  if (!set.levelFour)
    throw badRequest(`Bộ tiêu chuẩn của đợt không có tiêu chí Mức 4 riêng.`, [
      { path: 'code', message: 'Chỉ các bộ TT 17, 18, 19/2018 có danh sách Mức 4.' },
    ]);
  const current = await getCycle(db, scope, input.cycleId);
  const four = current.levelFour!;
  const criterion = four.criteria.find((c) => c.code === input.rating.code);
  if (!criterion)
    throw badRequest(`Danh sách Mức 4 không có tiêu chí ${input.rating.code}.`, [
      { path: 'code', message: `Cần một mã trong ${four.criteria.map((c) => c.code).join(', ')}.` },
    ]);
  if (criterion.text === null)
    throw conflict(
      `Sở chưa nhập nội dung các tiêu chí Mức ${four.level} từ văn bản gốc: chưa đánh giá được.`,
    );
  if (!four.open)
    throw conflict(
      `Trường chưa đạt Mức ${four.level - 1} theo đánh giá hiện tại: chưa đánh giá tiêu chí Mức ${four.level}.`,
    );
  const { justification, evidenceIds } = await checkJustification(
    db,
    input.cycleId,
    campaign.evidence_format,
    input.rating.met,
    input.rating.justification,
  );
  await writeTransaction(db, scope.actor, async (tx) => {
    const cycle = await lockCycle(tx, input.cycleId);
    requireEditable(cycle!.status);
    await saveRating(
      tx,
      {
        cycle_id: input.cycleId,
        requirement_code: criterion.code,
        met: input.rating.met,
        justification,
        updated_by: scope.actor.name,
      },
      evidenceIds,
    );
    await bumpCycle(tx, input.cycleId);
  });
  return getCycle(db, scope, input.cycleId);
}
