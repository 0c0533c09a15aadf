import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/api/rateLimit.js';
import { mayDo, ROLES, rolesWith } from '../../src/api/roles.js';

describe('rate limit: a token bucket per API token', () => {
  it('lets a burst through, refuses the next, and refills at the rate', () => {
    let nowMs = 0;
    // 2 requests a second, a burst of 3
    const limiter = new RateLimiter(2, 3, () => nowMs);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    // the bucket is empty: one token comes back in 1/2 s, so wait ⌈0.5⌉ = 1 s
    expect(limiter.take('a')).toBe(1);
    // another token has its own bucket
    expect(limiter.take('b')).toBe(0);
    nowMs = 500; // 0.5 s × 2/s = 1 request
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
    nowMs = 60_000; // a long pause refills to the burst, never beyond: 3 more, then refused
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a') > 0]).toEqual([
      0,
      0,
      0,
      true,
    ]);
  });

  it('peek answers what take would, taking nothing', () => {
    let nowMs = 0;
    const limiter = new RateLimiter(1, 2, () => nowMs); // 1 a second, a burst of 2
    expect([limiter.peek('a'), limiter.peek('a'), limiter.peek('a')]).toEqual([0, 0, 0]);
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 0]);
    expect(limiter.peek('a')).toBe(1); // empty: 1 s until one comes back
    nowMs = 1_000;
    expect([limiter.peek('a'), limiter.take('a'), limiter.peek('a')]).toEqual([0, 0, 1]);
  });

  it('is off at 0 requests a second', () => {
    const limiter = new RateLimiter(0, 0);
    expect(Array.from({ length: 1000 }, () => limiter.take('a')).every((w) => w === 0)).toBe(true);
  });
});

describe('roles', () => {
  it('viewer reads; operator operates; admin administers; only the auditor reads the audit log', () => {
    expect(rolesWith('read')).toEqual(['viewer', 'operator', 'admin', 'auditor']);
    expect(rolesWith('operate')).toEqual(['operator', 'admin']);
    expect(rolesWith('administer')).toEqual(['admin']);
    expect(rolesWith('audit')).toEqual(['auditor']);
    for (const r of ROLES) expect(mayDo(r, 'read')).toBe(true);
  });
});
