import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth, loadCloseResult } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { formatCents } from '../../src/money/cents.js';
import { assigneeStatementReport } from '../../src/reports/assigneeStatementReport.js';
import {
  type MonthlyCalculationReport,
  monthlyCalculationReport,
} from '../../src/reports/monthlyCalculationReport.js';
import { providerStatementCsv } from '../../src/reports/providerStatement.js';
import {
  paymentLines,
  type ServiceFeesReport,
  serviceFeesReport,
} from '../../src/reports/serviceFeesReport.js';
import type { Database } from '../../src/store/database.js';
import { readSnapshot } from '../../src/store/readSnapshot.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  ALPHA,
  BETA,
  buildPayeesComplex,
  FUND,
  FUND2,
  netAssetsRows,
  OTHER,
  providerAssetsRows,
  SUMMIT,
} from '../transfers/payeesComplexFixture.js';

/**
 * Issue 10 item 6 (SPEC §12): January 2025 is closed; then FUND's net assets of Wednesday
 * 2025-01-15 are restated 36,500,000.00 → 37,000,000.00 and the dealer's customers' assets that
 * day 10,000,000.00 → 20,000,000.00. The adjustment is split among the same parties by the same
 * rules and shown, per payee, on February's Monthly Calculation and service-fee statements.
 *
 * Each split below is computed here on its own, from the fees, in cents.
 */
const day = 75_000n; // 36,500,000.00 × 0.75% / 365 = 750.00
const restatedDay = 76_027n; // 37,000,000.00 × 0.75% / 365 = 760.2739… → 760.27
const originalFee = 30n * day; // 22,500.00
const restatedFee = 29n * day + restatedDay; // 22,510.27
// January is governed by the 2024-12-31 computation: Summit 600 : Other 200 shares, 75% : 25%.
// Original: 2,250,000 × 75% = 1,687,500 and × 25% = 562,500 exactly.
const original = { summitShare: (originalFee * 75n) / 100n, other: (originalFee * 25n) / 100n };
// Restated: 2,251,027 × 75% = 1,688,270.25 and × 25% = 562,756.75; the one cent left goes to the
// larger remainder (.75): Summit 1,688,270, Other 562,757.
const restated = { summitShare: 1_688_270n, other: 562_757n };
// Within the Distributor's 12b-1 Share: Alpha 40% × (300 of 600 shares in its DOI range) = 20%,
// Beta 10%, the Distributor keeps 70% (all exact); its Earned CDSC 50.00 is 50% Alpha's, so 25.00 each.
const portions = (share: bigint) => ({
  alpha: (share * 20n) / 100n,
  beta: (share * 10n) / 100n,
  own: (share * 70n) / 100n,
});
const o = portions(original.summitShare); // 337,500 / 168,750 / 1,181,250
const r = portions(restated.summitShare); // 337,654 / 168,827 / 1,181,789
const cdscHalf = 2_500n;

