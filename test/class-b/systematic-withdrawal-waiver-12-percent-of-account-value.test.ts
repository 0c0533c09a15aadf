import { describe, expect, it } from 'vitest';
import { accountStateAtMonthEnd } from '../../src/class-b/accountStateAtMonthEnd.js';
import type { ClassBActivity } from '../../src/class-b/classBActivity.js';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { LedgerRefusal } from '../../src/class-b/ledgerRefusal.js';
import { compileMonthPass } from '../../src/class-b/monthPass.js';
import {
  createDictionaries,
  ledgerStateOf,
  monthRecordsOf,
  monthTransactionsOf,
} from '../../src/class-b/monthPassRecords.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, redeem } from './support/activity.js';

// DOMAIN §4.3: Systematic Withdrawal Plan redemptions are waived "up to 12% of account value per
// year". docs/FORMATS.md: the calendar year; the account value is the shares held in the portfolio
// at the year's first systematic withdrawal (before it) × that withdrawal's price; each waived
// withdrawal uses its gross proceeds round_half_up(shares × price, 2). Every figure below is by hand.
const SWP = 'systematic_withdrawal' as const;
const start = buy('P1', '2005-03-01', 'growth', '1000', '10.00'); // cost 10,000.00

type Outcome = { waived: string[] } | { refused: string };

function outcomeOf(replay: typeof replayAccount, activity: ClassBActivity[]): Outcome {
  try {
    const ledger = replay('acct', activity, DEFAULT_CLASS_B_TERMS);
    return { waived: ledger.redemptions.map((r) => (Number(r.waivedCents) / 100).toFixed(2)) };
  } catch (e) {
    if (e instanceof LedgerRefusal && e.field === 'waiver') return { refused: e.txnId };
    throw e;
  }
}

/** The month pass on the same rows, all in 2005-03, from an empty account. */
function monthPassOutcome(activity: ClassBActivity[]): Outcome {
  const d = createDictionaries(['growth']);
  const state = ledgerStateOf(
    [{ account: 'acct', omnibus: false, nextSequence: 0, nextArrival: 0, lots: [] }],
    d,
  );
  const month = monthTransactionsOf([{ account: 'acct', activity }], d);
  const pass = compileMonthPass({
    month: '2005-03',
    terms: DEFAULT_CLASS_B_TERMS,
    portfolioIds: d.portfolios.names,
    txnIdOf: (k) => d.txns.name(k),
  });
  try {
    const r = pass.apply(state, month);
    return {
      waived: monthRecordsOf(r, d)
        .get('acct')!
        .redemptions.map((x) => (Number(x.waivedCents) / 100).toFixed(2)),
    };
  } catch (e) {
    if (e instanceof LedgerRefusal && e.field === 'waiver') return { refused: e.txnId };
    throw e;
  }
}

