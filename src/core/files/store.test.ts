import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStore, FileTooLargeError, sniffMediaType } from './store.ts';

const dir = mkdtempSync(join(tmpdir(), 'sogd-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = createFileStore(dir);

describe('file store', () => {
  it('stores by checksum, once, and reads the bytes back', async () => {
    const first = await store.put(Buffer.from('%PDF-1.7 công văn'), { maxBytes: 1024 });
    const again = await store.put(
      Readable.from([Buffer.from('%PDF-1.7 '), Buffer.from('công văn')]),
      {
        maxBytes: 1024,
      },
    );
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toEqual(first);
    expect(first.sniffedType).toBe('application/pdf');
    expect(await text(await store.open(first.sha256))).toBe('%PDF-1.7 công văn');
    expect(await store.verify(first.sha256)).toBe(true);
  });

  it('refuses a file over the limit and keeps nothing of it', async () => {
    const big = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(store.put(big, { maxBytes: 1000 })).rejects.toBeInstanceOf(FileTooLargeError);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it('notices a stored file changed on disk', async () => {
    const stored = await store.put(Buffer.from('minh chứng'), { maxBytes: 1024 });
    const path = join(
      dir,
      'sha256',
      stored.sha256.slice(0, 2),
      stored.sha256.slice(2, 4),
      stored.sha256,
    );
    writeFileSync(path, 'đã bị sửa');
    expect(await store.verify(stored.sha256)).toBe(false);
    expect(await store.has('../../etc/passwd')).toBe(false);
    await expect(store.open('not-a-checksum')).rejects.toMatchObject({ status: 404 });
  });

  it('tells kinds by their first bytes', () => {
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe('image/png');
    expect(sniffMediaType(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('application/zip');
    expect(sniffMediaType(Buffer.from('hello'))).toBeNull();
  });
});
