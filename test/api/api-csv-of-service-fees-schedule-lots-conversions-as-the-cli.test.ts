import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApp } from '../../src/api/app.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { FUND, payeesComplexWithViewerToken } from '../transfers/payeesComplexFixture.js';

/**
 * Where the CLI prints `--csv`, the route takes `format=csv` and answers the same CSV (FORMATS.md,
 * the HTTP API). The CLI audit found `service-fees`, `schedule`, `lots`, `conversions`, `providers
 * list`, `transfers list` and `rates list` without it: the API answered their JSON whatever `format` said. Account A1 bought 300 FUND shares on
 * 2024-02-01 (P1) and 300 on 2024-09-03 (P2) and redeemed 100 on 2025-01-15, the oldest first: its
 * lots are P1 200 and P2 300 Commission Shares; no lot is 8 years old, so January converts nothing. On the small Class B complex of payeesComplexFixture.ts:
 * provider DLR-1 holds 10,000,000.00 of FUND class B through January 2025 from the 2nd, 30 days at
 * 0.25% a year: 68.49 a day (10,000,000.00 × 0.25% / 365 = 68.4931…), 2,054.70 for the month; FUND
 * class B is on the Class B agreement’s schedule at 0.75% ABSC and 0.25% service fee.
 */
describe('service-fees, schedule, lots, conversions, providers, Transfers and Board rates as CSV through the API, as the CLI prints them', () => {
  let tdb: TestDatabase;
  let store: ApiStore;
  let app: ReturnType<typeof createApp>['app'];
  let token = '';
  const cli: Record<string, string> = {};
  const get = (path: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    token = await payeesComplexWithViewerToken(tdb);
    // a Board-set rate below the schedule's 0.75%, from February (an open month)
    const set = await runCliInProcess([
      '--db',
      tdb.target,
      'rates',
      'set',
      '--portfolio',
      FUND,
      '--class',
      'B',
      '--from',
      '2025-02-01',
      '--distribution-fee',
      '0.5',
      '--reason',
      'Board resolution',
    ]);
    expect(set.code, set.stderr).toBe(0);
    for (const [key, args] of [
      ['serviceFees', ['service-fees', '--month', '2025-01', '--csv']],
      ['schedule', ['schedule', '--as-of', '2025-01-15', '--class', 'B', '--csv']],
      ['lots', ['lots', '--account', 'A1', '--csv']],
      ['conversions', ['conversions', '--month', '2025-01', '--csv']],
      ['providers', ['providers', 'list', '--csv']],
      ['transfers', ['transfers', 'list', '--csv']],
      ['rates', ['rates', 'list', '--csv']],
    ] as const) {
      const r = await runCliInProcess(['--db', tdb.target, ...args]);
      expect(r.code, r.stderr).toBe(0);
      cli[key] = r.stdout;
    }
    store = await ApiStore.open(tdb.target, { connections: 2 });
    app = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } }).app;
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it('service-fees format=csv: DLR-1 2,054.70 for FUND class B, the CLI’s CSV exactly', async () => {
    const res = await get('/api/service-fees?month=2025-01&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await res.text();
    expect(text.trimEnd()).toBe(cli.serviceFees!.trimEnd());
    const [header, ...rows] = text.trimEnd().split('\n');
    expect(header!.split(',').slice(0, 4)).toEqual(['provider', 'name', 'portfolio', 'class']);
    const dlr = rows.filter((r) => r.startsWith('DLR-1,'));
    expect(dlr).toHaveLength(1);
    expect(dlr[0]).toContain(`,${FUND},B,`);
    expect(dlr[0]).toMatch(/,2054\.70(,|$)/);
    // JSON stays the default
    const json = await get('/api/service-fees?month=2025-01');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('schedule format=csv: FUND class B at 0.75 and 0.25, the CLI’s CSV exactly', async () => {
    const res = await get('/api/registry/schedule?asOf=2025-01-15&class=B&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await res.text();
    expect(text.trimEnd()).toBe(cli.schedule!.trimEnd());
    const [header, ...rows] = text.trimEnd().split('\n');
    const cols = header!.split(',');
    const fund = rows.map((r) => r.split(',')).find((r) => r[cols.indexOf('portfolio')] === FUND);
    expect(fund?.[cols.indexOf('class')]).toBe('B');
    expect(fund?.[cols.indexOf('assetBasedSalesChargePct')]).toBe('0.75');
    expect(fund?.[cols.indexOf('serviceFeePct')]).toBe('0.25');
  });

  it('lots and conversions format=csv: A1’s P1 200 and P2 300 shares; no conversion; the CLI’s CSV', async () => {
    const lots = await get('/api/class-b/lots?account=A1&format=csv');
    expect(lots.status).toBe(200);
    expect(lots.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await lots.text();
    expect(text.trimEnd()).toBe(cli.lots!.trimEnd());
    const [header, ...rows] = text.trimEnd().split('\n');
    const cols = header!.split(',');
    const shares = Object.fromEntries(
      rows.map((r) => r.split(',')).map((r) => [r[cols.indexOf('lotId')], Number(r[cols.indexOf('shares')])]),
    );
    expect(shares).toEqual({ P1: 200, P2: 300 });
    const conversions = await get('/api/class-b/conversions?month=2025-01&format=csv');
    expect(conversions.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const conv = await conversions.text();
    expect(conv.trimEnd()).toBe(cli.conversions!.trimEnd());
    expect(conv.trimEnd().split('\n')).toHaveLength(1);
  });

  it('providers and Transfers format=csv: DLR-1 a dealer; Alpha 40% / 50%, Beta 10%; the CLI’s CSV', async () => {
    const rowsOf = async (path: string, key: string) => {
      const res = await get(path);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const text = await res.text();
      expect(text.trimEnd()).toBe(cli[key]!.trimEnd());
      return text.trimEnd().split('\n');
    };
    const providers = await rowsOf('/api/providers?format=csv', 'providers');
    expect(providers.slice(1).map((r) => r.split(',').slice(0, 3))).toEqual([
      ['DLR-1', 'Granite Securities', 'dealer'],
    ]);
    const [header, ...rows] = await rowsOf('/api/transfers?format=csv', 'transfers');
    const cols = header!.split(',');
    expect(cols.slice(0, 2)).toEqual(['id', 'assignee']);
    // the address holds commas (quoted): read the percentages from the end of the row
    const pct = (r: string) => {
      const cells = r.split(',');
      const fromEnd = (name: string) => cells[cells.length - (cols.length - cols.indexOf(name))];
      return [cells[0], fromEnd('twelve_b1_portion_pct'), fromEnd('cdsc_portion_pct')];
    };
    expect(rows.map(pct)).toEqual([
      ['A', '40.00', '50.00'],
      ['B', '10.00', ''],
    ]);
  });

  it('Board rates format=csv: FUND class B 0.50 from 2025-02-01, the CLI’s CSV', async () => {
    const res = await get('/api/rates?format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await res.text();
    expect(text.trimEnd()).toBe(cli.rates!.trimEnd());
    const [header, ...rows] = text.trimEnd().split('\n');
    const cols = header!.split(',');
    expect(rows).toHaveLength(1);
    const r = rows[0]!.split(',');
    expect([
      r[cols.indexOf('effectiveDate')],
      r[cols.indexOf('portfolio')],
      r[cols.indexOf('class')],
    ]).toEqual(['2025-02-01', FUND, 'B']);
    expect(r[cols.indexOf('distributionFeePct')]).toBe('0.50');
  });
});
