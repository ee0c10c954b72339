import type { Scope } from '../../core/access/scope.ts';
import { conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isEntryCampaign, requireCampaign } from './access.ts';
import type { ImportSummary, ProgramsInput, RowProblem } from './contract.ts';
import type { ProgramTrack } from '../../db/schema.ts';
import { insertProgram, programsOf, unitsByCode, updateProgram } from './repo.ts';
import { readTrack } from './stages.ts';
import { checkClassSize, classSizeRuleOn, levelOfGrade, vietnamDay } from './entry/class-size.ts';

const PROGRAM_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** A zone code (khu vực tuyển sinh), as programs and candidates name it. */
export const ZONE = /^[\p{L}\p{N}._-]{1,32}$/u;

/**
 * Adds or updates the campaign's programs (school × track, with quota). Every
 * row is checked first; one bad row and nothing is written. Rows are numbered
 * as lines of programs.csv (the header is line 1). Refused once allocated.
 *
 * In an entry-grade campaign a program is one school's entry grade: the
 * school teaches it (primary for grade 1, lower secondary for grade 6), the
 * quota is its seats (classes × pupils per class), each school once, and
 * `unzoned` marks a school outside zoning (high-quality or non-public).
 */

/** The level a campaign's grade enters, and its name in messages. */
const LEVEL_OF_GRADE = {
  1: { level: 'primary', name: 'tiểu học' },
  6: { level: 'lower_secondary', name: 'THCS' },
  10: { level: 'upper_secondary', name: 'THPT' },
} as const;

/** "1", "x", "có", "true" mark a school outside zoning; empty, "0", "không", "false" do not. */
export function readUnzoned(value: string | boolean | undefined): boolean | null {
  if (value === undefined || typeof value === 'boolean') return value ?? false;
  const text = value.trim().toLowerCase();
  if (['', '0', 'false', 'không', 'khong', 'no'].includes(text)) return false;
  if (['1', 'x', 'true', 'có', 'co', 'yes'].includes(text)) return true;
  return null;
}
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
  if (campaign.specialised_status !== null)
    throw conflict('Đã xét tuyển vòng chuyên, tích hợp: không sửa được chương trình và chỉ tiêu.');
  const problems: RowProblem[] = [];
  const codes = [...new Set(input.rows.map((r) => r.schoolCode.trim()))];
  const units = new Map(
    (await unitsByCode(db, campaign.unit_path, codes)).map((u) => [u.code, u] as const),
  );
  const seen = new Map<string, number>();
  const valid: {
    program: string;
    schoolId: string;
    quota: number;
    zone: string | null;
    track: ProgramTrack;
    unzoned: boolean;
    /** undefined: the column was empty or absent, the program keeps its classes. */
    classes: number | undefined;
  }[] = [];
  const warnings: RowProblem[] = [];
  const existingClasses = new Map(
    (await programsOf(db, campaign.id)).map((p) => [p.id, p.classes] as const),
  );
  const sizeRule =
    campaign.grade === 1 || campaign.grade === 6
      ? classSizeRuleOn(levelOfGrade(campaign.grade), vietnamDay(campaign.opens_at))
      : null;
  const entry = isEntryCampaign(campaign);
  const wanted = LEVEL_OF_GRADE[campaign.grade as 1 | 6 | 10] ?? LEVEL_OF_GRADE[10];
  const schoolRow = new Map<string, number>();
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
    else if (!unit.levels.includes(wanted.level) || !unit.active)
      problems.push({
        row,
        column: 'school_code',
        message: `Trường ${unit.code} (${unit.name}) không phải trường ${wanted.name} đang hoạt động.`,
      });
    else if (entry && schoolRow.has(unit.id))
      problems.push({
        row,
        column: 'school_code',
        message: `Trường ${unit.code} đã có ở dòng ${schoolRow.get(unit.id)}: mỗi trường một dòng chỉ tiêu lớp ${campaign.grade}.`,
      });
    else schoolRow.set(unit.id, row);
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
    const track = readTrack(r.track);
    if (track === null)
      problems.push({
        row,
        column: 'track',
        message: `Loại chương trình "${r.track ?? ''}" không hợp lệ: cần regular (thường), specialised (chuyên) hoặc integrated (tích hợp).`,
      });
    else if (entry && track !== 'regular')
      problems.push({
        row,
        column: 'track',
        message: `Tuyển sinh lớp ${campaign.grade} không có chương trình chuyên hay tích hợp.`,
      });
    const unzoned = readUnzoned(r.unzoned);
    if (unzoned === null)
      problems.push({
        row,
        column: 'unzoned',
        message: `Cột unzoned "${String(r.unzoned)}" không hợp lệ: cần 1 (trường không theo tuyến) hoặc để trống.`,
      });
    else if (unzoned && !entry)
      problems.push({
        row,
        column: 'unzoned',
        message: 'Chỉ tuyển sinh lớp 1, lớp 6 có trường không theo tuyến.',
      });
    const classesText = r.classes === undefined ? '' : String(r.classes).trim();
    let classes: number | undefined;
    if (classesText !== '') {
      if (!entry)
        problems.push({
          row,
          column: 'classes',
          message: 'Chỉ tuyển sinh lớp 1, lớp 6 có cột số lớp (classes).',
        });
      else if (!/^\d{1,3}$/.test(classesText) || Number(classesText) > 200)
        problems.push({
          row,
          column: 'classes',
          message: `Số lớp "${classesText}" không hợp lệ: cần số nguyên từ 0 đến 200.`,
        });
      else classes = Number(classesText);
    }
    if (classes === 0 && quota > 0)
      problems.push({
        row,
        column: 'classes',
        message: `Chỉ tiêu ${quota} cần ít nhất một lớp ${campaign.grade}.`,
      });
    // Điều lệ trường: seats above classes × the maximum class size (entry/class-size.ts).
    if (sizeRule && Number.isInteger(quota)) {
      const size = checkClassSize(sizeRule, {
        grade: campaign.grade as 1 | 6,
        classes: classes ?? existingClasses.get(program) ?? null,
        seats: quota,
      });
      if (size.warning)
        (size.refused ? problems : warnings).push({
          row,
          column: 'quota',
          message: size.warning,
        });
    }
    if (problems.length === before && unit && track && unzoned !== null)
      valid.push({ program, schoolId: unit.id, quota, zone, track, unzoned, classes });
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
            track: v.track,
            unzoned: v.unzoned,
            ...(v.classes !== undefined && { classes: v.classes }),
          });
          summary.added++;
        } else if (
          old.quota !== v.quota ||
          old.school_id !== v.schoolId ||
          old.zone !== v.zone ||
          old.track !== v.track ||
          old.unzoned !== v.unzoned ||
          (v.classes !== undefined && old.classes !== v.classes)
        ) {
          await updateProgram(tx, campaign.id, v.program, {
            school_id: v.schoolId,
            quota: v.quota,
            zone: v.zone,
            track: v.track,
            unzoned: v.unzoned,
            ...(v.classes !== undefined && { classes: v.classes }),
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
    ...(entry && { warnings }),
  };
}
