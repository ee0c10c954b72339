import type { ReadStream } from 'node:fs';
import { notFound } from '../../core/errors.ts';
import type { FileStore } from '../../core/files/store.ts';
import type { Db } from '../../db/connection.ts';
import { requireApplicant } from './applicant.ts';
import type { ApplicantQuery } from './contract.ts';

/** The result the applicant downloads by code and personal id (the certified copy's PDF). */
export async function resultFile(
  db: Db,
  files: FileStore,
  query: ApplicantQuery,
): Promise<{ fileName: string; stream: ReadStream }> {
  const a = await requireApplicant(db, query);
  if (a.status !== 'done' || !a.result_sha256) throw notFound('kết quả của hồ sơ này (chưa có)');
  return { fileName: `ket-qua-${a.code}.pdf`, stream: await files.open(a.result_sha256) };
}
