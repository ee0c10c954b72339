import type { Scope } from '../../core/access/scope.ts';
import { conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { refuseOnEntry, requireCampaign } from './access.ts';
import type { ImportSummary, RowProblem, ZonesInput } from './contract.ts';
import { ZONE } from './import-programs.ts';
import { candidatesOfCampaign, setCandidateZones } from './repo.ts';

/**
 * Each candidate's zone (khu vực tuyển sinh, by residence), by candidate
 * code, for a campaign with zones: preferences 1..zoneRanks must then be
 * programs of that zone. One bad row and nothing is written. Refused once
 * allocated (the allocation was made under the zones it read).
 */
export async function importZones(
  db: Db,
  scope: Scope,
  campaignId: string,
  input: ZonesInput,
): Promise<ImportSummary> {
  const started = performance.now();
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  refuseOnEntry(campaign, 'khu vực tuyển sinh theo nguyện vọng');
  if (campaign.status !== 'open')
    throw conflict('Kỳ tuyển sinh đã xét tuyển: không sửa được khu vực tuyển sinh của thí sinh.');
  const candidates = new Map(
    (await candidatesOfCampaign(db, campaign.id)).map((c) => [c.code, c] as const),
  );
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const rows: { id: string; zone: string }[] = [];
  const summary = { rows: input.rows.length, added: 0, updated: 0, unchanged: 0 };
  input.rows.forEach((r, i) => {
    const row = i + 2;
    const code = r.code.trim();
    const zone = r.zone.trim();
    const candidate = candidates.get(code);
    const before = problems.length;
    if (!candidate)
      problems.push({ row, column: 'code', message: `Không có thí sinh mã "${code}".` });
    else if (seen.has(code))
      problems.push({
        row,
        column: 'code',
        message: `Thí sinh ${code} đã có ở dòng ${seen.get(code)}.`,
      });
    else seen.set(code, row);
    if (!ZONE.test(zone))
      problems.push({
        row,
        column: 'zone',
        message: `Khu vực "${zone}" không hợp lệ: 1–32 chữ cái, chữ số, "-", "_", ".".`,
      });
    if (candidate && problems.length === before) {
      rows.push({ id: candidate.id, zone });
      if (candidate.zone === null) summary.added++;
      else if (candidate.zone !== zone) summary.updated++;
      else summary.unchanged++;
    }
  });
  if (!problems.length)
    await writeTransaction(db, scope.actor, (tx) => setCandidateZones(tx, campaign.id, rows));
  return {
    ...(problems.length
      ? { rows: input.rows.length, added: 0, updated: 0, unchanged: 0 }
      : summary),
    errors: problems.length,
    ms: Math.round(performance.now() - started),
    problems,
  };
}
