import type { ReadStream } from 'node:fs';
import type { Scope } from '../../core/access/scope.ts';
import type { FileStore } from '../../core/files/store.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { requireCycle } from './access.ts';
import { evidenceById } from './repo.ts';

/** An evidence file's bytes, for those who may read the cycle. */
export async function openEvidence(
  db: Db,
  scope: Scope,
  files: FileStore,
  input: { cycleId: string; evidenceId: string },
): Promise<{ stream: ReadStream; fileName: string; mediaType: string; size: number }> {
  await requireCycle(db, scope, input.cycleId, 'accreditation.read');
  if (!isUuid(input.evidenceId)) throw notFound('minh chứng');
  const row = await evidenceById(db, input.cycleId, input.evidenceId);
  if (!row || row.kind !== 'file' || !row.sha256) throw notFound('tệp minh chứng');
  return {
    stream: await files.open(row.sha256),
    fileName: row.file_name ?? `${row.code}.bin`,
    mediaType: row.media_type ?? 'application/octet-stream',
    size: Number(row.size),
  };
}
