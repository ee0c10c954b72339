import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import { checkVersion } from '../../core/versions.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { requireCycle, requireEditable } from './access.ts';
import type { AnalysisBody, CycleDetail } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import {
  bumpCycle,
  evidenceIdsOf,
  lockAnalysis,
  lockCycle,
  memberOf,
  saveAnalysis,
} from './repo.ts';
import { criteriaOf } from './sets/index.ts';

/**
 * One row of the criterion analysis sheet (phiếu xác định nội hàm, CV
 * 5932/BGDĐT-QLCL Phụ lục 2, the step "thu thập, xử lý và phân tích minh
 * chứng"): for a requirement of the set, what it means (nội hàm), the
 * questions it raises, the evidence to collect (in words and as links to
 * the cycle's evidence list), where to find it and the council member who
 * collects it. The
 * column names follow third-party copies of the annex, not checked against
 * the official text (docs/accreditation.md). A stale form is refused (409).
 */
export async function saveAnalysisUseCase(
  db: Db,
  scope: Scope,
  input: { cycleId: string; analysis: AnalysisBody },
): Promise<CycleDetail> {
  const { set } = await requireCycle(db, scope, input.cycleId, 'accreditation.assess');
  const a = input.analysis;
  const requirement = criteriaOf(set)
    .flatMap((c) => c.levels.flat())
    .find((r) => r.code === a.requirementCode);
  if (!requirement)
    throw badRequest(`Bộ tiêu chuẩn của đợt không có yêu cầu ${a.requirementCode}.`, [
      { path: 'requirementCode', message: 'Cần mã yêu cầu của bộ tiêu chuẩn, ví dụ 1.1.M1.a.' },
    ]);
  const fields = {
    meaning: a.meaning.trim(),
    questions: a.questions.trim(),
    evidence_needed: a.evidenceNeeded.trim(),
    sources: a.sources.trim(),
  };
  const evidenceIds = [...new Set(a.evidenceIds)];
  const found = await evidenceIdsOf(db, input.cycleId, evidenceIds.filter(isUuid));
  const unknown = evidenceIds.filter((e) => !found.some((f) => f.id === e));
  if (unknown.length)
    throw badRequest(`Phiếu nội hàm dẫn ${unknown.length} minh chứng không có trong hồ sơ.`, [
      {
        path: 'evidenceIds',
        message: 'Chỉ chọn minh chứng trong danh mục minh chứng của hồ sơ này.',
      },
    ]);
  const collector = a.collectorMemberId;
  if (collector && !(isUuid(collector) && (await memberOf(db, input.cycleId, collector))))
    throw badRequest('Người thu thập không phải thành viên hội đồng tự đánh giá của trường.', [
      { path: 'collectorMemberId', message: 'Chọn một thành viên của hội đồng tự đánh giá.' },
    ]);
  if (!Object.values(fields).some(Boolean) && evidenceIds.length === 0)
    throw badRequest('Phiếu xác định nội hàm còn trống.', [
      { path: 'meaning', message: 'Hãy ghi ít nhất nội hàm của yêu cầu.' },
    ]);
  await writeTransaction(db, scope.actor, async (tx) => {
    const cycle = await lockCycle(tx, input.cycleId);
    requireEditable(cycle!.status);
    const current = await lockAnalysis(tx, input.cycleId, a.requirementCode);
    checkVersion(
      current
        ? `Phiếu nội hàm yêu cầu ${a.requirementCode} (phiên bản ${current.version} do ${current.updated_by} lưu)`
        : `Phiếu nội hàm yêu cầu ${a.requirementCode}`,
      a.version,
      current?.version ?? 0,
    );
    await saveAnalysis(
      tx,
      {
        cycle_id: input.cycleId,
        requirement_code: a.requirementCode,
        ...fields,
        collector_member_id: collector,
        updated_by: scope.actor.name,
      },
      evidenceIds,
    );
    await bumpCycle(tx, input.cycleId);
  });
  return getCycle(db, scope, input.cycleId);
}
