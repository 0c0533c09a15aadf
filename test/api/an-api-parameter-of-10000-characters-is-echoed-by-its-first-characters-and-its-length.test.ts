import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_TEXT_MAX } from '../../src/errors.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * The API answers with the CLI's error document (src/errors.ts): a query parameter of 10,000
 * characters (under the 16 KB of headers Node reads) is echoed by its first 200 characters and its
 * length, as the CLI echoes an argument, never whole.
 */
describe.skipIf(!seedsAvailable)('an API parameter of 10,000 characters', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  it('a date and a portfolio name: 4xx, their first 200 characters and their length', async () => {
    const long = 'A'.repeat(10_000);
    const shown = `"${'A'.repeat(PROBLEM_TEXT_MAX)}…" (10,000 characters)`;
    const answer = async (query: string) => {
      const res = await f.request('GET', `/api/fees?${query}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const body = await res.text();
      expect(body.length).toBeLessThan(2_000);
      return (JSON.parse(body) as { error: { message: string } }).error.message;
    };
    // the date is refused by its shape, without echoing it
    expect(await answer(`from=${long}&to=2007-01-31`)).not.toContain('A'.repeat(PROBLEM_TEXT_MAX + 1));
    // the name is echoed: by its first characters and its length
    expect(await answer(`from=2007-01-01&to=2007-01-31&portfolio=${long}`)).toContain(shown);
  });
});
