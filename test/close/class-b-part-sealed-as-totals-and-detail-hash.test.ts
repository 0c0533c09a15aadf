import { describe, expect, it } from 'vitest';
import { showClosedMonth } from '../../src/close/closedMonthView.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { redemptionsDetailHash, type SealedRedemptions } from '../../src/close/sealedRedemptions.js';
import { redemptionsReport } from '../../src/reports/classBRedemptionsReport.js';
import { dialects } from '../support/databases.js';
import { storeForTests } from '../support/storeForTests.js';
import { buildPayeesComplex, FUND } from '../transfers/payeesComplexFixture.js';

/**
 * Issue 14 item 4: a close seals the month's Class B redemptions as totals plus the hash of the
 * detail, not every redemption; the detail is recomputable from the month's inputs.
 *
 * The fixture's one redemption of January 2025 (R1 2025-01-15: A1 redeems 100 FUND shares at
 * 12.00, from lot P1, DOI 2024-02-01, first year 5%):
 *   gross 100 × 12.00 = 1,200.00; CDSC 5% × min(cost 1,000.00, value 1,200.00) = 50.00;
 *   no redemption fee; net 1,200.00 − 50.00 = 1,150.00.
 */
describe.each(dialects)('the sealed Class B part on %s', (dialect) => {
  const store = storeForTests(dialect, buildPayeesComplex);

  it('holds the totals, each portfolio, the count and the detail hash, not the redemptions', async () => {
    const close = await closeMonth(store.db, '2025-01', MONTH_CLOSE_STEPS);
    const part = close.parts['class-b'] as { redemptions: SealedRedemptions };
    const sealed = part.redemptions;
    expect(Object.keys(sealed).sort()).toEqual([
      'byPortfolio',
      'count',
      'detailSha256',
      'from',
      'to',
      'totals',
      'warnings',
    ]);
    const hand = {
      gross: '1200.00',
      cdsc: '50.00',
      cdscWaived: '0.00',
      redemptionFee: '0.00',
      net: '1150.00',
    };
    expect(sealed).toMatchObject({ from: '2025-01-01', to: '2025-01-31', count: 1, totals: hand });
    expect(sealed.byPortfolio).toEqual([{ portfolio: FUND, count: 1, ...hand }]);

    // the detail, recomputed after the close from the month's inputs, hashes as sealed
    const now = await redemptionsReport(store.db, '2025-01-01', '2025-01-31');
    expect(now.redemptions.map((r) => [r.txnId, r.gross, r.cdsc])).toEqual([['R1', '1200.00', '50.00']]);
    expect(redemptionsDetailHash(now.redemptions)).toBe(sealed.detailSha256);
    // and a different detail would not: one cent more CDSC changes the hash
    const altered = now.redemptions.map((r) => ({ ...r, cdsc: '50.01' }));
    expect(redemptionsDetailHash(altered)).not.toBe(sealed.detailSha256);
  });

  it('close show recomputes the detail and says it hashes as sealed', async () => {
    const view = await showClosedMonth(store.db, '2025-01');
    expect(view.classBDetail).toMatchObject({ redemptions: 1, matches: true });
    expect(view.classBDetail?.recomputedSha256).toBe(view.classBDetail?.sealedSha256);
  });
});
