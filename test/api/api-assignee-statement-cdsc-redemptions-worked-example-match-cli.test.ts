import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApp } from '../../src/api/app.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  ALPHA,
  BETA,
  FUND,
  FUND2,
  OTHER,
  payeesComplexWithViewerToken,
  SUMMIT,
} from '../transfers/payeesComplexFixture.js';

/**
 * `plan12b transfers statement`, `cdsc` and `redemptions` through the API (issue 13: an HTTP API
 * over every capability), on the small Class B complex whose January 2025 is computed by hand in
 * payeesComplexFixture.ts. The figures are worked out again here; the API's JSON and CSV are then
 * compared with the CLI's output for the same database (the CLI run first, on its own connection).
 */
describe.each(dialects)('the Assignee statement, cdsc and redemptions routes on %s', (dialect) => {
  let tdb: TestDatabase;
  let store: ApiStore;
  let app: ReturnType<typeof createApp>['app'];
  let token = '';
  const cli: Record<string, string> = {};
  const unknownDistributor: Record<string, { code: number; stdout: string }> = {};
  const get = (path: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    token = await payeesComplexWithViewerToken(tdb);
    const run = async (key: string, args: string[]) => {
      const r = await runCliInProcess(['--db', tdb.target, ...args]);
      expect(r.code, `${key}: ${r.stderr}`).toBe(0);
      cli[key] = r.stdout;
    };
    const jan = ['--from', '2025-01-01', '--to', '2025-01-31'];
    await run('alphaJson', ['transfers', 'statement', '--assignee', ALPHA, '--month', '2025-01', '--json']);
    await run('alphaCsv', ['transfers', 'statement', '--assignee', ALPHA, '--month', '2025-01', '--csv']);
    await run('betaJson', ['transfers', 'statement', '--assignee', BETA, '--month', '2025-01', '--json']);
    await run('cdscSummitCsv', ['cdsc', ...jan, '--distributor', SUMMIT, '--csv']);
    await run('cdscRangeJson', ['cdsc', ...jan, '--json']);
    await run('redemptionsOtherJson', ['redemptions', ...jan, '--distributor', OTHER, '--json']);
    await run('redemptionsCsv', ['redemptions', ...jan, '--csv']);
    for (const command of ['cdsc', 'redemptions']) {
      const r = await runCliInProcess([
        '--db',
        tdb.target,
        command,
        ...jan,
        '--distributor',
        'Nobody',
        '--json',
      ]);
      unknownDistributor[command] = { code: r.code, stdout: r.stdout };
    }
    store = await ApiStore.open(tdb.target, { connections: 2 });
    app = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } }).app;
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  /**
   * January 2025, FUND: 36,500,000.00 × 0.75% / 365 = 750.00 a day × 30 days (the 2nd to the 31st)
   * = 22,500.00 of Distribution Fees; Summit's 12b-1 Share is 75% (600 : 200 shares at the
   * 2024-12-31 count) = 16,875.00. Alpha's DOI range (2024-01-01 – 2024-06-30) holds lot P1's 300
   * of Summit's 600 shares, so its weight is 40% × 300/600 = 20%: 16,875.00 × 20% = 3,375.00.
   * Its CDSC Portion: R1 redeems 100 shares of P1 (first year, 5%) at 12.00, the CDSC 5% × min(cost
   * 1,000.00, value 1,200.00) = 50.00, of which 50% = 25.00. Total 3,375.00 + 25.00 = 3,400.00.
   */
  it('Alpha: 3,375.00 + 25.00 = 3,400.00, the figures behind them, and the CLI’s JSON exactly', async () => {
    const res = await get(`/api/transfers/statement?${q({ assignee: ALPHA, month: '2025-01' })}`);
    expect(res.status).toBe(200);
    const s = (await res.json()) as {
      assignee: string;
      distributor: string;
      basis: string;
      lines: {
        portfolio: string;
        distributionFee: string;
        distributor12b1Share: string;
        segments: { weightPct: string; twelveB1Portion: string }[];
        doiRangeCounts: { doiRangeShares: string; distributorShares: string }[];
        cdscPieces: { txnId: string; earnedCdsc: string; exactPortion: string }[];
        twelveB1Portion: string;
        cdscPortion: string;
        total: string;
      }[];
      totals: { twelveB1Portion: string; cdscPortion: string; total: string };
    };
    expect([s.assignee, s.distributor, s.basis]).toEqual([ALPHA, SUMMIT, 'open']);
    expect(s.lines).toHaveLength(1);
    const l = s.lines[0]!;
    expect([l.portfolio, l.distributionFee, l.distributor12b1Share]).toEqual([FUND, '22500.00', '16875.00']);
    expect(l.segments.map((g) => [g.weightPct, g.twelveB1Portion])).toEqual([['20.00', '3375.00']]);
    expect(l.doiRangeCounts.map((c) => [c.doiRangeShares, c.distributorShares])).toEqual([
      ['300.0000', '600.0000'],
    ]);
    expect(l.cdscPieces.map((p) => [p.txnId, p.earnedCdsc, p.exactPortion])).toEqual([
      ['R1', '50.00', '25.0000'],
    ]);
    expect([l.twelveB1Portion, l.cdscPortion, l.total]).toEqual(['3375.00', '25.00', '3400.00']);
    expect(s.totals).toMatchObject({ twelveB1Portion: '3375.00', cdscPortion: '25.00', total: '3400.00' });
    expect(s).toEqual(JSON.parse(cli.alphaJson!));
  });

  /**
   * Beta holds 10% of every portfolio's 12b-1 Share with no DOI range: FUND 16,875.00 × 10% =
   * 1,687.50; FUND2 3,650,000.00 × 0.75% / 365 = 75.00 a day × 30 = 2,250.00, all Summit's (its one
   * lot P4 is Summit's), × 10% = 225.00. Total 1,912.50.
   */
  it('Beta: 1,687.50 + 225.00 = 1,912.50 across two portfolios, as the CLI says', async () => {
    const s = (await (
      await get(`/api/transfers/statement?${q({ assignee: BETA, month: '2025-01' })}`)
    ).json()) as {
      lines: { portfolio: string; twelveB1Portion: string }[];
      totals: { total: string };
    };
    expect(s.lines.map((l) => [l.portfolio, l.twelveB1Portion]).sort()).toEqual(
      [
        [FUND, '1687.50'],
        [FUND2, '225.00'],
      ].sort(),
    );
    expect(s.totals.total).toBe('1912.50');
    expect(s).toEqual(JSON.parse(cli.betaJson!));
  });

  it('as CSV (format=csv, text/csv) the CLI’s --csv, and as PDF (application/pdf)', async () => {
    const csv = await get(
      `/api/transfers/statement?${q({ assignee: ALPHA, month: '2025-01', format: 'csv' })}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text.trimEnd()).toBe(cli.alphaCsv!.trimEnd());
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      `${ALPHA},2025-01,Total,,total,,,,,,,,,,,,,,,,,,3375.00,25.00,3400.00,,0.00,,`,
    );
    const pdf = await get(`/api/transfers/statement/pdf?${q({ assignee: ALPHA, month: '2025-01' })}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('an unknown Assignee is 404 with the CLI’s NOT_FOUND (exit 66), JSON and PDF alike', async () => {
    for (const path of ['/api/transfers/statement', '/api/transfers/statement/pdf']) {
      const res = await get(`${path}?${q({ assignee: 'Nobody', month: '2025-01' })}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND', exit: 66 } });
    }
    const bad = await get(`/api/transfers/statement?${q({ assignee: ALPHA, month: '2025-1' })}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'USAGE', exit: 64 } });
  });

  /** R1's one piece (lot P1, DOI 2024-02-01, issued in Summit's term) earns Summit 50.00; the Other Distributor none. */
  it('cdsc from/to, distributor and format=csv: Summit 50.00, the CLI’s CSV', async () => {
    const csv = await get(
      `/api/class-b/cdsc?${q({ from: '2025-01-01', to: '2025-01-31', distributor: SUMMIT, format: 'csv' })}`,
    );
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text.trimEnd().split('\n')).toEqual([
      'portfolio,distributor,cdsc,cdscWaived,pieces',
      `${FUND},${SUMMIT},50.00,0.00,1`,
      `Total,${SUMMIT},50.00,,`,
    ]);
    expect(text.trimEnd()).toBe(cli.cdscSummitCsv!.trimEnd());
    const range = await get(`/api/class-b/cdsc?${q({ from: '2025-01-01', to: '2025-01-31' })}`);
    expect(await range.json()).toEqual(JSON.parse(cli.cdscRangeJson!));
    const month = (await (await get('/api/class-b/cdsc?month=2025-01')).json()) as { totalCdsc: string };
    expect(month.totalCdsc).toBe('50.00');
    for (const wrong of [
      q({ month: '2025-01', from: '2025-01-01', to: '2025-01-31' }),
      q({ from: '2025-01-01' }),
      q({ from: '2025-01-31', to: '2025-01-01' }),
    ]) {
      const res = await get(`/api/class-b/cdsc?${wrong}`);
      expect({ wrong, status: res.status }).toEqual({ wrong, status: 400 });
      expect(await res.json()).toMatchObject({ error: { code: 'USAGE', exit: 64 } });
    }
  });

  it('redemptions distributor and format=csv: none for the Other Distributor; R1 with its piece, as the CLI', async () => {
    const other = await get(
      `/api/class-b/redemptions?${q({ from: '2025-01-01', to: '2025-01-31', distributor: OTHER })}`,
    );
    const body = await other.json();
    expect(body).toMatchObject({ distributor: OTHER, distributorCdsc: '0.00', redemptions: [] });
    expect(body).toEqual(JSON.parse(cli.redemptionsOtherJson!));
    const csv = await get(
      `/api/class-b/redemptions?${q({ from: '2025-01-01', to: '2025-01-31', format: 'csv' })}`,
    );
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text.trimEnd()).toBe(cli.redemptionsCsv!.trimEnd());
    // R1: 100 shares × 12.00 = 1,200.00 gross, CDSC 50.00, net 1,150.00
    expect(text.split('\n')[1]).toMatch(
      /^2025-01-15,R1,A1,[^,]+,100\.0000,12\.0000,,1200\.00,50\.00,0\.00,0\.00,1150\.00,/,
    );
  });

  /**
   * The distributors recorded are Summit and the Other Distributor: a third name is a name to check,
   * the CLI’s 66 NOT_FOUND naming the two, and the API’s 404 with the same document — the API
   * answered 200 with no rows and a total of 0.00, as if the distributor had earned nothing.
   */
  it('an unknown distributor is 404 NOT_FOUND (exit 66) for cdsc and redemptions, as the CLI', async () => {
    const jan = { from: '2025-01-01', to: '2025-01-31', distributor: 'Nobody' };
    for (const [command, path] of [
      ['cdsc', '/api/class-b/cdsc'],
      ['redemptions', '/api/class-b/redemptions'],
    ] as const) {
      const cliRun = unknownDistributor[command]!;
      expect({ command, code: cliRun.code }).toEqual({ command, code: 66 });
      const res = await get(`${path}?${q(jan)}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      const doc = (await res.json()) as { error: { code: string; exit: number; hint: string } };
      expect(doc.error).toMatchObject({ code: 'NOT_FOUND', exit: 66 });
      expect(doc.error.hint).toBe(`the distributors recorded: ${OTHER}; ${SUMMIT}`);
      expect(doc).toEqual(JSON.parse(cliRun.stdout));
    }
    const month = await get(`/api/class-b/cdsc?${q({ month: '2025-01', distributor: 'Nobody' })}`);
    expect(month.status).toBe(404);
  });
});
