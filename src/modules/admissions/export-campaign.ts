import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scope } from '../../core/access/scope.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { formatHundredths } from './allocate/index.ts';
import { requireCampaign } from './access.ts';
import type { CampaignRow } from './repo.ts';
import { applicationsAtClose, directOf, programsOf } from './repo.ts';

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
 */
export async function campaignFiles(db: Db, campaign: CampaignRow): Promise<CampaignFiles> {
  const programs = await programsOf(db, campaign.id);
  const rows = await applicationsAtClose(db, campaign.id, campaign.closes_at);
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const unscored = rows.filter((r) => r.score === null).map((r) => r.code);
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
  for (const r of rows) {
    const score = formatHundredths(r.score!);
    r.preferences.forEach((p, i) => applicationLines.push(`${r.code},${i + 1},${p},${score}`));
  }
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
): Promise<{ candidates: number; applications: number; programs: number }> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  const files = await campaignFiles(db, campaign);
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
