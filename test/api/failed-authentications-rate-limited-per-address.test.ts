import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * Requests with an unknown (or revoked) token are rate limited per client address: each costs a
 * database lookup, so after `burst` failures from one address the next is refused with 429
 * RATE_LIMITED (the error document, `retry-after`) before any lookup. Another address has its own
 * bucket, and a token the store has answered for is still looked up from a limited address, so
 * guessing cannot lock its holder out.
 *
 * Limits here: a burst of 3 failures, refilled at 0.01 a second (one per 100 s), so no refill
 * comes back while the test runs, however slow the machine: the wait is ⌈(1 − t)/0.01⌉ s for the
 * fraction t refilled since the last failure, between 1 and 100.
 */
describe.skipIf(!seedsAvailable)('failed authentications are rate limited per client address', () => {
  let f: ApiFixture;
  let app: ReturnType<typeof createApp>['app'];
  beforeAll(async () => {
    f = await apiFixture('pglite');
    app = createApp(f.store, {
      rateLimit: { perSecond: 0, burst: 0 },
      failedAuthLimit: { perSecond: 0.01, burst: 3 },
    }).app;
  });
  afterAll(async () => {
    await f?.close();
  });
  // the socket's peer, as @hono/node-server hands it to the app (getConnInfo)
  const from = (address: string, token: string, path = '/api/registry/documents', method = 'GET') =>
    app.request(
      path,
      { method, headers: { authorization: `Bearer ${token}` } },
      {
        incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } },
      },
    );
  const BAD = 'p12b_not-a-token-anyone-holds';

  it('refuses the 4th failure from one address with 429 and retry-after, before the lookup', async () => {
    // the viewer signs in from 10.0.0.1 before anyone guesses from there
    expect((await from('10.0.0.1', f.tokens.viewer)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await from('10.0.0.1', `${BAD}${i}`)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const use = vi.spyOn(f.store, 'use');
    const limited = await from('10.0.0.1', `${BAD}3`);
    expect(use).not.toHaveBeenCalled(); // no database lookup for the refused guess
    use.mockRestore();
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(100);
    expect(await limited.json()).toMatchObject({
      error: {
        code: 'RATE_LIMITED',
        exit: 75,
        message: expect.stringMatching(/unknown or revoked API tokens/),
      },
    });
  });

  it('another address has its own bucket: its failures are 401, its valid token answered', async () => {
    expect((await from('10.0.0.2', `${BAD}x`)).status).toBe(401);
    expect((await from('10.0.0.2', f.tokens.operator)).status).toBe(200);
  });

  it('the holder of a valid token is not locked out from the limited address, even looked up again', async () => {
    // an admin's revoke of another token makes the server forget the holders it kept: the
    // viewer's token is looked up in the store again, from the address that is limited
    const revoke = await from('10.0.0.3', f.tokens.admin, '/api/tokens/auditor', 'DELETE');
    expect(revoke.status).toBe(200);
    const use = vi.spyOn(f.store, 'use');
    expect((await from('10.0.0.1', f.tokens.viewer)).status).toBe(200);
    expect(use).toHaveBeenCalled(); // it was looked up, not answered from the kept holders
    use.mockRestore();
    // the guesses from there are still refused
    expect((await from('10.0.0.1', `${BAD}4`)).status).toBe(429);
  });
});
