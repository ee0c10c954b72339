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
import { isEntryCampaign, requireCampaign } from './access.ts';
import { allocateEntryCampaign } from './entry/allocate-entry.ts';
import type { AllocationSummary } from './contract.ts';
import { campaignFiles } from './export-campaign.ts';
import {
  candidateCodes,
  confirmedSpecialised,
  directOf,
  lapseUnconfirmed,
  programsOf,
  replaceResults,
  replaceSpecialisedResults,
  setCampaignStatus,
  setSpecialisedStatus,
  storeProgramOutcome,
} from './repo.ts';
import { hasSpecialisedStage, type Stage } from './stages.ts';
import { vnTime } from './submit-application.ts';

/** The what-if steps: cutoffs 0.25, 0.5 and 1 point lower (hundredths). */
export const WHAT_IF_STEPS = [25, 50, 100] as const;

/**
 * Allocates on exactly the files `export` writes, parsed by the engine's own
 * parser (so the result equals `sogd admissions allocate` on them), with the
 * campaign's D and tie policy, and stores it as a draft until published.
 * Refused before `closes` and after publication.
 *
 * A campaign with specialised or integrated programs runs in two stages
 * (stages.ts): `stage: 'specialised'` first, published with its own
 * confirmation deadline; the regular stage only after that deadline, without
 * the candidates who confirmed a specialised seat (they are kept in the
 * result as round 'specialised', confirmed) and with the unanswered
 * specialised offers lapsed.
 */
export async function allocateCampaign(
  db: Db,
  scope: Scope,
  campaignId: string,
  options: { outDir?: string | undefined; now?: Date; stage?: Stage } = {},
): Promise<AllocationSummary> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  const now = options.now ?? new Date();
  const stage = options.stage ?? 'regular';
  if (now < campaign.closes_at)
    throw new AppError(
      409,
      'Chưa hết hạn đăng ký',
      `Chỉ xét tuyển sau khi đóng đăng ký (${vnTime(campaign.closes_at)}). Chưa xét gì.`,
    );
  if (campaign.status === 'published') throw conflict('Kết quả đã công bố: không xét tuyển lại.');
  // An entry-grade campaign (grade 1, 6): by residence, entry/allocate-entry.ts.
  if (isEntryCampaign(campaign))
    return allocateEntryCampaign(db, scope, campaign, { outDir: options.outDir, now });
  const staged = hasSpecialisedStage(await programsOf(db, campaign.id));
  if (stage === 'specialised') {
    if (campaign.status !== 'open')
      throw conflict('Đã xét tuyển vòng thường: không xét lại vòng chuyên, tích hợp.');
    if (campaign.specialised_status === 'published')
      throw conflict('Kết quả vòng chuyên, tích hợp đã công bố: không xét lại.');
  } else if (staged) {
    if (campaign.specialised_status !== 'published')
      throw conflict(
        'Kỳ tuyển sinh có chương trình chuyên, tích hợp: hãy xét và công bố vòng chuyên trước (--stage specialised).',
      );
    if (campaign.specialised_confirm_by && now < campaign.specialised_confirm_by)
      throw conflict(
        `Chưa hết hạn xác nhận vòng chuyên, tích hợp (${vnTime(campaign.specialised_confirm_by)}): thí sinh trúng tuyển còn được xác nhận hoặc từ chối.`,
      );
  }
  const files = await campaignFiles(db, campaign, stage);
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
  if (stage === 'specialised') {
    await writeTransaction(db, scope.actor, async (tx) => {
      await auditInsertsGrouped(tx);
      await replaceSpecialisedResults(tx, campaign.id, rows);
      for (let p = 0; p < instance.programIds.length; p++)
        await storeProgramOutcome(tx, campaign.id, instance.programIds[p]!, {
          admitted: result.admitted[p]!,
          cutoff: result.hasCutoff[p] ? result.cutoff[p]! : null,
          what_if: whatIf[p]!,
        });
      await setSpecialisedStatus(tx, campaign.id, {
        specialised_status: 'allocated',
        specialised_allocated_at: now,
      });
    });
    return summaryOf(instance, result);
  }
  // Candidates who confirmed a specialised seat keep it in the final result.
  if (staged)
    for (const s of await confirmedSpecialised(db, campaign.id))
      rows.push({
        id: s.id,
        program: s.program,
        rank: s.rank,
        school_id: s.school_id,
        round: 'specialised' as const,
        response: 'confirmed' as const,
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
    // Specialised offers not answered by their deadline lapse (the regular stage starts).
    if (staged) await lapseUnconfirmed(tx, campaign.id, 'admission_specialised_result');
    await replaceResults(tx, campaign.id, rows);
    for (let p = 0; p < instance.programIds.length; p++)
      await storeProgramOutcome(tx, campaign.id, instance.programIds[p]!, {
        admitted: result.admitted[p]! + (directCount.get(instance.programIds[p]!) ?? 0),
        cutoff: result.hasCutoff[p] ? result.cutoff[p]! : null,
        what_if: whatIf[p]!,
      });
    await setCampaignStatus(tx, campaign.id, { status: 'allocated', allocated_at: now });
  });
  return summaryOf(instance, result);
}

function summaryOf(instance: AllocationInstance, result: AllocationResult): AllocationSummary {
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
