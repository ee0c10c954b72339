import type { Scope } from '../../core/access/scope.ts';
import { conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { parseHundredthsText, refuseOnEntry, requireCampaign } from './access.ts';
import type { ImportSummary, RowProblem, ScoresInput } from './contract.ts';
import {
  candidateCodes,
  candidatesOfCampaign,
  currentScores,
  programScores,
  programsOf,
  setProgramScores,
  setScores,
} from './repo.ts';

/**
 * Admission scores by candidate code: 0–100 with at most 2 decimals,
 * priority and bonus points already included (TT 30/2024 Điều 13 khoản 6;
 * see rules.ts for the formula). One bad row and nothing is written.
 * A row naming a `program` is the candidate's score for that program only
 * (a specialised school weighs its own subject: admissions-allocation.md lets
 * scores differ by program); the allocation uses it there instead of the
 * general score.
 */
export async function importScores(
  db: Db,
  scope: Scope,
  campaignId: string,
  input: ScoresInput,
): Promise<ImportSummary> {
  const started = performance.now();
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  refuseOnEntry(campaign, 'điểm xét tuyển');
  if (campaign.status === 'published')
    throw conflict('Kết quả đã công bố: không sửa được điểm xét tuyển.');
  const codes = await candidateCodes(db, campaign.id);
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const scores: { id: string; score: number }[] = [];
  const ownScores: { id: string; program: string; score: number; school_id: string }[] = [];
  const programs = await programsOf(db, campaign.id);
  const programIds = new Set(programs.map((p) => p.id));
  // The specialised stage's results rest on its scores: frozen once published (stages.ts).
  const frozen =
    campaign.specialised_status === 'published'
      ? new Set(programs.filter((p) => p.track !== 'regular').map((p) => p.id))
      : new Set<string>();
  const schoolOf = input.rows.some((r) => r.program?.trim())
    ? new Map((await candidatesOfCampaign(db, campaign.id)).map((c) => [c.id, c.school_id]))
    : new Map<string, string>();
  input.rows.forEach((r, i) => {
    const row = i + 2;
    const code = r.code.trim();
    const program = r.program?.trim() || null;
    const key = program ? `${code} ${program}` : code;
    const id = codes.get(code);
    if (!id) problems.push({ row, column: 'code', message: `Không có thí sinh mã "${code}".` });
    else if (seen.has(key))
      problems.push({
        row,
        column: 'code',
        message: program
          ? `Điểm của thí sinh ${code} cho chương trình ${program} đã có ở dòng ${seen.get(key)}.`
          : `Thí sinh ${code} đã có ở dòng ${seen.get(key)}.`,
      });
    else seen.set(key, row);
    if (program !== null && !programIds.has(program))
      problems.push({
        row,
        column: 'program',
        message: `Không có chương trình "${program}" trong kỳ tuyển sinh.`,
      });
    else if (program !== null && frozen.has(program))
      problems.push({
        row,
        column: 'program',
        message: `Kết quả vòng chuyên, tích hợp đã công bố: không sửa được điểm riêng của chương trình ${program}.`,
      });
    const score = parseHundredthsText(r.score, 10_000);
    if (score === null)
      problems.push({
        row,
        column: 'score',
        message: `Điểm "${String(r.score).trim()}" không hợp lệ: cần số từ 0 đến 100, tối đa 2 chữ số thập phân.`,
      });
    if (id && score !== null && program === null) scores.push({ id, score });
    else if (id && score !== null && program !== null && programIds.has(program))
      ownScores.push({ id, program, score, school_id: schoolOf.get(id)! });
  });
  const summary = { rows: input.rows.length, added: 0, updated: 0, unchanged: 0 };
  if (!problems.length) {
    const before = await currentScores(db, campaign.id);
    const ownBefore = await programScores(db, campaign.id);
    const count = (old: number | null | undefined, score: number) => {
      if (old === null || old === undefined) summary.added++;
      else if (old !== score) summary.updated++;
      else summary.unchanged++;
    };
    for (const s of scores) count(before.get(s.id), s.score);
    for (const s of ownScores) count(ownBefore.get(`${s.id} ${s.program}`), s.score);
    await writeTransaction(db, scope.actor, async (tx) => {
      await setScores(tx, campaign.id, scores);
      await setProgramScores(tx, campaign.id, ownScores);
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
