import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApp } from '../../src/api/app.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { FUND, OTHER, payeesComplexWithViewerToken, SUMMIT } from '../transfers/payeesComplexFixture.js';

/**
 * Where the CLI prints `--csv`, the route takes `format=csv` and answers the same CSV (FORMATS.md,
 * the HTTP API). `monthly-calculation`, `distributor-share`, `exhibit diff` and `exhibit list` print CSV, but their
 * routes answered JSON whatever `format` said (and did not document text/csv). On the small Class B
 * complex of payeesComplexFixture.ts, January 2025 (open): FUND class B accrues 750.00 a day for 30
 * days, 22,500.00 of Distribution Fees; the computation of 2024-12-31 gives Summit 600 : 200 Commission
 * Shares against the Other Distributor, 75% / 25%: 16,875.00 and 5,625.00.
 */
describe('monthly-calculation, distributor-share, exhibit diff and exhibit list as CSV through the API, as the CLI prints them', () => {
  let tdb: TestDatabase;
  let store: ApiStore;
  let app: ReturnType<typeof createApp>['app'];
  let token = '';
  let documentId = '';
  const cli: Record<string, string> = {};
  const get = (path: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    token = await payeesComplexWithViewerToken(tdb);
    const list = await runCliInProcess(['--db', tdb.target, 'exhibit', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    documentId = (JSON.parse(list.stdout) as { documents: { id: string }[] }).documents[0]!.id;
    for (const [key, args] of [
      ['monthlyCalculation', ['monthly-calculation', '--month', '2025-01', '--csv']],
      ['distributorShare', ['distributor-share', '--month', '2025-01', '--csv']],
      ['diff', ['exhibit', 'diff', documentId, '--csv']],
      ['list', ['exhibit', 'list', '--csv']],
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

  async function csvOf(path: string): Promise<string> {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    return res.text();
  }

  it('monthly-calculation format=csv: FUND 22,500.00, Summit 16,875.00, the Other Distributor 5,625.00; the CLI’s CSV exactly', async () => {
    const text = await csvOf('/api/monthly-calculation?month=2025-01&format=csv');
    expect(text.trimEnd()).toBe(cli.monthlyCalculation!.trimEnd());
    const [header, ...rows] = text.trimEnd().split('\n');
    const col = header!.split(',');
    const at = (row: string, name: string) => row.split(',')[col.indexOf(name)];
    const fund = rows.filter((r) => r.startsWith(`${FUND},2025-01,`) && at(r, 'distributionFee') !== '');
    expect(fund.map((r) => at(r, 'distributionFee'))).toContain('22500.00');
    expect(fund.find((r) => r.includes(`,${OTHER},`))).toBeDefined();
    expect(at(fund.find((r) => at(r, 'payee') === OTHER)!, 'twelveB1Portion')).toBe('5625.00');
    expect(at(fund.find((r) => at(r, 'payee') === SUMMIT)!, 'distributor12b1Share')).toBe('16875.00');
    // JSON stays the default
    expect(
      ((await (await get('/api/monthly-calculation?month=2025-01')).json()) as { month: string }).month,
    ).toBe('2025-01');
  });

  it('distributor-share format=csv: the CLI’s CSV exactly, with the Other Distributor’s 25%', async () => {
    const text = await csvOf('/api/distributor-share?month=2025-01&format=csv');
    expect(text.trimEnd()).toBe(cli.distributorShare!.trimEnd());
    expect(text.split('\n')[0]).toBe(
      'portfolio,basis,computedOn,from,to,days,distributor,a_commissionShares,b_freeShares,c_omnibusFreeShares,totalShares,sharePct,distributionFee,twelveB1Share',
    );
    expect(text.split('\n').some((l) => l.startsWith(`${FUND},`) && l.includes(`,${OTHER},`))).toBe(true);
  });

  it('exhibit diff format=csv: the CLI’s CSV exactly, one line per change', async () => {
    const text = await csvOf(`/api/registry/documents/${documentId}/diff?format=csv`);
    expect(text.trimEnd()).toBe(cli.diff!.trimEnd());
    expect(text.split('\n')[0]).toBe('change,portfolio,class,before,after,from');
    const json = (await (await get(`/api/registry/documents/${documentId}/diff`)).json()) as {
      changes: unknown[];
    };
    expect(text.trimEnd().split('\n')).toHaveLength(1 + json.changes.length);
  });

  it('documents format=csv: the CLI’s `exhibit list --csv` exactly, one line per document, with its status', async () => {
    const text = await csvOf('/api/registry/documents?format=csv');
    expect(text.trimEnd()).toBe(cli.list!.trimEnd());
    const [header, ...rows] = text.trimEnd().split('\n');
    expect(header).toBe(
      'id,file,kind,title,effectiveDate,importedBy,importedAt,status,withdrawnBy,withdrawnAt,withdrawalReason,missedDeadline,lapsedOn,supersededBy,supersededFrom',
    );
    const json = (await (await get('/api/registry/documents')).json()) as { count: number };
    expect(rows).toHaveLength(json.count);
    expect(rows.some((r) => r.startsWith(`${documentId},`))).toBe(true);
  });

  it('/openapi.json documents text/csv and format for the three', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<
        string,
        { get: { parameters: { name: string }[]; responses: Record<string, { content: object }> } }
      >;
    };
    for (const path of [
      '/api/monthly-calculation',
      '/api/distributor-share',
      '/api/registry/documents/{id}/diff',
    ]) {
      expect(Object.keys(doc.paths[path]!.get.responses['200']!.content), path).toContain('text/csv');
      expect(
        doc.paths[path]!.get.parameters.map((p) => p.name),
        path,
      ).toContain('format');
    }
    expect(doc.paths['/api/monthly-calculation/pdf']!.get.parameters.map((p) => p.name)).not.toContain(
      'format',
    );
  });

  it('a route that answers in one form only refuses format=csv (400) instead of answering JSON', async () => {
    for (const path of [
      '/api/registry/portfolios/FUND/history?format=csv',
      '/api/monthly-calculation/pdf?month=2025-01&format=csv',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const doc = (await res.json()) as { error: { code: string; message: string } };
      expect(doc.error.code).toBe('USAGE');
      expect(doc.error.message).toMatch(/only: it takes no format=csv$/);
    }
  });
});
