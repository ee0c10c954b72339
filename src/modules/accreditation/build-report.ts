import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { getCycle } from './get-cycle.ts';
import { unitById } from './repo.ts';
import { reportDocx } from './report-docx.ts';
import { reportModel } from './report-model.ts';
import { reportPdf } from './report-pdf.ts';

/** The self-assessment report of a cycle as DOCX or PDF, for those who may read the cycle. */
export async function buildReport(
  db: Db,
  scope: Scope,
  input: { cycleId: string; format: 'docx' | 'pdf' },
): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  const cycle = await getCycle(db, scope, input.cycleId);
  const school = await unitById(db, cycle.school.id);
  const above = school?.parent_id ? await unitById(db, school.parent_id) : undefined;
  const model = reportModel(cycle, above?.name ?? '');
  const base = `bao-cao-tu-danh-gia-${cycle.school.code}`;
  return input.format === 'pdf'
    ? { bytes: await reportPdf(model), mediaType: 'application/pdf', fileName: `${base}.pdf` }
    : {
        bytes: await reportDocx(model),
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fileName: `${base}.docx`,
      };
}
