import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, notFound } from '../errors.ts';

/**
 * Files kept outside the database (document scans, evidence, attachments):
 * content-addressed by SHA-256, so a file uploaded twice is stored once and
 * a module's table keeps only the checksum, size and name. The checksum is
 * also the integrity check: `verify` hashes the stored bytes again.
 * Layout: <root>/sha256/ab/cd/<hex>; partial uploads live in <root>/tmp and
 * never appear under their checksum.
 */
export interface StoredFile {
  sha256: string;
  size: number;
  /** From the first bytes (sniffMediaType); null when not a known kind. */
  sniffedType: string | null;
}

export interface FileStore {
  readonly root: string;
  /** Streams `source` in; refuses (413, nothing kept) past `maxBytes`. */
  put(
    source: Readable | AsyncIterable<Buffer> | Buffer,
    options: { maxBytes: number },
  ): Promise<StoredFile>;
  /** The stored bytes; 404 when the store has no such file. */
  open(sha256: string): Promise<ReadStream>;
  has(sha256: string): Promise<boolean>;
  /** Hashes the stored bytes again: false when the file is missing or changed on disk. */
  verify(sha256: string): Promise<boolean>;
}

const HEX = /^[0-9a-f]{64}$/;

export class FileTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super(
      413,
      'Tệp quá lớn',
      `Tệp vượt quá giới hạn ${formatMegabytes(maxBytes)} MB. Hãy chia nhỏ hoặc nén tệp rồi tải lên lại.`,
    );
  }
}

function formatMegabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

/** The store under `FILES_DIR`, or `<DATA_DIR>/files` (default ./data/files). */
export function fileStoreFromEnv(env: NodeJS.ProcessEnv = process.env): FileStore {
  return createFileStore(env.FILES_DIR || join(env.DATA_DIR || './data', 'files'));
}

export function createFileStore(rootDir: string): FileStore {
  const root = resolve(rootDir);
  const pathOf = (sha256: string) => {
    if (!HEX.test(sha256)) throw notFound('tệp');
    return join(root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const exists = async (path: string) =>
    stat(path).then(
      (s) => s.isFile(),
      () => false,
    );

  return {
    root,
    async put(source, { maxBytes }) {
      const tmpDir = join(root, 'tmp');
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      const chunks = Buffer.isBuffer(source) ? [source] : source;
      try {
        await pipeline(async function* () {
          for await (const chunk of chunks) {
            const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
            size += buffer.length;
            if (size > maxBytes) throw new FileTooLargeError(maxBytes);
            hash.update(buffer);
            if (head.length < 8) head = Buffer.concat([head, buffer.subarray(0, 8)]);
            yield buffer;
          }
        }, createWriteStream(tmp));
        // @fastify/multipart truncates at its own limit instead of throwing.
        if ('truncated' in source && (source as { truncated?: boolean }).truncated)
          throw new FileTooLargeError(maxBytes);
        const sha256 = hash.digest('hex');
        const target = pathOf(sha256);
        if (await exists(target)) await rm(tmp, { force: true });
        else {
          await mkdir(join(target, '..'), { recursive: true });
          await rename(tmp, target);
        }
        return { sha256, size, sniffedType: sniffMediaType(head) };
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },
    async open(sha256) {
      const path = pathOf(sha256);
      if (!(await exists(path))) throw notFound('tệp');
      return createReadStream(path);
    },
    has: async (sha256) => HEX.test(sha256) && exists(pathOf(sha256)),
    async verify(sha256) {
      if (!HEX.test(sha256) || !(await exists(pathOf(sha256)))) return false;
      const hash = createHash('sha256');
      await pipeline(createReadStream(pathOf(sha256)), hash);
      return hash.digest('hex') === sha256;
    },
  };
}

/** What a file's first bytes say it is (the name's extension is not trusted). */
export function sniffMediaType(head: Buffer): string | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  // DOCX and XLSX are zip files; the caller tells them apart by the name when it matters.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    return 'application/zip';
  return null;
}
