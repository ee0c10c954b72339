import { PassThrough, type Writable } from 'node:stream';

/** Runs a workbook writer into memory, so a refusal or error is a clean problem answer. */
export async function workbookBytes(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((ok, fail) => {
    out.on('end', ok);
    out.on('error', fail);
  });
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}
