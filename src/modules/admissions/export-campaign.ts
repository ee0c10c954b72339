import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scope } from '../../core/access/scope.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { formatHundredths } from './allocate/index.ts';
import { refuseOnEntry, requireCampaign } from './access.ts';
import type { CampaignRow } from './repo.ts';
import {
  applicationsAtClose,
  confirmedSpecialised,
  directOf,
  programScores,
  programsOf,
} from './repo.ts';
import { hasSpecialisedStage, stageOf, type Stage } from './stages.ts';

export interface CampaignFiles {
  programsCsv: string;
  applicationsCsv: string;
  candidates: number;
  applications: number;
  programs: number;
}

/**
 * programs.csv and applications.csv exactly as admissions-allocation.md's
 * input: each candidate's application in force at `closes` (no rows for one
 * who withdrew or never submitted), its score on every row, candidates named
 * by their codes. A candidate with an application and no score is refused:
 * the allocation would otherwise silently leave them out.
 *
 * Direct admission (tuyển thẳng, TT 30/2024/TT-BGDĐT Điều 14 khoản 1) comes
 * before the allocation: a directly admitted candidate is already placed, so
 * has no application rows, and each program's quota here is the seats left
 * for the allocation (its quota less its direct admissions).
 *
 * With specialised or integrated programs (stages.ts) the campaign runs in two
 * stages, each on its own files: `specialised` holds those programs and each
 * candidate's preferences for them, `regular` the others, without the
 * candidates who confirmed a specialised seat. Ranks count within the stage
 * (a candidate's first regular preference is NV1 of the regular stage), and a
 * candidate's own score for a program (a specialised school's weighting)
 * replaces the general score on its rows.
 */
export async function campaignFiles(
  db: Db,
  campaign: CampaignRow,
  stage: Stage = 'regular',
): Promise<CampaignFiles> {
  const allPrograms = await programsOf(db, campaign.id);
  const staged = hasSpecialisedStage(allPrograms);
  if (stage === 'specialised' && !staged)
    throw new AppError(
      422,
      'Không có vòng chuyên',
      'Kỳ tuyển sinh không có chương trình chuyên hay tích hợp (cột track của programs.csv).',
    );
  const programs = allPrograms.filter((p) => stageOf(p.track) === stage);
  const inStage = new Set(programs.map((p) => p.id));
  // Candidates who took a specialised seat leave the regular stage (TT 30/2024 Điều 13).
  const placed =
    staged && stage === 'regular'
      ? new Set((await confirmedSpecialised(db, campaign.id)).map((r) => r.id))
      : new Set<string>();
  const rows = (await applicationsAtClose(db, campaign.id, campaign.closes_at))
    .filter((r) => !placed.has(r.id))
    .map((r) => ({ ...r, preferences: r.preferences.filter((p) => inStage.has(p)) }))
    .filter((r) => r.preferences.length > 0);
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const own = staged ? await programScores(db, campaign.id) : new Map<string, number>();
  const scoreOf = (id: string, program: string, general: number | null) =>
    own.get(`${id} ${program}`) ?? general;
  const unscored = rows
    .filter((r) => r.preferences.some((p) => scoreOf(r.id, p, r.score) === null))
    .map((r) => r.code);
  if (unscored.length)
    throw new AppError(
      422,
      'Thiếu điểm xét tuyển',
      `${unscored.length} thí sinh có nguyện vọng nhưng chưa có điểm xét tuyển (${unscored.slice(0, 10).join(', ')}${unscored.length > 10 ? '…' : ''}). Hãy nhập điểm trước khi xuất hoặc xét tuyển.`,
    );
  const direct = new Map<string, number>();
  for (const d of await directOf(db, campaign.id))
    direct.set(d.program, (direct.get(d.program) ?? 0) + 1);
  const programLines = [
    'program,quota',
    ...programs.map((p) => `${p.id},${Math.max(0, p.quota - (direct.get(p.id) ?? 0))}`),
  ];
  const applicationLines = ['candidate,rank,program,score'];
  for (const r of rows)
    r.preferences.forEach((p, i) =>
      applicationLines.push(
        `${r.code},${i + 1},${p},${formatHundredths(scoreOf(r.id, p, r.score)!)}`,
      ),
    );
  return {
    programsCsv: programLines.join('\n') + '\n',
    applicationsCsv: applicationLines.join('\n') + '\n',
    candidates: rows.length,
    applications: applicationLines.length - 1,
    programs: programs.length,
  };
}

/** `sogd admissions export`: the two files into `outDir`. */
export async function exportCampaign(
  db: Db,
  scope: Scope,
  campaignId: string,
  outDir: string,
  stage: Stage = 'regular',
): Promise<{ candidates: number; applications: number; programs: number }> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  refuseOnEntry(campaign, 'tệp xuất cho bộ xét tuyển theo điểm (dùng allocate-campaign)');
  const files = await campaignFiles(db, campaign, stage);
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of [
    ['programs.csv', files.programsCsv],
    ['applications.csv', files.applicationsCsv],
  ] as const) {
    const temp = join(outDir, `${name}.tmp-${process.pid}`);
    writeFileSync(temp, text);
    renameSync(temp, join(outDir, name));
  }
  return {
    candidates: files.candidates,
    applications: files.applications,
    programs: files.programs,
  };
}
