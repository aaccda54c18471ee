// Token buckets per key (an IP address, a conversation): each holds at most `perMinute`
// tokens and refills at `perMinute` a minute, so a key may send that many at once and then
// keeps that rate. Keys are held in a bounded map, so a flood of fresh keys cannot grow it.

export interface RateLimit {
  perMinute: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updated: number;
}

const MINUTE_MS = 60_000;

export class RateLimiter {
  private readonly perMinute: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: RateLimit & { maxKeys?: number; now?: () => number }) {
    this.perMinute = options.perMinute;
    this.maxKeys = options.maxKeys ?? 20_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes one token for `key`; `perMinute` 0 means no limit. */
  take(key: string): RateDecision {
    if (this.perMinute <= 0) return { allowed: true };
    const now = this.now();
    const bucket = this.refilled(key, now);
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.evict();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const msPerToken = MINUTE_MS / this.perMinute;
    const wait = (1 - bucket.tokens) * msPerToken;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.perMinute, updated: now };
    const elapsed = Math.max(0, now - bucket.updated);
    const tokens = Math.min(this.perMinute, bucket.tokens + (elapsed * this.perMinute) / MINUTE_MS);
    return { tokens, updated: now };
  }

  private evict(): void {
    // The oldest key is the least recently used; a full bucket loses nothing by going.
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}
