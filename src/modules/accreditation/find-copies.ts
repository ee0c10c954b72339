import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireCycle } from './access.ts';
import type { CopyFindings } from './contract.ts';
import { criterionTexts, identicalFiles, otherTexts } from './repo.ts';
import { containment, FLAG_SIMILARITY, paragraphs, shingles } from './shingles.ts';

type TextRow = {
  description: string;
  strengths: string;
  weaknesses: string;
  improvement_plan: string;
};
const joined = (t: TextRow) =>
  [t.description, t.strengths, t.weaknesses, t.improvement_plan].join('\n');

/**
 * For the reviewer, against copying (issue #18 item 6; Quảng Ninh HD
 * 1816/SGDĐT-GDTrH forbade copying evidence across schools): evidence files
 * identical (by SHA-256) to another school's, and report paragraphs whose
 * word shingles are mostly found in another school's report of the same
 * campaign. Other schools are named only to reviewers (who see them anyway).
 */
export async function findCopies(db: Db, scope: Scope, cycleId: string): Promise<CopyFindings> {
  const { cycle } = await requireCycle(db, scope, cycleId, 'accreditation.review');
  const [files, mine, others] = await Promise.all([
    identicalFiles(db, cycle.id, cycle.school_id),
    criterionTexts(db, cycle.id),
    otherTexts(db, cycle.campaign_id, cycle.school_id),
  ]);
  // One shingle set per other school and criterion.
  const otherSets = others.map((o) => ({ row: o, set: shingles(joined(o)) }));
  const copiedParagraphs: CopyFindings['copiedParagraphs'] = [];
  for (const t of mine) {
    for (const paragraph of paragraphs(joined(t))) {
      const own = shingles(paragraph);
      let best: { similarity: number; row: (typeof others)[number] } | null = null;
      for (const o of otherSets) {
        const similarity = containment(own, o.set);
        if (similarity >= FLAG_SIMILARITY && (!best || similarity > best.similarity))
          best = { similarity, row: o.row };
      }
      if (best)
        copiedParagraphs.push({
          criterionCode: t.criterion_code,
          otherSchool: {
            id: best.row.school_id,
            code: best.row.school_code,
            name: best.row.school_name,
          },
          otherCriterionCode: best.row.criterion_code,
          similarity: Math.round(best.similarity * 100) / 100,
          excerpt: paragraph.length > 300 ? `${paragraph.slice(0, 300)}…` : paragraph,
        });
    }
  }
  return {
    identicalFiles: files.map((f) => ({
      code: f.code,
      title: f.title,
      otherSchool: { id: f.school_id, code: f.school_code, name: f.school_name },
      otherCode: f.other_code,
    })),
    copiedParagraphs,
  };
}
