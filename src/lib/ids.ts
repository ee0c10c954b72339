import { randomFillSync } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): time-ordered ids made without a global sequence, so that
 * tables can later be distributed (Citus) and inserts stay index-friendly.
 */
let lastMs = 0;
let counter = 0;

// Random bytes drawn from the system 16 KiB at a time: one call per id was a
// measurable share of a 500,000-row import.
const pool = Buffer.alloc(16 * 1024);
let poolOffset = pool.length;
function randomOffset(n: number): number {
  if (poolOffset + n > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const at = poolOffset;
  poolOffset += n;
  return at;
}

export function uuidv7(now: number = Date.now()): string {
  // A 12-bit counter in rand_a keeps ids made within one millisecond ordered.
  if (now <= lastMs) {
    counter = (counter + 1) & 0xfff;
    if (counter === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    counter = pool.readUInt16BE(randomOffset(2)) & 0x3ff;
  }
  const bytes = Buffer.allocUnsafe(16);
  const at = randomOffset(16);
  pool.copy(bytes, 0, at, at + 16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
