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
