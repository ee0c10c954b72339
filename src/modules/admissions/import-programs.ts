import type { Scope } from '../../core/access/scope.ts';
import { conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { requireCampaign } from './access.ts';
import type { ImportSummary, ProgramsInput, RowProblem } from './contract.ts';
import { insertProgram, programsOf, unitsByCode, updateProgram } from './repo.ts';

const PROGRAM_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** A zone code (khu vực tuyển sinh), as programs and candidates name it. */
export const ZONE = /^[\p{L}\p{N}._-]{1,32}$/u;

/**
 * Adds or updates the campaign's programs (school × track, with quota). Every
 * row is checked first; one bad row and nothing is written. Rows are numbered
 * as lines of programs.csv (the header is line 1). Refused once allocated.
 */
export async function importPrograms(
  db: Db,
  scope: Scope,
  campaignId: string,
  input: ProgramsInput,
): Promise<ImportSummary> {
  const started = performance.now();
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  if (campaign.status !== 'open')
    throw conflict('Kỳ tuyển sinh đã xét tuyển: không sửa được chương trình và chỉ tiêu.');
  const problems: RowProblem[] = [];
  const codes = [...new Set(input.rows.map((r) => r.schoolCode.trim()))];
  const units = new Map(
    (await unitsByCode(db, campaign.unit_path, codes)).map((u) => [u.code, u] as const),
  );
  const seen = new Map<string, number>();
  const valid: { program: string; schoolId: string; quota: number; zone: string | null }[] = [];
  input.rows.forEach((r, i) => {
    const row = i + 2;
    const program = r.program.trim();
    const before = problems.length;
    if (!PROGRAM_ID.test(program))
      problems.push({
        row,
        column: 'program',
        message: `Mã chương trình "${program}" không hợp lệ: 1–64 chữ cái, chữ số, "-", "_", ".".`,
      });
    else if (seen.has(program))
      problems.push({
        row,
        column: 'program',
        message: `Chương trình ${program} đã có ở dòng ${seen.get(program)}.`,
      });
    else seen.set(program, row);
    const unit = units.get(r.schoolCode.trim());
    if (!unit)
      problems.push({
        row,
        column: 'school_code',
        message: `Không có trường mã "${r.schoolCode}" trong đơn vị tổ chức kỳ tuyển sinh.`,
      });
    else if (!unit.levels.includes('upper_secondary') || !unit.active)
      problems.push({
        row,
        column: 'school_code',
        message: `Trường ${unit.code} (${unit.name}) không phải trường THPT đang hoạt động.`,
      });
    const quotaText = String(r.quota).trim();
    const quota = /^\d{1,6}$/.test(quotaText) ? Number(quotaText) : NaN;
    if (!Number.isInteger(quota))
      problems.push({
        row,
        column: 'quota',
        message: `Chỉ tiêu "${quotaText}" không hợp lệ: cần số nguyên ≥ 0.`,
      });
    const zone = r.zone?.trim() || null;
    if (zone !== null && !ZONE.test(zone))
      problems.push({
        row,
        column: 'zone',
        message: `Khu vực "${zone}" không hợp lệ: 1–32 chữ cái, chữ số, "-", "_", ".".`,
      });
    if (problems.length === before && unit) valid.push({ program, schoolId: unit.id, quota, zone });
  });
  const existing = new Map((await programsOf(db, campaign.id)).map((p) => [p.id, p] as const));
  const summary = { rows: input.rows.length, added: 0, updated: 0, unchanged: 0 };
  if (!problems.length) {
    let seq = Math.max(0, ...[...existing.values()].map((p) => p.seq));
    await writeTransaction(db, scope.actor, async (tx) => {
      for (const v of valid) {
        const old = existing.get(v.program);
        if (!old) {
          await insertProgram(tx, {
            campaign_id: campaign.id,
            id: v.program,
            school_id: v.schoolId,
            quota: v.quota,
            seq: ++seq,
            zone: v.zone,
          });
          summary.added++;
        } else if (old.quota !== v.quota || old.school_id !== v.schoolId || old.zone !== v.zone) {
          await updateProgram(tx, campaign.id, v.program, {
            school_id: v.schoolId,
            quota: v.quota,
            zone: v.zone,
          });
          summary.updated++;
        } else summary.unchanged++;
      }
    });
  }
  return {
    ...(problems.length
      ? { rows: input.rows.length, added: 0, updated: 0, unchanged: 0 }
      : summary),
    errors: problems.length,
    ms: Math.round(performance.now() - started),
    problems,
  };
}
