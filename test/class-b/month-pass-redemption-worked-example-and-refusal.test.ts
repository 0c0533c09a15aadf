import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { LedgerRefusal } from '../../src/class-b/ledgerRefusal.js';
import { createLot } from '../../src/class-b/lot.js';
import { compileMonthPass } from '../../src/class-b/monthPass.js';
import {
  createDictionaries,
  ledgerStateOf,
  lotsOfAccount,
  monthRecordsOf,
  monthTransactionsOf,
} from '../../src/class-b/monthPassRecords.js';
import { buy, redeem, reinvest } from './support/activity.js';

/** 100 Commission Shares bought 2024-03-04 at $10 and 10 Free Shares reinvested 2024-06-28 at $11. */
function stateAtNovemberEnd() {
  const d = createDictionaries(['fund-x']);
  const state = ledgerStateOf(
    [
      {
        account: 'acct-1',
        omnibus: false,
        nextSequence: 2,
        nextArrival: 2,
        lots: [
          createLot({
            kind: 'commission',
            lotId: 'p1',
            sequence: 0,
            portfolioId: 'fund-x',
            issuingPortfolioId: 'fund-x',
            dateOfOriginalIssuance: '2024-03-04',
            shareUnits: 1_000_000n,
            costCents: 100_000n,
          }),
          createLot({
            kind: 'free',
            lotId: 'r1',
            sequence: 1,
            portfolioId: 'fund-x',
            issuingPortfolioId: 'fund-x',
            dateOfOriginalIssuance: '2024-06-28',
            shareUnits: 100_000n,
            costCents: 11_000n,
            attribution: { kind: 'distributor', distributor: 'A I M Distributors' },
          }),
        ],
      },
    ],
    d,
  );
  return { d, state };
}

describe('the month pass on one account, by hand', () => {
  it('redeems the Free Shares first, then 40 Commission Shares at 4% of the lesser of cost and value', () => {
    const { d, state } = stateAtNovemberEnd();
    const month = monthTransactionsOf(
      [{ account: 'acct-1', activity: [redeem('x1', '2025-12-10', 'fund-x', '50', '12.00')] }],
      d,
    );
    const pass = compileMonthPass({
      month: '2025-12',
      terms: DEFAULT_CLASS_B_TERMS,
      portfolioIds: d.portfolios.names,
    });
    const r = pass.apply(state, month);
    const [redemption] = monthRecordsOf(r, d).get('acct-1')!.redemptions;
    // 10 Free Shares: no CDSC. 40 Commission Shares in their 2nd year (4%): cost 1,000.00 × 40/100 =
    // 400.00 < value 40 × 12.00 = 480.00, so CDSC = 4% × 400.00 = 16.00. Gross 50 × 12.00 = 600.00.
    expect(
      redemption!.pieces.map((p) => [p.lotId, p.shareUnits, p.costCents, p.rateMicroPct, p.cdscCents]),
    ).toEqual([
      ['r1', 100_000n, 11_000n, 0n, 0n],
      ['p1', 400_000n, 40_000n, 4_000_000n, 1_600n],
    ]);
    expect([redemption!.grossCents, redemption!.cdscCents, redemption!.netCents]).toEqual([
      60_000n,
      1_600n,
      58_400n,
    ]);
    // 60 Commission Shares left with 600.00 of cost; the month-end holdings say so by DOI
    expect(lotsOfAccount(r.state, 0, d).map((l) => [l.lotId, l.shareUnits, l.costCents])).toEqual([
      ['p1', 600_000n, 60_000n],
    ]);
    expect([r.holdings.count, r.holdings.free[0], r.holdings.shareUnits[0]]).toEqual([1, 0, 600_000]);
  });

  it('refuses a redemption of more shares than held with the ledger’s own words', () => {
    const { d, state } = stateAtNovemberEnd();
    const month = monthTransactionsOf(
      [{ account: 'acct-1', activity: [redeem('x2', '2025-12-10', 'fund-x', '110.0001', '12.00')] }],
      d,
    );
    const pass = compileMonthPass({
      month: '2025-12',
      terms: DEFAULT_CLASS_B_TERMS,
      portfolioIds: d.portfolios.names,
      txnIdOf: (k) => d.txns.name(k),
    });
    let refusal: unknown;
    try {
      pass.apply(state, month);
    } catch (e) {
      refusal = e;
    }
    const history = [
      buy('p1', '2024-03-04', 'fund-x', '100', '10.00'),
      reinvest('r1', '2024-06-28', 'fund-x', '10', '11.00'),
      redeem('x2', '2025-12-10', 'fund-x', '110.0001', '12.00'),
    ];
    let expected: unknown;
    try {
      replayAccount('acct-1', history, DEFAULT_CLASS_B_TERMS);
    } catch (e) {
      expected = e;
    }
    expect(refusal).toBeInstanceOf(LedgerRefusal);
    expect((refusal as Error).message).toBe((expected as Error).message);
  });
});
