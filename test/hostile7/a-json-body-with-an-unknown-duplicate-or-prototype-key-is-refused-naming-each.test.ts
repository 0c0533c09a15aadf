import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, apiFixture } from '../api/apiFixture.js';
import { seedsAvailable } from '../support/seeds.js';

interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * SPEC §12 (bad input fails whole, every problem listed) and standing rule 3 for the API's JSON
 * bodies, as a hostile or careless client sends them. A key the route does not take
 * (`servicefeePct` for `serviceFeePct`) was dropped without a word: the Board-set rate was recorded
 * with its distribution fee only and answered 200, as if the service fee had not been given. A key
 * given twice was read as its last value (JSON.parse), so a proxy or log reading the first saw
 * another request than the one run; `__proto__` and `constructor` keys were dropped the same way.
 * Each is now 400 USAGE naming the key, nothing recorded. Held before and still: a rate as a JSON
 * number or an exponent, a body nested 100,000 deep (400, never 500).
 *
 * The store (test/api/apiFixture.ts): AIM Value Fund C, seed 002's plan (ABSC up to 0.75%).
 */
describe.skipIf(!seedsAvailable)('JSON bodies with keys a route does not take', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  const post = (path: string, body: string) =>
    f.request('POST', path, { token: f.tokens.admin, type: 'application/json', body });
  const rate = (rest: string, effectiveDate = '2007-03-01') =>
    `{"portfolio":"AIM Value Fund","class":"C","effectiveDate":"${effectiveDate}","distributionFeePct":"0.50"${rest}}`;
  const recordedRates = async () =>
    ((await (await f.request('GET', '/api/rates', { token: f.tokens.admin })).json()) as { rates: unknown[] })
      .rates.length;

  it('refuses a misspelt key, a key given twice and __proto__ / constructor keys, naming each, nothing recorded', async () => {
    const before = await recordedRates();
    const cases: [body: string, names: RegExp][] = [
      [rate(',"servicefeePct":"0.10"'), /servicefeePct/],
      [rate(',"distributionFeePct":"0.75"'), /distributionFeePct.*(twice|more than once)/],
      // the same key written with an escape is the same key
      [rate(',"distributionFee\\u0050ct":"0.75"'), /distributionFeePct.*(twice|more than once)/],
      [rate(',"__proto__":{"serviceFeePct":"0.10"}'), /__proto__/],
      [rate(',"constructor":{"prototype":{"serviceFeePct":"0.10"}}'), /constructor/],
    ];
    for (const [body, names] of cases) {
      const res = await post('/api/rates', body);
      const doc = (await res.json()) as ErrorBody;
      expect([res.status, doc.error?.code], body).toEqual([400, 'USAGE']);
      expect(doc.error.message, body).toMatch(names);
    }
    // two problems in one body: both named
    const both = (await (
      await post('/api/rates', rate(',"reasn":"x","serviceFeePct":"0.10","reasn":"y"'))
    ).json()) as ErrorBody;
    expect(both.error.message).toMatch(/reasn/);
    // a duplicate inside a nested object of another route (POST /api/close: acceptEnded is a list)
    const close = await post('/api/close', '{"month":"2006-12","first":false,"first":true}');
    expect(close.status).toBe(400);
    expect(((await close.json()) as ErrorBody).error.message).toMatch(/first/);
    expect(await recordedRates()).toBe(before);
  });

  it('still takes a well-formed body, and refuses a rate as a number or an exponent and deep nesting with 400', async () => {
    const ok = await post(
      '/api/rates',
      rate(',"serviceFeePct":"0.10","reason":"Board resolution of 2007-03-20"', '2007-04-01'),
    );
    expect(ok.status).toBe(200);
    for (const body of [
      rate(',"serviceFeePct":0.10'),
      rate(',"serviceFeePct":"1e-1"'),
      rate(`,"reason":${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    ]) {
      const res = await post('/api/rates', body);
      expect(res.status, body.slice(0, 120)).toBe(400);
      expect(((await res.json()) as ErrorBody).error.code).toBe('USAGE');
    }
  });
});
