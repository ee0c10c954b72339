/**
 * The CBOR subset (RFC 8949) a COSE_Sign1 diploma QR needs: unsigned and
 * negative integers, byte and text strings, arrays, maps, tags. Definite
 * lengths only; maps written with keys in the order given (callers pass
 * ascending integer keys, CBOR's deterministic order). Uint8Array only:
 * runs in the browser too.
 */

export type CborValue =
  | number
  | string
  | Uint8Array
  | CborValue[]
  | Map<CborValue, CborValue>
  | { tag: number; value: CborValue };

class Writer {
  bytes: number[] = [];
  head(major: number, n: number) {
    if (n < 24) this.bytes.push((major << 5) | n);
    else if (n < 0x100) this.bytes.push((major << 5) | 24, n);
    else if (n < 0x10000) this.bytes.push((major << 5) | 25, n >> 8, n & 0xff);
    else if (n < 0x100000000)
      this.bytes.push(
        (major << 5) | 26,
        (n >>> 24) & 0xff,
        (n >>> 16) & 0xff,
        (n >>> 8) & 0xff,
        n & 0xff,
      );
    else throw new Error('CBOR: số quá lớn');
  }
}

export function encodeCbor(value: CborValue): Uint8Array {
  const w = new Writer();
  const write = (v: CborValue): void => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error('CBOR: chỉ hỗ trợ số nguyên');
      if (v >= 0) w.head(0, v);
      else w.head(1, -1 - v);
    } else if (typeof v === 'string') {
      const bytes = new TextEncoder().encode(v);
      w.head(3, bytes.length);
      for (const b of bytes) w.bytes.push(b);
    } else if (v instanceof Uint8Array) {
      w.head(2, v.length);
      for (const b of v) w.bytes.push(b);
    } else if (Array.isArray(v)) {
      w.head(4, v.length);
      v.forEach(write);
    } else if (v instanceof Map) {
      w.head(5, v.size);
      for (const [k, x] of v) {
        write(k);
        write(x);
      }
    } else {
      w.head(6, v.tag);
      write(v.value);
    }
  };
  write(value);
  return Uint8Array.from(w.bytes);
}

export function decodeCbor(bytes: Uint8Array): CborValue {
  let i = 0;
  const byte = () => {
    if (i >= bytes.length) throw new Error('CBOR: dữ liệu bị cắt cụt');
    return bytes[i++]!;
  };
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return byte();
    if (info === 25) return (byte() << 8) | byte();
    if (info === 26) return ((byte() << 24) >>> 0) + (byte() << 16) + (byte() << 8) + byte();
    throw new Error('CBOR: độ dài không được hỗ trợ');
  };
  const read = (depth: number): CborValue => {
    if (depth > 16) throw new Error('CBOR: lồng quá sâu');
    const first = byte();
    const major = first >> 5;
    const n = length(first & 0x1f);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        if (i + n > bytes.length) throw new Error('CBOR: dữ liệu bị cắt cụt');
        const slice = bytes.slice(i, i + n);
        i += n;
        return major === 2 ? slice : new TextDecoder('utf-8', { fatal: true }).decode(slice);
      }
      case 4:
        return Array.from({ length: n }, () => read(depth + 1));
      case 5: {
        const map = new Map<CborValue, CborValue>();
        for (let k = 0; k < n; k++) map.set(read(depth + 1), read(depth + 1));
        return map;
      }
      case 6:
        return { tag: n, value: read(depth + 1) };
      default:
        throw new Error('CBOR: kiểu dữ liệu không được hỗ trợ');
    }
  };
  const value = read(0);
  if (i !== bytes.length) throw new Error('CBOR: thừa dữ liệu ở cuối');
  return value;
}
