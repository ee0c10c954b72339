import type { Scope } from '../../core/access/scope.ts';
import { AppError, conflict } from '../../core/errors.ts';
import { auditInsertsGrouped, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import {
  allocate,
  parseApplications,
  parsePrograms,
  writeResultFiles,
  type AllocationInstance,
  type AllocationOptions,
  type AllocationResult,
} from './allocate/index.ts';
import { requireCampaign } from './access.ts';
import type { AllocationSummary } from './contract.ts';
import { campaignFiles } from './export-campaign.ts';
import {
  candidateCodes,
  directOf,
  programsOf,
  replaceResults,
  setCampaignStatus,
  storeProgramOutcome,
} from './repo.ts';
import { vnTime } from './submit-application.ts';

/** The what-if steps: cutoffs 0.25, 0.5 and 1 point lower (hundredths). */
export const WHAT_IF_STEPS = [25, 50, 100] as const;

/**
 * Allocates on exactly the files `export` writes, parsed by the engine's own
 * parser (so the result equals `sogd admissions allocate` on them), with the
 * campaign's D and tie policy, and stores it as a draft until published.
 * Refused before `closes` and after publication.
 */
export async function allocateCampaign(
  db: Db,
  scope: Scope,
  campaignId: string,
  options: { outDir?: string | undefined; now?: Date } = {},
): Promise<AllocationSummary> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  const now = options.now ?? new Date();
  if (now < campaign.closes_at)
    throw new AppError(
      409,
      'Chưa hết hạn đăng ký',
      `Chỉ xét tuyển sau khi đóng đăng ký (${vnTime(campaign.closes_at)}). Chưa xét gì.`,
    );
  if (campaign.status === 'published') throw conflict('Kết quả đã công bố: không xét tuyển lại.');
  const files = await campaignFiles(db, campaign);
  if (files.candidates === 0)
    throw new AppError(
      422,
      'Không có nguyện vọng',
      'Không có thí sinh nào có nguyện vọng có hiệu lực khi đóng đăng ký: không có gì để xét tuyển.',
    );
  const programs = parsePrograms(Buffer.from(files.programsCsv));
  const instance = parseApplications(Buffer.from(files.applicationsCsv), programs);
  const allocation: AllocationOptions = {
    rankPenalty: campaign.rank_penalty,
    ties: campaign.ties,
    seed: 1,
  };
  const result = allocate(instance, allocation);
  if (options.outDir) writeResultFiles(options.outDir, instance, result);
  const whatIf = whatIfCounts(instance, result, allocation);
  const schoolOf = new Map((await programsOf(db, campaign.id)).map((p) => [p.id, p.school_id]));
  const idByCode = await candidateCodes(db, campaign.id);
  const rows: Parameters<typeof replaceResults>[2] = instance.candidateIds.map((code, c) => {
    const a = result.assignedApp[c]!;
    const program = a === -1 ? null : instance.programIds[instance.appProgram[a]!]!;
    return {
      id: idByCode.get(code)!,
      program,
      rank: a === -1 ? null : a - instance.appStart[c]! + 1,
      school_id: program ? schoolOf.get(program)! : null,
    };
  });
  // Directly admitted candidates hold their seats outside the engine's files.
  const direct = await directOf(db, campaign.id);
  const directCount = new Map<string, number>();
  for (const d of direct) directCount.set(d.program, (directCount.get(d.program) ?? 0) + 1);
  for (const d of direct)
    rows.push({
      id: d.candidate_id,
      program: d.program,
      rank: null,
      school_id: d.program_school_id,
      round: 'direct' as const,
    });
  await writeTransaction(db, scope.actor, async (tx) => {
    await auditInsertsGrouped(tx);
    await replaceResults(tx, campaign.id, rows);
    for (let p = 0; p < instance.programIds.length; p++)
      await storeProgramOutcome(tx, campaign.id, instance.programIds[p]!, {
        admitted: result.admitted[p]! + (directCount.get(instance.programIds[p]!) ?? 0),
        cutoff: result.hasCutoff[p] ? result.cutoff[p]! : null,
        what_if: whatIf[p]!,
      });
    await setCampaignStatus(tx, campaign.id, { status: 'allocated', allocated_at: now });
  });
  let admitted = 0;
  for (const n of result.admitted) admitted += n;
  return {
    candidates: instance.candidateIds.length,
    applications: instance.appProgram.length,
    programs: instance.programIds.length,
    admitted,
    allocateMs: Math.round(result.allocateMs * 10) / 10,
  };
}

/**
 * For each program and step: candidates who prefer it to their result and
 * whose priority there lies within the step below its cutoff — how many
 * more would reach it if the cutoff were lowered by that much (before the
 * chain of seats they would free elsewhere).
 */
export function whatIfCounts(
  instance: AllocationInstance,
  result: AllocationResult,
  options: AllocationOptions,
): number[][] {
  const counts = instance.programIds.map(() => WHAT_IF_STEPS.map(() => 0));
  for (let c = 0; c < instance.candidateIds.length; c++) {
    const start = instance.appStart[c]!;
    const got = result.assignedApp[c]!;
    const end = got === -1 ? instance.appStart[c + 1]! : got;
    for (let a = start; a < end; a++) {
      const p = instance.appProgram[a]!;
      if (!result.hasCutoff[p]) continue;
      const priority = instance.appScore[a]! - options.rankPenalty * (a - start);
      const gap = result.cutoff[p]! - priority;
      WHAT_IF_STEPS.forEach((step, i) => {
        if (gap > 0 && gap <= step) counts[p]![i]!++;
      });
    }
  }
  return counts;
}
