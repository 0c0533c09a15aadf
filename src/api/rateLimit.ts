/**
 * A token bucket per key — per API token (issue 13 item 2), per client address for failed
 * authentications (auth.ts): `burst` requests at once, refilled at
 * `perSecond`; a request finding the bucket empty is refused (429) with the seconds to wait.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** 0 when the request may go ahead, else the seconds until it may. */
  take(key: string): number {
    return this.wait(key, true);
  }

  /** What `take` would answer, taking nothing: 0 while the key's bucket holds a request. */
  peek(key: string): number {
    return this.wait(key, false);
  }

  private wait(key: string, taking: boolean): number {
    if (this.perSecond <= 0) return 0; // off
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    // a full bucket is the same as none: forget it, so that keys seen once do not accumulate
    if (b.tokens >= this.burst && !taking) this.buckets.delete(key);
    else this.buckets.set(key, b);
    if (b.tokens >= 1) {
      if (taking) b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / this.perSecond);
  }
}
