import { spawn } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import type { FileStore, StoredFile } from '../../core/files/store.ts';

/** Files up to 50 MB (issue #17 rules). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What a document's file may be: PDF and DOCX, and images for scans. */
export const DOCUMENT_MEDIA = ['application/pdf', 'application/zip', 'image/png', 'image/jpeg'];

/** The file is not a usable document: the message says why, in Vietnamese. */
export class BadDocumentFileError extends Error {}

/**
 * Checks an uploaded file by its bytes and takes its text for the search:
 * a PDF must be whole (ends with %%EOF) and not password-protected (no
 * /Encrypt in its trailer); a zip must be a Word document (DOCX, with
 * word/document.xml). Text comes from poppler's `pdftotext` (absent: the
 * PDF is kept, searched by its register fields only) and from the DOCX's
 * document.xml.
 */
export async function readDocumentFile(
  store: FileStore,
  file: StoredFile,
  fileName: string,
): Promise<{ mediaType: string; text: string }> {
  if (file.sniffedType === 'application/pdf') {
    // Streamed from the store to pdftotext; only the first and last bytes are kept.
    const { head, tail: end, text } = await pdfText(store, file.sha256, fileName);
    const tail = end.toString('latin1');
    if (!/%%EOF\s*$/.test(tail))
      throw new BadDocumentFileError(
        `Tệp ${fileName} là PDF hỏng hoặc bị cắt (không có phần kết %%EOF): hãy xuất lại tệp PDF.`,
      );
    if (/\/Encrypt\b/.test(tail) || /\/Encrypt\b/.test(head.toString('latin1')))
      throw new BadDocumentFileError(
        `Tệp ${fileName} có mật khẩu (PDF mã hoá): hãy gỡ mật khẩu rồi tải lên lại.`,
      );
    if (text instanceof Error) throw text;
    return { mediaType: 'application/pdf', text };
  }
  if (file.sniffedType === 'application/zip') {
    // A zip is read from its end (the central directory): DOCX files are read whole.
    const xml = zipEntry(await readAll(store, file.sha256), 'word/document.xml');
    if (xml === null)
      throw new BadDocumentFileError(
        `Tệp ${fileName} không phải văn bản Word (DOCX): không có word/document.xml.`,
      );
    return { mediaType: DOCX, text: docxText(xml) };
  }
  if (file.sniffedType === 'image/png' || file.sniffedType === 'image/jpeg')
    return { mediaType: file.sniffedType, text: '' };
  throw new BadDocumentFileError(
    `Tệp ${fileName} không phải PDF, DOCX hay ảnh quét (PNG, JPEG): nội dung tệp không khớp.`,
  );
}

async function readAll(store: FileStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.open(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const KEEP = 64 * 1024;

/**
 * The PDF's first and last 64 KB, and its text by `pdftotext` ('' when the
 * tool is not installed; an error to throw when it could not read the PDF,
 * given after the checks of the trailer, whose messages say more).
 */
async function pdfText(
  store: FileStore,
  sha256: string,
  fileName: string,
): Promise<{ head: Buffer; tail: Buffer; text: string | Error }> {
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  const child = spawn('pdftotext', ['-q', '-enc', 'UTF-8', '-', '-'], {
    stdio: ['pipe', 'pipe', 'ignore'],
    timeout: 60_000,
  });
  const out: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<string | Error>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ENOENT' ? '' : error),
    );
    child.on('close', (code) =>
      resolve(
        code === 0
          ? Buffer.concat(out).toString('utf8')
          : new BadDocumentFileError(
              `Tệp ${fileName} là PDF hỏng: không đọc được nội dung của tệp.`,
            ),
      ),
    );
  });
  child.stdin.on('error', () => undefined);
  for await (const chunk of await store.open(sha256)) {
    const c = chunk as Buffer;
    if (head.length < KEEP) head = Buffer.concat([head, c.subarray(0, KEEP - head.length)]);
    tail = Buffer.concat([tail, c]);
    if (tail.length > KEEP) tail = tail.subarray(tail.length - KEEP);
    if (child.stdin.writable && !child.stdin.write(c))
      await new Promise((r) => child.stdin.once('drain', r).once('close', r));
  }
  child.stdin.end();
  return { head, tail, text: await done };
}

/** The text of a DOCX's document.xml: paragraphs on their own lines, tags dropped. */
export function docxText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Uncompressed size read from a zip entry at most (a zip bomb is refused). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/**
 * One entry of a zip file by its name, from the central directory; null when
 * the file is not a zip or has no such entry. Only stored and deflated
 * entries (what Word writes); no zip64.
 */
export function zipEntry(zip: Buffer, name: string): string | null {
  const min = Math.max(0, zip.length - 65_557);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && at + 46 <= zip.length; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) return null;
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entryName = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (entryName === name) {
      if (size > MAX_ENTRY_BYTES || local + 30 > zip.length) return null;
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      try {
        if (method === 0) return data.toString('utf8');
        if (method === 8)
          return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES }).toString('utf8');
      } catch {
        return null;
      }
      return null;
    }
    at += 46 + nameLength + extra + comment;
  }
  return null;
}
