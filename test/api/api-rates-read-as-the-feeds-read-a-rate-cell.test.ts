import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * SPEC §3 and docs/FORMATS.md "Numbers": a rate given to the API (a Board-set rate's JSON body,
 * what-if's query) is read by the feeds' rule for a rate cell. `.50` is 0.50 — recorded and
 * answered as 0.50 — where `POST /api/rates` took `.50` but `GET /api/what-if` refused it; a sign,
 * an exponent, a comma, a bare point or a seventh decimal is the caller's mistake (400 USAGE), said
 * by the one schema both declare in /openapi.json.
 *
 * The store (test/api/apiFixture.ts): AIM Value Fund C, whose schedule allows 0.75% (ABSC).
 */
describe.skipIf(!seedsAvailable)('rates given to the API', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  const setRate = (distributionFeePct: string) =>
    f.request('POST', '/api/rates', {
      token: f.tokens.admin,
      type: 'application/json',
      body: JSON.stringify({
        portfolio: 'AIM Value Fund',
        class: 'C',
        effectiveDate: '2007-03-01',
        distributionFeePct,
        reason: 'Board resolution of 2007-02-20',
      }),
    });
  const whatIf = (distributionFee: string) =>
    f.request(
      'GET',
      `/api/what-if?portfolio=AIM%20Value%20Fund&class=C&distributionFee=${encodeURIComponent(distributionFee)}`,
    );

  it('takes .50 as 0.50: a Board-set rate recorded and answered as 0.50, a what-if computed at 0.50', async () => {
    const set = await setRate('.50');
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ distributionFeePct: '0.50', recorded: true });
    // the same rate again, as 0.50: nothing new recorded
    expect(await (await setRate('0.50')).json()).toMatchObject({ recorded: false });
    const short = await whatIf('.50');
    expect(short.status).toBe(200);
    const long = await whatIf('0.50');
    expect(await short.json()).toEqual(await long.json());
  });

  it.each(['+0.50', '-0.10', '5e-1', '0,50', '1.', '0.1234567', ' 0.50'])(
    'refuses %j with 400 USAGE, in a Board-set rate and in a what-if',
    async (rate) => {
      for (const res of [await setRate(rate), await whatIf(rate)]) {
        expect(res.status, rate).toBe(400);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('USAGE');
      }
    },
  );
});
