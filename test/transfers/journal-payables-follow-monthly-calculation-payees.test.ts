import { describe, expect, it } from 'vitest';
import { parseCents } from '../../src/money/cents.js';
import { monthlyCalculationEntries } from '../../src/reports/journal.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR, feeDays, transfer } from './support.js';

const OTHER = 'Other Distributor LLC';

/**
 * March 2007, 100.00 a day (3,100.00). The Distributor's term ends on the 15th; the computation of
 * the 15th finds shares 3 : 1 → 75% / 25%.
 *   1st–15th: Distributor 1,500.00. 16th–31st (1,600.00): Distributor 1,200.00, Other 400.00.
 *   Distributor's 12b-1 Share 2,700.00.
 * Alpha, 20% from January, notice never received: 2,700.00 × 20% = 540.00, paid to the Distributor
 *   and owed on. Beta, 10% through its depository Gamma Trust: 270.00.
 *   The Distributor's own portion 2,700.00 − 540.00 − 270.00 = 1,890.00; Earned CDSC 50.00.
 * Payees on the due date — April 16 (April 2, 3, 4, 5, [Good Friday the 6th], 9, 10, 11, 12, 13, 16):
 *   EIGHTH(D): with Beta's depository directed, the Fund pays Gamma Trust ALL of the Distributor's
 *   12b-1 Share and Earned CDSC that no notified Assignee is paid directly — 2,700.00 + 50.00 =
 *   2,750.00 (Beta's 270.00, the Distributor's 1,890.00 and Alpha's 540.00 owed on); Other 400.00.
 */
const mc = monthlyCalculation(
  {
    ...baseInput(
      '2007-03',
      feeDays('2007-03', () => 10_000n),
    ),
    shareComputations: [
      { date: null, parties: [{ distributor: DISTRIBUTOR, shares: 1n }] },
      {
        date: '2007-03-15',
        parties: [
          { distributor: DISTRIBUTOR, shares: 30_000n },
          { distributor: OTHER, shares: 10_000n },
        ],
      },
    ],
    earnedCdsc: [{ date: '2007-03-20', doi: '2004-01-05', cents: 5_000n }],
  },
  [
    transfer({
      id: 'A',
      assignee: 'Alpha Funding LLC',
      twelveB1PortionPct: '20',
      effectiveDate: '2007-01-01',
      noticeReceivedDate: null,
    }),
    transfer({
      id: 'B',
      twelveB1PortionPct: '10',
      effectiveDate: '2007-01-01',
      payment: 'depository',
      depositoryAgent: 'Gamma Trust',
    }),
  ],
);

describe("the journal's payables follow the Monthly Calculation's payees and due date (SPEC §12)", () => {
  it('the Monthly Calculation names each payee, the Other Distributor among them', () => {
    expect(mc.dueDate).toBe('2007-04-16');
    expect(mc.payees.map((p) => [p.payee, p.role, p.twelveB1, p.cdsc, p.owedOn, p.total])).toEqual([
      ['Gamma Trust (depository for Assignee B)', 'Depository', '2700.00', '50.00', '540.00', '2750.00'],
      [OTHER, 'Other Distributor', '400.00', '0.00', '0.00', '400.00'],
    ]);
  });

  it('the journal allocates the accrued fees to those payables at month end and pays them on the due date', () => {
    let n = 0;
    const lines = monthlyCalculationEntries([mc], new Map([['p', 310_000n]]), () => ++n);
    const balance = new Map<string, bigint>();
    for (const l of lines)
      balance.set(l.entry, (balance.get(l.entry) ?? 0n) + parseCents(l.debit) - parseCents(l.credit));
    expect([...balance.values()].every((b) => b === 0n)).toBe(true);
    const payable = (payee: string, side: 'debit' | 'credit', date: string) =>
      lines
        .filter((l) => l.account.startsWith(`Payable to ${payee} —`) && l.date === date)
        .reduce((s, l) => s + parseCents(l[side]), 0n);
    for (const [payee, cents] of [
      [OTHER, 40_000n],
      ['Gamma Trust (depository for Assignee B)', 275_000n],
    ] as const) {
      expect(payable(payee, 'credit', '2007-03-31')).toBe(cents);
      expect(payable(payee, 'debit', '2007-04-16')).toBe(cents);
    }
    expect(lines.filter((l) => l.account === 'Cash').reduce((s, l) => s + parseCents(l.credit), 0n)).toBe(
      315_000n,
    );
    expect(lines.some((l) => /Payable to Distributor/.test(l.account))).toBe(false);
  });

  it('refuses accruals the Monthly Calculation does not allocate', () => {
    expect(() => monthlyCalculationEntries([mc], new Map([['p', 309_999n]]), () => 1)).toThrow(
      /accrued 3099\.99/,
    );
  });
});
