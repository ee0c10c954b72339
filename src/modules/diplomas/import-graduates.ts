import { Readable } from 'node:stream';
import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { DiplomaType } from '../../db/schema.ts';
import { searchKey } from '../../lib/vietnamese.ts';
import { requireAuthority } from './access.ts';
import type { GraduateImportResult } from './contract.ts';
import { GRADUATE_HEADERS, readGraduationList } from './import.ts';
import { issueBatch, refuseFutureIssueDate } from './issue-batch.ts';
import { entriesUnderDecisions } from './repo.ts';
import { resolveContext, type ContextSource } from './signing.ts';

/**
 * Issuing diplomas from a graduation list (danh sách công nhận tốt nghiệp,
 * ./import.ts): every row validated, all errors at once, all-or-nothing; a
 * graduate already in the register for the same decision is counted
 * unchanged, never issued a second original. An unreadable workbook throws
 * UnreadableWorkbookError (the route answers 400, the CLI exits 2).
 */
export async function importGraduates(
  db: Db,
  scope: Scope,
  input: {
    /**
     * A path (the CLI), or the uploaded file, read only once the caller may
     * write (null: none was sent).
     */
    file: string | (() => Promise<Buffer | null>);
    authorityId: string;
    diplomaType: DiplomaType;
    issueDate: string;
    signerName: string;
    signerTitle: string;
    dryRun: boolean;
  },
  context: ContextSource,
): Promise<GraduateImportResult> {
  const started = performance.now();
  const grant = await requireAuthority(db, scope, input.authorityId, 'registry.write');
  refuseFutureIssueDate(input.issueDate, 'querystring.issueDate');
  let source: string | Readable;
  if (typeof input.file === 'string') source = input.file;
  else {
    const bytes = await input.file();
    if (!bytes) throw badRequest('Chưa chọn tệp danh sách tốt nghiệp (xlsx).');
    source = Readable.from(bytes);
  }
  const ctx = resolveContext(context);
  const list = await readGraduationList(source);
  const errors = [...list.errors];

  // The same person twice in the file, or already in the register for the same decision.
  const seen = new Map<string, number>();
  const fresh: typeof list.entries = [];
  let unchanged = 0;
  const existing = new Set(
    (
      await entriesUnderDecisions(db, grant.authority.id, input.diplomaType, [
        ...new Set(list.entries.map((e) => e.decisionNumber)),
      ])
    ).map((d) => `${d.search_name}|${d.birth_date}|${d.decision_number}`),
  );
  for (const e of list.entries) {
    const key = `${searchKey(e.fullName)}|${e.birthDate}|${e.decisionNumber}`;
    const first = seen.get(key);
    if (first) {
      errors.push({
        row: e.row,
        column: GRADUATE_HEADERS.fullName,
        message: `Trùng với dòng ${first} (cùng họ tên, ngày sinh, quyết định).`,
      });
      continue;
    }
    seen.set(key, e.row);
    if (existing.has(key)) unchanged++;
    else fresh.push(e);
  }
  errors.sort((a, b) => a.row - b.row);
  const summary = () => ({
    rows: list.rows,
    added: errors.length ? 0 : fresh.length,
    updated: 0,
    unchanged,
    errors: errors.length,
    ms: Math.round(performance.now() - started),
  });
  if (errors.length || input.dryRun)
    return {
      summary: summary(),
      errorList: errors,
      unknownColumns: list.unknownColumns,
      issued: [],
    };
  const issued = await issueBatch(
    db,
    grant,
    {
      diplomaType: input.diplomaType,
      issueDate: input.issueDate,
      signerName: input.signerName,
      signerTitle: input.signerTitle,
      entries: fresh,
    },
    ctx,
  );
  return { summary: summary(), errorList: [], unknownColumns: list.unknownColumns, issued };
}
