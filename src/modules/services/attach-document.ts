import { badRequest } from '../../core/errors.ts';
import type { StoredFile } from '../../core/files/store.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { requireApplicant } from './applicant.ts';
import { procedureById } from './catalogue.ts';
import type { ApplicantQuery } from './contract.ts';
import { UPLOAD_MAX_FILES } from './labels.ts';
import { countDocuments, insertDocument } from './repo.ts';

/**
 * A document the applicant uploads (already streamed into the file store and
 * checked by receiveUpload: size and kind), attached while the application
 * is received or awaiting additions. `requirement` names one of the
 * procedure's documents that sogd does not already hold.
 */
export async function attachDocument(
  db: Db,
  query: ApplicantQuery,
  file: StoredFile & { fileName: string; requirement: string },
) {
  const a = await requireApplicant(db, query);
  if (a.status !== 'received' && a.status !== 'additions')
    throw badRequest('Hồ sơ đang được giải quyết: không nhận thêm tài liệu.');
  const procedure = procedureById(a.procedure);
  const wanted = procedure?.documents.filter((d) => !d.heldBy && d.id !== 'don') ?? [];
  if (!wanted.some((d) => d.id === file.requirement))
    throw badRequest(
      `Loại tài liệu "${file.requirement}" không thuộc hồ sơ này. Chọn một trong: ${wanted.map((d) => `${d.id} (${d.name})`).join('; ')}.`,
      [{ path: 'body.requirement', message: 'Loại tài liệu không đúng' }],
    );
  if ((await countDocuments(db, a.id)) >= UPLOAD_MAX_FILES)
    throw badRequest(`Mỗi hồ sơ nhận tối đa ${UPLOAD_MAX_FILES} tệp.`);
  const id = uuidv7();
  const row = {
    id,
    application_id: a.id,
    requirement: file.requirement,
    file_name: file.fileName.slice(0, 200),
    media_type: file.sniffedType ?? 'application/octet-stream',
    size: file.size,
    sha256: file.sha256,
  };
  await insertDocument(db, row);
  return {
    id,
    requirement: row.requirement,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
  };
}
