/**
 * A per-client token bucket: `capacity` requests at once, refilled at
 * `perMinute` a minute. In memory, per process: behind several processes,
 * put the limit in the reverse proxy as well.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perMinute: number,
    readonly capacity: number = perMinute,
  ) {}

  /** 0 when the request may go ahead, else the seconds to wait. */
  take(client: string, now = Date.now()): number {
    const refill = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * refill);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 100_000) this.sweep(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / refill / 1000);
  }

  private sweep(now: number) {
    for (const [client, bucket] of this.buckets)
      if ((now - bucket.at) * (this.perMinute / 60_000) >= this.capacity)
        this.buckets.delete(client);
  }
}

/**
 * Spaces out attempts on a key (an account, an address, or both): after the
 * n-th attempt counted in the window, the next one may start `delayMs(n)`
 * later. An attempt is counted when it starts, as if it were going to fail,
 * so that parallel requests queue behind each other instead of all passing;
 * a success takes it back. Keys untouched for `windowMs` are forgotten.
 */
export class AttemptThrottle {
  private readonly entries = new Map<string, { count: number; nextAt: number; lastAt: number }>();

  constructor(
    readonly delayMs: (count: number) => number,
    readonly windowMs: number,
  ) {}

  /** The earliest time (epoch ms, never before `now`) an attempt on `key` may start. */
  earliest(key: string, now: number): number {
    const entry = this.live(key, now);
    return entry ? Math.max(now, entry.nextAt) : now;
  }

  /** Counts an attempt that starts at `at`; the next one waits `delayMs(count)` after it. */
  reserve(key: string, at: number): void {
    const entry = this.live(key, at) ?? { count: 0, nextAt: 0, lastAt: at };
    entry.count += 1;
    entry.lastAt = at;
    entry.nextAt = at + this.delayMs(entry.count);
    this.entries.set(key, entry);
    if (this.entries.size > 100_000) this.sweep(at);
  }

  /** The attempt reserved last succeeded: it no longer counts. */
  refund(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.count = Math.max(0, entry.count - 1);
    entry.nextAt = Math.min(entry.nextAt, entry.lastAt + this.delayMs(entry.count));
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private live(key: string, now: number) {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastAt >= this.windowMs && now >= entry.nextAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(now: number) {
    for (const key of [...this.entries.keys()]) this.live(key, now);
  }
}
