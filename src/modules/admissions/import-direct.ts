import type { Scope } from '../../core/access/scope.ts';
import { conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { refuseOnEntry, requireCampaign } from './access.ts';
import type { DirectInput, ImportSummary, RowProblem } from './contract.ts';
import { candidatesOfCampaign, directOf, programsOf, replaceDirect } from './repo.ts';

/**
 * The direct admission list (tuyển thẳng, TT 30/2024/TT-BGDĐT Điều 14
 * khoản 1: e.g. students of ethnic boarding schools, of very small ethnic
 * minorities, with disabilities, national or international prize winners),
 * sent whole: each row a candidate, the program admitting them, and the
 * basis (which point of the article, and the decision). A directly admitted
 * candidate takes one of the program's seats and leaves the allocation
 * (export-campaign.ts). One bad row and nothing is written; the list is
 * replaced whole. Refused once allocated.
 */
export async function importDirect(
  db: Db,
  scope: Scope,
  campaignId: string,
  input: DirectInput,
): Promise<ImportSummary> {
  const started = performance.now();
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  refuseOnEntry(campaign, 'danh sách tuyển thẳng');
  if (campaign.status !== 'open')
    throw conflict('Kỳ tuyển sinh đã xét tuyển: không sửa được danh sách tuyển thẳng.');
  const candidates = new Map(
    (await candidatesOfCampaign(db, campaign.id)).map((c) => [c.code, c] as const),
  );
  const programs = new Map((await programsOf(db, campaign.id)).map((p) => [p.id, p] as const));
  const before = new Map((await directOf(db, campaign.id)).map((d) => [d.code, d] as const));
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const taken = new Map<string, number>();
  const rows: { candidate_id: string; program: string; basis: string; school_id: string }[] = [];
  const summary = { rows: input.rows.length, added: 0, updated: 0, unchanged: 0 };
  input.rows.forEach((r, i) => {
    const row = i + 2;
    const code = r.code.trim();
    const program = r.program.trim();
    const basis = r.basis.trim();
    const count = problems.length;
    const candidate = candidates.get(code);
    if (!candidate)
      problems.push({ row, column: 'code', message: `Không có thí sinh mã "${code}".` });
    else if (seen.has(code))
      problems.push({
        row,
        column: 'code',
        message: `Thí sinh ${code} đã có ở dòng ${seen.get(code)}.`,
      });
    else seen.set(code, row);
    const p = programs.get(program);
    if (!p)
      problems.push({
        row,
        column: 'program',
        message: `Không có chương trình "${program}" trong kỳ tuyển sinh.`,
      });
    else {
      taken.set(program, (taken.get(program) ?? 0) + 1);
      if (taken.get(program)! > p.quota)
        problems.push({
          row,
          column: 'program',
          message: `Chương trình ${program} chỉ có ${p.quota} chỉ tiêu: không tuyển thẳng thêm được.`,
        });
    }
    if (!basis)
      problems.push({
        row,
        column: 'basis',
        message: 'Cần ghi căn cứ tuyển thẳng (điểm, khoản của Điều 14 TT 30/2024 và quyết định).',
      });
    if (candidate && p && problems.length === count) {
      rows.push({ candidate_id: candidate.id, program, basis, school_id: candidate.school_id });
      const old = before.get(code);
      if (!old) summary.added++;
      else if (old.program !== program || old.basis !== basis) summary.updated++;
      else summary.unchanged++;
    }
  });
  if (!problems.length)
    await writeTransaction(db, scope.actor, (tx) => replaceDirect(tx, campaign.id, rows));
  return {
    ...(problems.length
      ? { rows: input.rows.length, added: 0, updated: 0, unchanged: 0 }
      : summary),
    errors: problems.length,
    ms: Math.round(performance.now() - started),
    problems,
  };
}