const cases: [string, ClassBActivity[], Outcome][] = [
  [
    // allowance 12% × 1,000 × 10.00 = 1,200.00; 120 × 10.00 = 1,200.00; waived 5% × 1,200.00 = 60.00
    'exactly 12% of the account value is waived',
    [start, redeem('S1', '2005-03-10', 'growth', '120', '10.00', SWP)],
    { waived: ['60.00'] },
  ],
  [
    // 120.0010 × 10.00 = 1,200.01 > 1,200.00
    'one cent over 12% is refused',
    [start, redeem('S1', '2005-03-10', 'growth', '120.001', '10.00', SWP)],
    { refused: 'S1' },
  ],
  [
    // the price on the first withdrawal is the base: 12% × 1,000 × 11.00 = 1,320.00 = 120 × 11.00;
    // waived 5% × min(cost 1,200.00, value 1,320.00) = 60.00
    'the base is the value at the first withdrawal price, not the cost',
    [start, redeem('S1', '2005-03-10', 'growth', '120', '11.00', SWP)],
    { waived: ['60.00'] },
  ],
  [
    // 60 × 10.00 = 600.00 used; then the price falls to 8.00: 75 × 8.00 = 600.00, 1,200.00 in all
    // (135 shares: more than 12% of the shares, within 12% of the value). Waived: 5% × 600.00 = 30.00;
    // then cost 9,400.00 × 75/940 = 750.00, value 600.00, 5% × 600.00 = 30.00
    'two withdrawals in a year, the price falling between them: counted in value',
    [
      start,
      redeem('S1', '2005-03-10', 'growth', '60', '10.00', SWP),
      redeem('S2', '2005-03-21', 'growth', '75', '8.00', SWP),
    ],
    { waived: ['30.00', '30.00'] },
  ],
  [
    // 600.00 used; the price rises to 12.50: 60 × 12.50 = 750.00, 1,350.00 > 1,200.00 (only 120
    // shares in all: within 12% of the shares, above 12% of the value)
    'two withdrawals in a year, the price rising between them: the second over 12% of the value',
    [
      start,
      redeem('S1', '2005-03-10', 'growth', '60', '10.00', SWP),
      redeem('S2', '2005-03-21', 'growth', '60', '12.50', SWP),
    ],
    { refused: 'S2' },
  ],
  [
    // 600.00 used; 48 × 12.50 = 600.00 exactly fits; 48.0004 × 12.50 = 600.005 → 600.01 does not.
    // Waived: cost 9,400.00 × 48/940 = 480.00 < value 600.00, 5% × 480.00 = 24.00
    'the second withdrawal to the cent: 600.00 of 600.00 left',
    [
      start,
      redeem('S1', '2005-03-10', 'growth', '60', '10.00', SWP),
      redeem('S2', '2005-03-21', 'growth', '48', '12.50', SWP),
    ],
    { waived: ['30.00', '24.00'] },
  ],
  [
    'the second withdrawal one cent over: 600.01 of 600.00 left',
    [
      start,
      redeem('S1', '2005-03-10', 'growth', '60', '10.00', SWP),
      redeem('S2', '2005-03-21', 'growth', '48.0004', '12.50', SWP),
    ],
    { refused: 'S2' },
  ],
];

describe('systematic withdrawals waived up to 12% of the account value a year', () => {
  for (const [name, activity, expected] of cases)
    it(name, () => {
      expect(outcomeOf(replayAccount, activity)).toEqual(expected);
      expect(outcomeOf(referenceReplayAccount, activity)).toEqual(expected);
      expect(monthPassOutcome(activity)).toEqual(expected);
    });

  it('a new calendar year starts a new allowance on the value held then', () => {
    // 2005: 120 × 10.00 = 1,200.00 (all of it). 2006-02-01: 880 shares at 9.00 = 7,920.00;
    // 12% = 950.40 = 105.6 × 9.00; 105.6001 × 9.00 = 950.4009 → 950.40, still within; 105.6006 → 950.41
    const year = [start, redeem('S1', '2005-12-30', 'growth', '120', '10.00', SWP)];
    const within = [...year, redeem('S2', '2006-02-01', 'growth', '105.6', '9.00', SWP)];
    const over = [...year, redeem('S2', '2006-02-01', 'growth', '105.6006', '9.00', SWP)];
    for (const replay of [replayAccount, referenceReplayAccount]) {
      expect(outcomeOf(replay, within)).toMatchObject({ waived: expect.any(Array) });
      expect(outcomeOf(replay, over)).toEqual({ refused: 'S2' });
    }
  });

  it('the state stored at a month end carries the allowance and what was used, in cents', () => {
    const activity = [start, redeem('S1', '2005-03-10', 'growth', '60', '10.00', SWP)];
    const state = accountStateAtMonthEnd('acct', false, activity, DEFAULT_CLASS_B_TERMS, '2005-03-31');
    expect(state.systematicWithdrawals).toEqual([
      { portfolioId: 'growth', year: 2005, allowanceUnits: 120_000n, usedUnits: 60_000n },
    ]);
  });
});
