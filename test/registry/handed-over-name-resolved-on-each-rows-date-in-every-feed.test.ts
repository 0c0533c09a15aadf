import { describe, expect, it } from 'vitest';
import { parseNamedClass } from '../../src/close/inputCompleteness.js';
import { terminationOf } from '../../src/feeds/terminationsFeed.js';
import { classBPortfolioResolver } from '../../src/registry/classBPortfolio.js';
import { portfolioOrAll } from '../../src/registry/portfolioOrAll.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { resolveProviderAssets } from '../../src/service-fees/providerAssetsChecks.js';
import type { Queryable } from '../../src/store/database.js';
import { loadProviderHoldings } from '../../src/store/providerAssetsRepository.js';
import { type TransferRecord, transfersOf } from '../../src/transfers/transferRecord.js';
import { CORE, HANDOVER_DOCUMENTS, IGB, TRB } from './support/handedOverNameDocuments.js';

/**
 * SPEC §2: a rename takes effect on its date. Invented registry: a plan (2012-07-01) listing
 * Investment Grade Bond Fund and Core Bond Fund, classes A and B, and an amendment effective
 * 2020-06-01 listing "Core Bond Fund (formerly Investment Grade Bond Fund)" and "Total Return Bond
 * Fund (formerly Core Bond Fund)". A feed row naming Core Bond Fund dated 2020-05-29 (a Friday) is
 * the portfolio now called Total Return Bond Fund; one dated 2020-06-01 is the one formerly
 * Investment Grade Bond Fund. Each feed that names a portfolio resolved it with no date, i.e. to
 * the name's latest bearer, so the May row landed on the wrong portfolio.
 */
const registry = buildRegistry(HANDOVER_DOCUMENTS);
/** the portfolio first called Investment Grade Bond Fund; Core Bond Fund from 2020-06-01 */
const igb = registry.identities.resolve(IGB)!;
/** the portfolio first called Core Bond Fund; Total Return Bond Fund from 2020-06-01 */
const oldCore = registry.identities.resolve(TRB)!;
const BEFORE = '2020-05-29';
const FROM = '2020-06-01';

describe('a name handed over on 2020-06-01 is resolved as of each row’s date', () => {
  it('the two portfolios are distinct', () => {
    expect(igb).toBeDefined();
    expect(oldCore).toBeDefined();
    expect(igb).not.toBe(oldCore);
  });

  it('provider assets: each row’s class is the one that bore the name on its date', () => {
    const rows = [BEFORE, FROM].map((date, k) => ({
      line: k + 2,
      row: { date, provider: 'P1', portfolio: CORE, class: 'A', net_assets: 100_000n },
    }));
    const { resolved, problems } = resolveProviderAssets('pa.csv', rows, registry, new Set(['P1']));
    expect(problems).toEqual([]);
    expect(resolved.map((r) => [r.date, r.portfolioId, r.class])).toEqual([
      [BEFORE, oldCore, 'A'],
      [FROM, igb, 'A'],
    ]);
  });

  it('provider holdings re-resolve the stored name as of each stored row’s date', async () => {
    // stored as an undated lookup put them: both on the latest bearer (igb)
    const stored = [
      ['P1', igb, CORE, 'A', '2020-05-28', '1000.00'],
      ['P1', igb, CORE, 'A', BEFORE, '1000.00'],
      ['P1', igb, CORE, 'A', FROM, '2000.00'],
      ['P1', igb, CORE, 'A', '2020-06-02', '2000.00'],
    ];
    const q = { textRows: async () => stored } as unknown as Queryable;
    const { holdings } = await loadProviderHoldings(q, registry, '2020-05-28', '2020-06-02');
    const byClass = Object.fromEntries(holdings.map((h) => [h.classKey, h.assets.map((a) => a.date)]));
    expect(byClass).toEqual({
      [`${oldCore}|A`]: ['2020-05-28', BEFORE],
      [`${igb}|A`]: [FROM, '2020-06-02'],
    });
  });

  it('Class B transactions: the portfolio that bore the name on the date', () => {
    const resolve = classBPortfolioResolver(registry, 'import it first');
    expect(resolve(CORE, BEFORE)).toEqual({ id: oldCore });
    expect(resolve(CORE, FROM)).toEqual({ id: igb });
    expect(resolve(IGB, BEFORE)).toEqual({ id: igb });
    expect(resolve(TRB, FROM)).toEqual({ id: oldCore });
  });

  it('transfers: the portfolio that bore the name on the record’s effective date', () => {
    const record = (id: string, effective: string): TransferRecord => ({
      id,
      assignee: 'Funding Co',
      address: '1 Main St',
      portfolio_name: CORE,
      twelve_b1_portion_pct: '100',
      cdsc_portion_pct: '100',
      doi_from: null,
      doi_to: null,
      effective_date: effective,
      notice_received_date: effective,
      payment: 'direct',
      depository_agent: null,
      ends: null,
    });
    const ts = transfersOf([record('T1', '2020-01-01'), record('T2', '2020-07-01')], registry);
    expect(ts.map((t) => [t.effectiveDate, t.portfolioId])).toEqual([
      ['2020-01-01', oldCore],
      ['2020-07-01', igb],
    ]);
  });

  it('terminations and distributor terms: the portfolio that bore the name on the date', () => {
    const term = (date: string) =>
      terminationOf(
        {
          instrument: 'plan',
          portfolio: CORE,
          class: 'A',
          date,
          by: 'trustees',
          noticeDate: null,
          reason: null,
        },
        registry,
      );
    const early = term('2020-03-01');
    const late = term('2020-09-01');
    expect('portfolioId' in early && [early.portfolioId, early.portfolioName]).toEqual([oldCore, CORE]);
    expect('portfolioId' in late && [late.portfolioId, late.portfolioName]).toEqual([igb, CORE]);
    expect(portfolioOrAll(registry, CORE, BEFORE)).toEqual({ id: oldCore });
    expect(portfolioOrAll(registry, CORE, FROM)).toEqual({ id: igb });
  });

  it('month close --accept-ended: the portfolio that bore the name at the month’s end', () => {
    expect(parseNamedClass(registry, `${CORE}:A`, '2020-05-31').portfolioId).toBe(oldCore);
    expect(parseNamedClass(registry, `${CORE}:A`, '2020-06-30').portfolioId).toBe(igb);
  });
});
