import type { FastifyRequest } from 'fastify';
import { badRequest } from '../errors.ts';
import type { FileStore, StoredFile } from './store.ts';

export interface ReceivedUpload extends StoredFile {
  fileName: string;
  /** Other multipart fields sent before the file. */
  fields: Record<string, string>;
}

/**
 * One multipart "file" part streamed into the store (never buffered whole),
 * refused when larger than `maxBytes` or when its first bytes are not one of
 * `accept` (media types as sniffMediaType names them).
 */
export async function receiveUpload(
  request: FastifyRequest,
  store: FileStore,
  options: { maxBytes: number; accept?: readonly string[]; what?: string },
): Promise<ReceivedUpload> {
  if (!request.isMultipart())
    throw badRequest('Hãy gửi tệp dạng multipart/form-data, trường "file".');
  const part = await request.file({ limits: { fileSize: options.maxBytes + 1 } });
  if (!part) throw badRequest('Thiếu tệp: hãy chọn một tệp để tải lên (trường "file").');
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    const value = Array.isArray(field) ? field[0] : field;
    if (value && value.type === 'field' && typeof value.value === 'string')
      fields[name] = value.value;
  }
  const stored = await store.put(part.file, { maxBytes: options.maxBytes });
  if (stored.size === 0) throw badRequest(`Tệp ${part.filename} rỗng.`);
  if (options.accept && !options.accept.includes(stored.sniffedType ?? '')) {
    throw badRequest(
      `Tệp ${part.filename} không phải ${options.what ?? options.accept.join(', ')} (nội dung tệp không khớp).`,
    );
  }
  return { ...stored, fileName: part.filename, fields };
}
