import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * `GET /api/service-fees/statements/{provider}/pdf`: an id no provider ever had is an id to check —
 * 404 "no service provider … is recorded" with where to look, as `providers terminate` and `providers
 * assign` answer it — not "no statement … in M" with no hint, which read as if the provider existed.
 * A provider known but with no statement that month (its agreement ended before) is told so with
 * the month's list to see; one in force that month gets its statement (a PDF), owed nothing or not.
 */
describe.skipIf(!seedsAvailable)('provider statement PDF by provider id', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
    const imported = await f.request('POST', '/api/imports/providers?fileName=providers.csv', {
      token: f.tokens.admin,
      body: [
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-1,Granite Securities,dealer,2000-01-03,,2006-06-30',
        'DLR-2,Basalt Brokerage,dealer,2000-01-03,,',
        '',
      ].join('\n'),
      type: 'text/csv',
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('an id no provider has: 404 naming it, pointing at the providers list', async () => {
    const res = await f.request('GET', '/api/service-fees/statements/NOPE-1/pdf?month=2007-01');
    expect(res.status).toBe(404);
    const { error } = (await res.json()) as { error: { code: string; message: string; hint: string | null } };
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('no service provider "NOPE-1" is recorded');
    expect(error.hint).toMatch(/providers list/);
  });

  it('a provider whose agreement ended before the month: 404 saying why, with the month to list', async () => {
    const res = await f.request('GET', '/api/service-fees/statements/DLR-1/pdf?month=2007-01');
    expect(res.status).toBe(404);
    const { error } = (await res.json()) as { error: { code: string; message: string; hint: string | null } };
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(
      /^no statement for provider DLR-1 in 2007-01: its agreement was not in force/,
    );
    expect(error.hint).toMatch(/service-fees --month 2007-01/);
  });

  it('a provider in force that month: its statement as a PDF', async () => {
    const res = await f.request('GET', '/api/service-fees/statements/DLR-2/pdf?month=2007-01');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/pdf/);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
