import type { Scope } from '../../core/access/scope.ts';
import { conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { parseHundredthsText, requireCampaign } from './access.ts';
import type { ImportSummary, RowProblem, ScoresInput } from './contract.ts';
import { candidateCodes, currentScores, setScores } from './repo.ts';

/**
 * Admission scores by candidate code: 0–100 with at most 2 decimals,
 * priority and bonus points already included (TT 30/2024 Điều 13 khoản 6;
 * see rules.ts for the formula). One bad row and nothing is written.
 */
export async function importScores(
  db: Db,
  scope: Scope,
  campaignId: string,
  input: ScoresInput,
): Promise<ImportSummary> {
  const started = performance.now();
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  if (campaign.status === 'published')
    throw conflict('Kết quả đã công bố: không sửa được điểm xét tuyển.');
  const codes = await candidateCodes(db, campaign.id);
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const scores: { id: string; score: number }[] = [];
  input.rows.forEach((r, i) => {
    const row = i + 2;
    const code = r.code.trim();
    const id = codes.get(code);
    if (!id) problems.push({ row, column: 'code', message: `Không có thí sinh mã "${code}".` });
    else if (seen.has(code))
      problems.push({
        row,
        column: 'code',
        message: `Thí sinh ${code} đã có ở dòng ${seen.get(code)}.`,
      });
    else seen.set(code, row);
    const score = parseHundredthsText(r.score, 10_000);
    if (score === null)
      problems.push({
        row,
        column: 'score',
        message: `Điểm "${String(r.score).trim()}" không hợp lệ: cần số từ 0 đến 100, tối đa 2 chữ số thập phân.`,
      });
    if (id && score !== null) scores.push({ id, score });
  });
  const summary = { rows: input.rows.length, added: 0, updated: 0, unchanged: 0 };
  if (!problems.length) {
    const before = await currentScores(db, campaign.id);
    for (const s of scores) {
      const old = before.get(s.id);
      if (old === null || old === undefined) summary.added++;
      else if (old !== s.score) summary.updated++;
      else summary.unchanged++;
    }
    await writeTransaction(db, scope.actor, (tx) => setScores(tx, campaign.id, scores));
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
