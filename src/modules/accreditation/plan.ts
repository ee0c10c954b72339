/**
 * The self-assessment plan and its timetable (kế hoạch tự đánh giá, issue #18
 * item 1; CV 5932/BGDĐT-QLCL Phần II: the plan names the council's members,
 * the work given to each — by criterion — and when it is done). The
 * principal lays the tasks out; a council member marks them done.
 *
 * The plan is the council's own organisation, not the content reviewed: it can
 * still be completed after submission (publication, the improvement steps come
 * after it), so its changes do not move the cycle's version.
 */
import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict, notFound, type FieldError } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { checkVietnameseDate } from '../../lib/dates.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { requireCycle } from './access.ts';
import type { CycleDetail, PlanTaskBody } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { PLAN_STEP_LABELS } from './labels.ts';
import { deletePlanTask, insertPlanTask, lockCycle, members, setPlanTaskDone } from './repo.ts';
import { criteriaOf } from './sets/index.ts';

export async function addPlanTask(
  db: Db,
  scope: Scope,
  input: { cycleId: string; task: PlanTaskBody },
): Promise<CycleDetail> {
  const { cycle, set } = await requireCycle(db, scope, input.cycleId, 'accreditation.submit');
  if (cycle.status === 'accepted') requireNotAccepted();
  const t = input.task;
  const errors: FieldError[] = [];
  const criterionCode = t.criterionCode?.trim() || null;
  if (criterionCode && !criteriaOf(set).some((c) => c.code === criterionCode))
    errors.push({
      path: 'criterionCode',
      message: `Bộ tiêu chuẩn của đợt không có tiêu chí "${criterionCode}" (cần dạng 1.1).`,
    });
  const memberId = t.memberId?.trim() || null;
  if (memberId) {
    const council = await members(db, input.cycleId);
    if (!council.some((m) => m.id === memberId))
      errors.push({
        path: 'memberId',
        message: 'Người phụ trách phải là thành viên hội đồng tự đánh giá của trường.',
      });
  }
  const starts = checkVietnameseDate(t.startsOn, 'Ngày bắt đầu');
  const due = checkVietnameseDate(t.dueOn, 'Hạn hoàn thành');
  if (!starts.ok) errors.push({ path: 'startsOn', message: starts.message });
  if (!due.ok) errors.push({ path: 'dueOn', message: due.message });
  if (starts.ok && due.ok && due.iso < starts.iso)
    errors.push({ path: 'dueOn', message: 'Hạn hoàn thành không được trước ngày bắt đầu.' });
  const title =
    normalizeText(t.title ?? '') ||
    `${PLAN_STEP_LABELS[t.step].vi}${criterionCode ? ` — tiêu chí ${criterionCode}` : ''}`;
  if (errors.length || !starts.ok || !due.ok)
    throw badRequest('Công việc trong kế hoạch tự đánh giá chưa hợp lệ.', errors);
  await writeTransaction(db, scope.actor, async (tx) => {
    const locked = await lockCycle(tx, input.cycleId);
    if (locked!.status === 'accepted') requireNotAccepted();
    await insertPlanTask(tx, {
      id: uuidv7(),
      cycle_id: input.cycleId,
      step: t.step,
      criterion_code: criterionCode,
      title,
      member_id: memberId,
      starts_on: starts.iso,
      due_on: due.iso,
      created_by: scope.actor.name,
    });
  });
  return getCycle(db, scope, input.cycleId);
}

/** A council member marks a task done (or not done again). */
export async function markPlanTask(
  db: Db,
  scope: Scope,
  input: { cycleId: string; taskId: string; done: boolean },
): Promise<CycleDetail> {
  await requireCycle(db, scope, input.cycleId, 'accreditation.assess');
  if (!isUuid(input.taskId)) throw notFound('công việc trong kế hoạch');
  await writeTransaction(db, scope.actor, async (tx) => {
    const changed = await setPlanTaskDone(
      tx,
      input.cycleId,
      input.taskId,
      input.done ? { at: new Date(), by: scope.actor.name } : null,
    );
    if (!changed) throw notFound('công việc trong kế hoạch');
  });
  return getCycle(db, scope, input.cycleId);
}

export async function removePlanTask(
  db: Db,
  scope: Scope,
  input: { cycleId: string; taskId: string },
): Promise<CycleDetail> {
  const { cycle } = await requireCycle(db, scope, input.cycleId, 'accreditation.submit');
  if (cycle.status === 'accepted') requireNotAccepted();
  if (!isUuid(input.taskId)) throw notFound('công việc trong kế hoạch');
  await writeTransaction(db, scope.actor, async (tx) => {
    if (!(await deletePlanTask(tx, input.cycleId, input.taskId)))
      throw notFound('công việc trong kế hoạch');
  });
  return getCycle(db, scope, input.cycleId);
}

function requireNotAccepted(): never {
  throw conflict(
    'Hồ sơ tự đánh giá đã được chấp nhận: kế hoạch không thêm, bớt công việc được nữa (vẫn đánh dấu hoàn thành được).',
  );
}
