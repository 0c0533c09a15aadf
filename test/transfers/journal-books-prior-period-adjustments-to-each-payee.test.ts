import { describe, expect, it } from 'vitest';
import { parseCents } from '../../src/money/cents.js';
import { type JournalLine, monthlyCalculationEntries } from '../../src/reports/journal.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { monthPayables } from '../../src/transfers/monthPayables.js';
import type { PayeeAdjustment } from '../../src/transfers/priorPeriodPayeeAdjustments.js';
import { baseInput, DISTRIBUTOR, feeDays, transfer } from './support.js';

const OTHER = 'Other Distributor LLC';
const GAMMA = 'Gamma Trust (depository for Assignee B)';

/**
 * SPEC §12: a restatement of a closed month is a prior-period adjustment of the next month,
 * split among the same parties as the original amounts — so it is a payable to each of them in
 * the month it is recorded, due with that month's payments, and the journal books it.
 *
 * March 2007 as in journal-payables-follow-monthly-calculation-payees: 100.00 a day, 3,100.00;
 * Distributor 2,700.00 (Alpha 540.00 owed on, notice never received; Beta 270.00 through its
 * depository Gamma Trust, which EIGHTH(D) directs all of the Distributor's share to) and Earned
 * CDSC 50.00 → Gamma 2,750.00; Other Distributor 400.00. Due 2007-04-16.
 *
 * February 2007 (closed) is restated: its Distribution Fees rise by 11.10, split as February's
 * were — the Distributor's own portion +6.30, Alpha +1.80, Beta +0.90, the Other Distributor +2.10.
 * Paid in March as March pays those parties: the Distributor's +6.30, Alpha's +1.80 (still owed on)
 * and Beta's +0.90 to Gamma (9.00; owed on 540.00 + 1.80 = 541.80), the Other's 2.10 to it.
 * Payables on 2007-04-16: Gamma 2,750.00 + 9.00 = 2,759.00; Other 400.00 + 2.10 = 402.10;
 * cash 3,161.10 = 3,100.00 + 50.00 + 11.10.
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

const adjustment = (
  role: PayeeAdjustment['role'],
  payee: string,
  transferId: string | null,
  twelveB1: string,
  portfolioId = 'p',
): PayeeAdjustment => ({
  month: '2007-02',
  portfolioId,
  portfolio: 'AIM Example Fund',
  role,
  payee,
  transferId,
  original: '0.00',
  previouslyAdjusted: '0.00',
  restated: twelveB1,
  difference: twelveB1,
  twelveB1Difference: twelveB1,
  cdscDifference: '0.00',
});

const february = [
  adjustment('Distributor', DISTRIBUTOR, null, '6.30'),
  adjustment('Other Distributor', OTHER, null, '2.10'),
  adjustment('Assignee', 'Alpha Funding LLC', 'A', '1.80'),
  adjustment('Assignee', 'Assignee B', 'B', '0.90'),
];

const sum = (lines: JournalLine[], f: (l: JournalLine) => boolean, side: 'debit' | 'credit') =>
  lines.filter(f).reduce((s, l) => s + parseCents(l[side]), 0n);

describe('the journal books prior-period adjustments as payables of the month they are recorded in (SPEC §12)', () => {
  it('each payee is paid its month plus the adjustments routed to it, on the due date', () => {
    expect(mc.dueDate).toBe('2007-04-16');
    const payables = monthPayables([mc], february, mc.dueDate);
    expect(
      payables.map((p) => [
        p.payee,
        p.role,
        p.twelveB1,
        p.cdsc,
        p.adjustmentTwelveB1,
        p.owedOn,
        p.payable,
        p.dueDate,
      ]),
    ).toEqual([
      [GAMMA, 'Depository', '2700.00', '50.00', '9.00', '541.80', '2759.00', '2007-04-16'],
      [OTHER, 'Other Distributor', '400.00', '0.00', '2.10', '0.00', '402.10', '2007-04-16'],
    ]);
  });

  it('the journal credits the adjustment to the same payables at month end and pays them with the month', () => {
    let n = 0;
    const lines = monthlyCalculationEntries(
      [mc],
      new Map([['p', 310_000n]]),
      () => ++n,
      february,
      mc.dueDate,
    );
    const balance = new Map<string, bigint>();
    for (const l of lines)
      balance.set(l.entry, (balance.get(l.entry) ?? 0n) + parseCents(l.debit) - parseCents(l.credit));
    expect([...balance.values()].every((b) => b === 0n)).toBe(true);
    const ppa = lines.filter((l) => l.entry.startsWith('PPA-2007-03-'));
    expect(ppa.every((l) => l.date === '2007-03-31' && /2007-02/.test(l.memo))).toBe(true);
    expect(sum(ppa, (l) => /expense — prior-period adjustment/.test(l.account), 'debit')).toBe(1_110n);
    expect(sum(ppa, (l) => l.account.startsWith(`Payable to ${GAMMA} —`), 'credit')).toBe(900n);
    expect(sum(ppa, (l) => l.account.startsWith(`Payable to ${OTHER} —`), 'credit')).toBe(210n);
    const paid = (payee: string) =>
      sum(lines, (l) => l.account.startsWith(`Payable to ${payee} —`) && l.date === '2007-04-16', 'debit');
    expect(paid(GAMMA)).toBe(275_900n);
    expect(paid(OTHER)).toBe(40_210n);
    expect(sum(lines, (l) => l.account === 'Cash' && l.date === '2007-04-16', 'credit')).toBe(316_110n);
    // every payable account is cleared by the payment
    const open = new Map<string, bigint>();
    for (const l of lines.filter((x) => x.account.startsWith('Payable to ')))
      open.set(l.account, (open.get(l.account) ?? 0n) + parseCents(l.credit) - parseCents(l.debit));
    expect([...open.values()].every((b) => b === 0n)).toBe(true);
  });

  it('a recovery (negative adjustment) reduces the payable; a portfolio without Class B fees this month pays the party itself', () => {
    const recovery = [
      adjustment('Other Distributor', OTHER, null, '-2.10'),
      adjustment('Distributor', DISTRIBUTOR, null, '1.00', 'q'),
    ];
    let n = 0;
    const lines = monthlyCalculationEntries(
      [mc],
      new Map([['p', 310_000n]]),
      () => ++n,
      recovery,
      mc.dueDate,
    );
    const paid = (payee: string) =>
      sum(lines, (l) => l.account.startsWith(`Payable to ${payee} —`) && l.date === '2007-04-16', 'debit');
    expect(paid(OTHER)).toBe(39_790n); // 400.00 − 2.10
    expect(paid(DISTRIBUTOR)).toBe(100n); // portfolio q: 1.00 to the Distributor itself
    expect(sum(lines, (l) => /prior-period adjustment/.test(l.account), 'credit')).toBe(210n);
    expect(sum(lines, (l) => /prior-period adjustment/.test(l.account), 'debit')).toBe(100n);
    expect(sum(lines, (l) => l.account === 'Cash', 'credit')).toBe(315_000n - 210n + 100n);
  });
});

describe('a month with no Class B fees still books the adjustments it reports (SPEC §12)', () => {
  /**
   * May 2007: no portfolio has Class B fees (the class ended), but March's restatement of portfolio
   * q is reported now: the Distributor +1.00, Assignee A +0.50 — paid to each as itself, due on the
   * 10th NYSE business day after May 31: June 14 (1, 4, 5, 6, 7, 8, 11, 12, 13, 14). The entries are
   * the May journal's: dated May 31 and numbered in May.
   */
  it('dates and numbers them in the journal month, not the month of the due date', () => {
    let n = 0;
    const lines = monthlyCalculationEntries(
      [],
      new Map(),
      () => ++n,
      [
        adjustment('Distributor', DISTRIBUTOR, null, '1.00', 'q'),
        adjustment('Assignee', 'Assignee A', 'A', '0.50', 'q'),
      ],
      '2007-06-14',
      '2007-05',
    );
    const ppa = lines.filter((l) => l.entry.startsWith('PPA-'));
    expect(new Set(ppa.map((l) => [l.entry.slice(0, 11), l.date].join(' ')))).toEqual(
      new Set(['PPA-2007-05 2007-05-31']),
    );
    const paid = lines.filter((l) => l.entry.startsWith('PAY-2007-05-') && l.date === '2007-06-14');
    expect(paid.filter((l) => l.account === 'Cash').map((l) => l.credit)).toEqual(['1.00', '0.50']);
  });
});
