import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { verifyDocument } from '../../lib/credentials/data-integrity.ts';
import { verifyDiplomaQr, type IssuerKey } from './credentials/qr.ts';

/**
 * Verifies what `sogd diplomas verify` is given: a credential (.json), or a
 * QR code as its text or as a PNG image. A QR payload is checked against
 * `keys()`, the keys this installation publishes. Exit code 0 valid,
 * 1 invalid (or an unknown issuer), 2 unreadable.
 */
export async function verifyFile(
  bytes: Buffer,
  keys: () => Promise<IssuerKey[]>,
): Promise<{ code: 0 | 1 | 2; out: string[]; err: string[] }> {
  const text = bytes
    .subarray(0, 8)
    .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    ? decodePngQr(bytes)
    : bytes.toString('utf8').trim();
  if (text === null) return { code: 2, out: [], err: ['Không tìm thấy mã QR trong ảnh.'] };
  if (text.startsWith('{')) {
    let credential: unknown;
    try {
      credential = JSON.parse(text);
    } catch {
      return { code: 2, out: [], err: ['Tệp không phải JSON hợp lệ.'] };
    }
    const result = verifyDocument(credential);
    if (result.ok)
      return {
        code: 0,
        out: [`HỢP LỆ: chữ ký của ${result.issuer} (${result.verificationMethod}).`],
        err: [],
      };
    return {
      code: result.code === 'malformed' ? 2 : 1,
      out: [`KHÔNG HỢP LỆ: ${result.message}`],
      err: [],
    };
  }
  const result = await verifyDiplomaQr(text, await keys());
  const label = {
    valid: 'HỢP LỆ',
    tampered: 'KHÔNG HỢP LỆ',
    unknown_issuer: 'KHÔNG RÕ ĐƠN VỊ CẤP',
    unreadable: 'KHÔNG ĐỌC ĐƯỢC',
  }[result.status];
  const out = [`${label}: ${result.message}`];
  if (result.fields) out.push(JSON.stringify(result.fields));
  return {
    code: result.status === 'valid' ? 0 : result.status === 'unreadable' ? 2 : 1,
    out,
    err: [],
  };
}

// jsqr is CommonJS whose types declare a default export: take whichever is the function.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ??
  jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

function decodePngQr(bytes: Buffer): string | null {
  try {
    const png = PNG.sync.read(bytes);
    const code = jsQR(
      new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
      png.width,
      png.height,
    );
    return code ? code.data : null;
  } catch {
    return null;
  }
}