describe.each(dialects)('a restated closed month reaches each payee on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await buildPayeesComplex(db);
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
    await importNetAssets(
      db,
      'fix.csv',
      Buffer.from(`date,portfolio,class,net_assets\n2025-01-15,${FUND},B,37000000.00`),
      { restate: true },
    );
    await importProviderAssets(
      db,
      'fix-pa.csv',
      Buffer.from(`date,provider,portfolio,class,net_assets\n2025-01-15,DLR-1,${FUND},B,20000000.00`),
      { restate: true },
    );
    await importNetAssets(
      db,
      'na-2025-02.csv',
      netAssetsRows('2025-02-03', '2025-02-28', { [FUND]: '36500000.00', [FUND2]: '3650000.00' }),
    );
    await importProviderAssets(
      db,
      'pa-2025-02.csv',
      providerAssetsRows('2025-02-03', '2025-02-28', '10000000.00'),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  const expectedMonthlyCalculation = () => [
    {
      month: '2025-01',
      portfolio: FUND,
      role: 'Distributor',
      payee: SUMMIT,
      transferId: null,
      original: formatCents(o.own + cdscHalf), // 11,837.50
      previouslyAdjusted: '0.00',
      restated: formatCents(r.own + cdscHalf), // 11,842.89
      difference: formatCents(r.own - o.own), // 5.39
      twelveB1Difference: formatCents(r.own - o.own),
      cdscDifference: '0.00',
    },
    {
      month: '2025-01',
      portfolio: FUND,
      role: 'Other Distributor',
      payee: OTHER,
      transferId: null,
      original: formatCents(original.other), // 5,625.00
      previouslyAdjusted: '0.00',
      restated: formatCents(restated.other), // 5,627.57
      difference: formatCents(restated.other - original.other), // 2.57
      twelveB1Difference: formatCents(restated.other - original.other),
      cdscDifference: '0.00',
    },
    {
      month: '2025-01',
      portfolio: FUND,
      role: 'Assignee',
      payee: ALPHA,
      transferId: 'A',
      original: formatCents(o.alpha + cdscHalf), // 3,400.00
      previouslyAdjusted: '0.00',
      restated: formatCents(r.alpha + cdscHalf), // 3,401.54
      difference: formatCents(r.alpha - o.alpha), // 1.54
      twelveB1Difference: formatCents(r.alpha - o.alpha),
      cdscDifference: '0.00',
    },
    {
      month: '2025-01',
      portfolio: FUND,
      role: 'Assignee',
      payee: BETA,
      transferId: 'B',
      original: formatCents(o.beta), // 1,687.50
      previouslyAdjusted: '0.00',
      restated: formatCents(r.beta), // 1,688.27
      difference: formatCents(r.beta - o.beta), // 0.77
      twelveB1Difference: formatCents(r.beta - o.beta),
      cdscDifference: '0.00',
    },
  ];

  it("February's Monthly Calculation shows January's adjustment per payee; they add up to the fee's 10.27", async () => {
    const feb = await monthlyCalculationReport(db, '2025-02');
    const got = (feb.priorPeriodAdjustments ?? []).map(({ portfolioId: _, ...a }) => a);
    expect(got).toEqual(expectedMonthlyCalculation());
    expect(restatedFee - originalFee).toBe(1_027n);
    expect(restated.summitShare + restated.other).toBe(restatedFee);
    expect(o.own + o.alpha + o.beta).toBe(original.summitShare);
    expect(r.own + r.alpha + r.beta).toBe(restated.summitShare);
  });

  /**
   * Service fees: the dealer 10,000,000.00 → 20,000,000.00 on Jan 15: 136.99 − 68.49 = +68.50
   * (January 30 × 68.49 = 2,054.70 → 2,123.20). The class's service fee +3.42 (253.42 − 250.00),
   * so the Distributor keeps 7,500.00 − 2,054.70 = 5,445.30 → 7,503.42 − 2,123.20 = 5,380.22: −65.08.
   * February's statement: 28 days (Feb 1–2 carry January's last day) × 68.49 = 1,917.72, plus 68.50
   * = 1,986.22 due.
   */
  /**
   * SPEC §12: reading a closed month shows its sealed results, the adjustments since beside them.
   * Alpha's January statement, read after the restatement, is what January's close paid it:
   * 3,375.00 + 25.00 (today's data would give 3,376.54 + 25.00), and it names the restatement.
   */
  it('Alpha’s January statement, read after the restatement: as sealed, the restatement beside it', async () => {
    const s = await readSnapshot(db, (q) => assigneeStatementReport(q, ALPHA, '2025-01'));
    expect(s.basis).toBe('sealed');
    expect(s.totals).toMatchObject({
      twelveB1Portion: formatCents(o.alpha),
      cdscPortion: formatCents(cdscHalf),
      total: formatCents(o.alpha + cdscHalf),
    });
    expect(o.alpha).not.toBe(r.alpha);
    expect(s.adjustmentsSince).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'restatement',
          feed: 'net-assets',
          date: '2025-01-15',
          new: '37000000.00',
        }),
      ]),
    );
    // the days as sealed: Wednesday the 15th at 750.00, not 760.27
    const segment = s.lines[0]!.segments[0]!;
    expect(segment.distributionFee).toBe(formatCents(originalFee));
  });

  it("February's service-fee statements show the dealer's and the Distributor's adjustments", async () => {
    const feb = await serviceFeesReport(db, '2025-02');
    expect(feb.priorPeriodAdjustments).toEqual({
      providers: [
        {
          providerId: 'DLR-1',
          name: 'Granite Securities',
          month: '2025-01',
          portfolioId: expect.any(String),
          portfolio: FUND,
          class: 'B',
          original: formatCents(30n * 6_849n),
          previouslyAdjusted: '0.00',
          restated: formatCents(29n * 6_849n + 13_699n),
          difference: '68.50',
        },
      ],
      distributor: [
        {
          payee: 'Distributor',
          month: '2025-01',
          portfolioId: expect.any(String),
          portfolio: FUND,
          class: 'B',
          original: formatCents(30n * 25_000n - 30n * 6_849n),
          previouslyAdjusted: '0.00',
          restated: formatCents(29n * 25_000n + 25_342n - (29n * 6_849n + 13_699n)),
          difference: '-65.08',
          // Agreement TENTH (calc11): Summit's term ended 2024-11-30, so every January day's
          // remainder, and the restated 15th's −65.08 (+3.42 fee − 68.50 dealer), is kept by the
          // Other Distributor then serving
          keptBy: [{ distributor: OTHER, role: 'Other Distributor', difference: '-65.08' }],
        },
      ],
    });
    const dealer = feb.providers.find((p) => p.id === 'DLR-1')!;
    expect(dealer.amount).toBe(formatCents(28n * 6_849n));
    const csv = providerStatementCsv(feb, dealer).trimEnd().split('\n');
    expect(csv.slice(-2)).toEqual([
      `DLR-1,Granite Securities,2025-02,Prior-period adjustment: ${FUND},B,,,,68.50,2025-01,2054.70,2123.20`,
      'DLR-1,Granite Securities,2025-02,Total due,,,,,1986.22,,,',
    ]);
    expect(paymentLines(feb).find((p) => p.provider_id === 'DLR-1')!.amount).toBe('1986.22');
  });

  it("February's close seals the same adjustments, and lists them per payee with January's", async () => {
    const closed = await closeMonth(db, '2025-02', MONTH_CLOSE_STEPS);
    const mc = (await loadCloseResult(db, '2025-02', 'monthly-calculation')) as MonthlyCalculationReport;
    expect(mc.priorPeriodAdjustments!.map(({ portfolioId: _, ...a }) => a)).toEqual(
      expectedMonthlyCalculation(),
    );
    const sf = (await loadCloseResult(db, '2025-02', 'service-fees')) as ServiceFeesReport;
    expect(sf.priorPeriodAdjustments!.providers.map((a) => a.difference)).toEqual(['68.50']);
    const part = closed.parts.adjustments as {
      adjustments: { distributionFee: string }[];
      payees: {
        monthlyCalculation: unknown[];
        serviceFees: { providers: unknown[]; distributor: unknown[] };
      };
    };
    expect(part.adjustments.map((a) => a.distributionFee)).toEqual(['10.27']);
    expect(part.payees.monthlyCalculation).toEqual(mc.priorPeriodAdjustments);
    expect(part.payees.serviceFees).toEqual(sf.priorPeriodAdjustments);
    // Recomputing the closed February gives what was sealed: the restatements it reported.
    const again = await monthlyCalculationReport(db, '2025-02');
    expect(again.priorPeriodAdjustments).toEqual(mc.priorPeriodAdjustments);
  });

  /**
   * January restated again after February's close: 2025-01-15 37,000,000.00 → 37,500,000.00,
   * 37,500,000.00 × 0.75% / 365 = 770.5479… → 770.55; January's fee 29 × 750.00 + 770.55 = 22,520.55.
   * Summit 75% = 16,890.4125 → 1,689,041 cents, Other 25% = 5,630.1375 → 563,014 (the larger
   * remainder, .75, takes the cent). Within Summit's share, 70 / 20 / 10 of 1,689,041 cents:
   * 1,182,328.7 / 337,808.2 / 168,904.1 → floors 1,182,328 / 337,808 / 168,904 and the one cent left
   * to the largest remainder (.7, the Distributor): 1,182,329. March reports each payee's change
   * since what was sealed plus February's adjustment.
   */
  it('a second restatement is adjusted from what was sealed plus the adjustments already reported', async () => {
    await importNetAssets(
      db,
      'fix2.csv',
      Buffer.from(`date,portfolio,class,net_assets\n2025-01-15,${FUND},B,37500000.00`),
      { restate: true },
    );
    await importNetAssets(
      db,
      'na-2025-03.csv',
      netAssetsRows('2025-03-03', '2025-03-31', { [FUND]: '36500000.00', [FUND2]: '3650000.00' }),
    );
    await importProviderAssets(
      db,
      'pa-2025-03.csv',
      providerAssetsRows('2025-03-03', '2025-03-31', '10000000.00'),
    );
    const second = { own: 1_182_329n, alpha: 337_808n, beta: 168_904n, other: 563_014n };
    expect(second.own + second.alpha + second.beta + second.other).toBe(29n * day + 77_055n);
    const march = await monthlyCalculationReport(db, '2025-03');
    expect(
      (march.priorPeriodAdjustments ?? []).map((a) => [
        a.payee,
        a.original,
        a.previouslyAdjusted,
        a.restated,
        a.difference,
      ]),
    ).toEqual([
      [
        SUMMIT,
        formatCents(o.own + cdscHalf),
        formatCents(r.own - o.own),
        formatCents(second.own + cdscHalf),
        formatCents(second.own - r.own),
      ],
      [
        OTHER,
        formatCents(original.other),
        formatCents(restated.other - original.other),
        formatCents(second.other),
        formatCents(second.other - restated.other),
      ],
      [
        ALPHA,
        formatCents(o.alpha + cdscHalf),
        formatCents(r.alpha - o.alpha),
        formatCents(second.alpha + cdscHalf),
        formatCents(second.alpha - r.alpha),
      ],
      [
        BETA,
        formatCents(o.beta),
        formatCents(r.beta - o.beta),
        formatCents(second.beta),
        formatCents(second.beta - r.beta),
      ],
    ]);
    // Service: 37,500,000.00 × 0.25% / 365 = 256.8493… → 256.85, +3.43 over 253.42; the dealer's
    // assets did not change again, so only what the Distributor keeps moves: +3.43.
    const sf = await serviceFeesReport(db, '2025-03');
    expect(sf.priorPeriodAdjustments!.providers).toEqual([]);
    expect(sf.priorPeriodAdjustments!.distributor.map((a) => [a.previouslyAdjusted, a.difference])).toEqual([
      ['-65.08', '3.43'],
    ]);
  });
});
