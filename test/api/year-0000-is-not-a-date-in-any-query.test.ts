import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { runCliOnOpenStore } from '../support/cli.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { name: string; in: string; required?: boolean; schema: { format?: string } }[] }
    >
  >;
}

/** A valid value for each parameter, from the fixture's data (seed 002, AIM Value Fund class C). */
const SAMPLE: Record<string, string> = {
  asOf: '2007-01-15',
  from: '2007-01-01',
  to: '2007-01-31',
  month: '2007-01',
  account: 'ACCT-1',
  provider: 'DLR-1',
  class: 'C',
  portfolio: 'AIM Value Fund',
  distributionFee: '0.50',
  assignee: 'No Such Assignee',
  after: '2007-01-15',
  date: '2007-01-15',
  name: 'AIM Value Fund',
  id: 'no-such-id',
};

/**
 * "0000-01-01" has the shape of a date but names no day: the Gregorian calendar (PostgreSQL's
 * `date`) has no year 0. Sent as any date of a query it is the question's fault — 400 USAGE, "not a
 * date" — never a 500: the Class B redemptions and CDSC once passed it to the store, which refused
 * it ("date/time field value out of range"), answered as an internal error (HTTP 500, exit 70).
 * Checked for every date parameter of every GET operation of /openapi.json, and for the CLI's
 * `redemptions` and `cdsc`.
 */
describe.skipIf(!seedsAvailable)('year 0000 in a date', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  it('every date parameter of every GET operation answers 400 USAGE "not a date"', async () => {
    const doc = (await (await f.request('GET', '/openapi.json', { token: null })).json()) as OpenApi;
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const params = methods.get?.parameters ?? [];
      for (const target of params.filter((p) => p.schema.format === 'date')) {
        let url = path;
        const query = new URLSearchParams();
        for (const p of params) {
          const value = p === target ? '0000-01-01' : SAMPLE[p.name];
          if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value ?? 'x'));
          else if (p === target || (p.required && value !== undefined)) query.set(p.name, value!);
        }
        // the CDSC takes month, or from and to together
        if (path === '/api/class-b/cdsc') query.set(target.name === 'from' ? 'to' : 'from', '2007-01-31');
        // the audit log is the auditor's (a date is checked after the role)
        const res = await f.request('GET', `${url}?${query}`, { token: f.tokens.auditor });
        const body = (await res.json()) as { error?: { code: string; exit: number; message: string } };
        const where = `${path}?${query}`;
        expect({ where, status: res.status }).toEqual({ where, status: 400 });
        expect(body.error, where).toMatchObject({ code: 'USAGE', exit: ERROR_CODES.USAGE.exit });
        expect(body.error!.message, where).toContain(`${target.name}: not a date`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it.each([
    [['redemptions', '--from', '0000-01-01', '--to', '2007-01-31']],
    [['cdsc', '--from', '0000-01-01', '--to', '2007-01-31']],
  ])('plan12b %j --json exits 64, "not a date"', async (args) => {
    const run = await f.store.use((db) => runCliOnOpenStore(db, [...args, '--json']));
    expect(run.code).toBe(64);
    const doc = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    expect(doc.error).toMatchObject({ code: 'USAGE', message: '--from "0000-01-01" is not a date' });
  });
});
