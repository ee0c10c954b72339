/**
 * The council's comments on a criterion's report text and the text's history
 * (issue #18 item 4: "editable text kept in sogd with versions, comments by
 * council members"). A comment opens a thread or replies in one; a council
 * member resolves a thread (or reopens it); a reply reopens a resolved thread.
 */
import type { Scope } from '../../core/access/scope.ts';
import { badRequest, notFound, type FieldError } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { requireCycle, requireEditable } from './access.ts';
import type { CommentBody, CycleDetail, TextVersion } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import {
  commentById,
  criterionTexts,
  insertComment,
  lockCycle,
  setThreadResolved,
  textVersions,
} from './repo.ts';
import { criteriaOf } from './sets/index.ts';

export async function addComment(
  db: Db,
  scope: Scope,
  input: { cycleId: string; comment: CommentBody },
): Promise<CycleDetail> {
  const { cycle, set } = await requireCycle(db, scope, input.cycleId, 'accreditation.assess');
  requireEditable(cycle.status);
  const c = input.comment;
  const errors: FieldError[] = [];
  if (!criteriaOf(set).some((x) => x.code === c.criterionCode))
    errors.push({
      path: 'criterionCode',
      message: `Bộ tiêu chuẩn của đợt không có tiêu chí "${c.criterionCode}" (cần dạng 1.1).`,
    });
  // Line breaks are kept: a comment may list several points.
  const body = c.body.replace(/[ \t]+/g, ' ').trim();
  if (!body) errors.push({ path: 'body', message: 'Hãy nhập nội dung góp ý.' });
  const parentId = c.parentId?.trim() || null;
  if (parentId) {
    const parent = isUuid(parentId) ? await commentById(db, input.cycleId, parentId) : undefined;
    if (!parent)
      errors.push({ path: 'parentId', message: 'Không có luồng góp ý này trong hồ sơ.' });
    else if (parent.parent_id !== null)
      errors.push({ path: 'parentId', message: 'Hãy trả lời vào góp ý đầu tiên của luồng.' });
    else if (parent.criterion_code !== c.criterionCode)
      errors.push({
        path: 'parentId',
        message: `Luồng góp ý này thuộc tiêu chí ${parent.criterion_code}, không phải ${c.criterionCode}.`,
      });
  }
  if (errors.length) throw badRequest('Góp ý chưa hợp lệ.', errors);
  await writeTransaction(db, scope.actor, async (tx) => {
    const locked = await lockCycle(tx, input.cycleId);
    requireEditable(locked!.status);
    const text = (await criterionTexts(tx, input.cycleId)).find(
      (t) => t.criterion_code === c.criterionCode,
    );
    await insertComment(tx, {
      id: uuidv7(),
      cycle_id: input.cycleId,
      criterion_code: c.criterionCode,
      parent_id: parentId,
      body,
      text_version: text?.version ?? 0,
      author: scope.actor.name,
    });
    if (parentId) await setThreadResolved(tx, input.cycleId, parentId, null);
  });
  return getCycle(db, scope, input.cycleId);
}

export async function resolveThread(
  db: Db,
  scope: Scope,
  input: { cycleId: string; commentId: string; resolved: boolean },
): Promise<CycleDetail> {
  const { cycle } = await requireCycle(db, scope, input.cycleId, 'accreditation.assess');
  requireEditable(cycle.status);
  const thread = isUuid(input.commentId)
    ? await commentById(db, input.cycleId, input.commentId)
    : undefined;
  if (!thread) throw notFound('góp ý');
  if (thread.parent_id !== null)
    throw badRequest('Chỉ đóng hoặc mở lại cả luồng góp ý, từ góp ý đầu tiên của luồng.', [
      { path: 'commentId', message: 'Đây là một trả lời, không phải góp ý đầu luồng.' },
    ]);
  await writeTransaction(db, scope.actor, async (tx) => {
    const locked = await lockCycle(tx, input.cycleId);
    requireEditable(locked!.status);
    await setThreadResolved(
      tx,
      input.cycleId,
      thread.id,
      input.resolved ? { at: new Date(), by: scope.actor.name } : null,
    );
  });
  return getCycle(db, scope, input.cycleId);
}

/** Every saved version of a criterion's text, newest first, with who saved it and when. */
export async function listTextVersions(
  db: Db,
  scope: Scope,
  input: { cycleId: string; criterionCode: string },
): Promise<TextVersion[]> {
  const { set } = await requireCycle(db, scope, input.cycleId, 'accreditation.read');
  if (!criteriaOf(set).some((x) => x.code === input.criterionCode))
    throw notFound(`tiêu chí ${input.criterionCode}`);
  const rows = await textVersions(db, input.cycleId, input.criterionCode);
  return rows.map((r) => ({
    version: r.version,
    description: r.description,
    strengths: r.strengths,
    weaknesses: r.weaknesses,
    improvementPlan: r.improvement_plan,
    savedBy: r.saved_by,
    savedAt: r.saved_at.toISOString(),
  }));
}
