/** Base45 (RFC 9285): the QR alphanumeric-mode encoding of the EU Digital COVID Certificate. */

const CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUE = new Map([...CHARSET].map((c, i) => [c, i]));

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += CHARSET[c]! + CHARSET[d]! + CHARSET[e]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += CHARSET[n % 45]! + CHARSET[Math.floor(n / 45)]!;
  }
  return out;
}

export function base45Decode(text: string): Uint8Array {
  const out: number[] = [];
  const v = (ch: string) => {
    const x = VALUE.get(ch);
    if (x === undefined) throw new Error(`ký tự "${ch}" không thuộc bảng Base45`);
    return x;
  };
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = v(text[i]!) + v(text[i + 1]!) * 45 + v(text[i + 2]!) * 2025;
      if (n > 0xffff) throw new Error('Base45: nhóm ba ký tự vượt quá 65535');
      out.push(n >> 8, n & 0xff);
    } else if (i + 1 < text.length) {
      const n = v(text[i]!) + v(text[i + 1]!) * 45;
      if (n > 0xff) throw new Error('Base45: nhóm hai ký tự vượt quá 255');
      out.push(n);
    } else throw new Error('Base45: độ dài không hợp lệ');
  }
  return Uint8Array.from(out);
}
