import { describe, expect, it } from 'vitest';
import { parseCents } from '../../src/money/cents.js';
import { monthlyCalculationEntries } from '../../src/reports/journal.js';
import { assigneeStatement } from '../../src/transfers/assigneeStatement.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR, feeDays, transfer } from './support.js';

/**
 * SPEC §8 / EIGHTH(C): the Fund pays an Assignee directly "following receipt … of notice of
 * Transfer"; a portion owed before then is paid to the Distributor and owed on. docs/FORMATS.md
 * reads it by payment: a month's portions are paid on its due date, so a notice received by that
 * date sends the whole month's portion to the Assignee — no split by days.
 * 100.00 a day, the Distributor exclusive: February 2007 2,800.00 (due March 14), March 3,100.00
 * (due April 16). Alpha 25% (notice on March 14, February's due date) and Beta 10% (notice on
 * March 15, the day after), both effective January 1.
 *   February: Alpha 700.00 paid to Alpha; Beta 280.00 paid to the Distributor and owed on.
 *   March: Alpha 775.00 and Beta 310.00, each paid directly, whole (a mid-March notice splits nothing).
 */
const transfers = [
  transfer({
    id: 'A',
    assignee: 'Alpha',
    twelveB1PortionPct: '25',
    effectiveDate: '2007-01-01',
    noticeReceivedDate: '2007-03-14',
  }),
  transfer({
    id: 'B',
    assignee: 'Beta',
    twelveB1PortionPct: '10',
    effectiveDate: '2007-01-01',
    noticeReceivedDate: '2007-03-15',
  }),
];
const input = (month: string) =>
  baseInput(
    month,
    feeDays(month, () => 10_000n),
  );
const expected = {
  '2007-02': {
    dueDate: '2007-03-14',
    lines: [
      ['Alpha', '700.00', 'Alpha', '0.00'],
      ['Beta', '280.00', DISTRIBUTOR, '280.00'],
    ],
    // the Distributor: 2,800.00 − 700.00 = 2,100.00, Beta's 280.00 among it
    payable: { Alpha: 70_000n, Beta: 0n, [DISTRIBUTOR]: 210_000n },
  },
  '2007-03': {
    dueDate: '2007-04-16',
    lines: [
      ['Alpha', '775.00', 'Alpha', '0.00'],
      ['Beta', '310.00', 'Beta', '0.00'],
    ],
    payable: { Alpha: 77_500n, Beta: 31_000n, [DISTRIBUTOR]: 201_500n },
  },
} as const;

describe('a notice of Transfer received mid-month (SPEC §8)', () => {
  for (const [month, want] of Object.entries(expected))
    it(`${month}: the Monthly Calculation, the journal and the assignee statements agree`, () => {
      const mc = monthlyCalculation(input(month), transfers);
      expect(mc.dueDate).toBe(want.dueDate);
      expect(mc.assignees.map((a) => [a.assignee, a.twelveB1Portion, a.payTo, a.owedOnToAssignee])).toEqual(
        want.lines,
      );
      // the journal: each payee's payable credited at the month end and paid on the due date
      let n = 0;
      const lines = monthlyCalculationEntries(
        [mc],
        new Map([['p', input(month).distributionFeeCents]]),
        () => ++n,
      );
      const paid = (payee: string) =>
        lines
          .filter((l) => l.account.startsWith(`Payable to ${payee} —`) && l.date === want.dueDate)
          .reduce((s, l) => s + parseCents(l.debit), 0n);
      for (const [payee, cents] of Object.entries(want.payable))
        expect([payee, paid(payee)]).toEqual([payee, cents]);
      for (const p of mc.payees)
        expect(parseCents(p.total)).toBe(want.payable[p.payee as keyof typeof want.payable]);
      // each assignee statement shows the Monthly Calculation's line
      for (const [assignee, portion, payTo, owedOn] of want.lines) {
        const st = assigneeStatement(assignee, month, [input(month)], transfers, () => 'AIM Example Fund');
        expect(
          st.lines.map((l) => [l.twelveB1Portion, l.payTo, l.owedOnToAssignee]),
          assignee,
        ).toEqual([[portion, payTo, owedOn]]);
        expect(st.dueDate).toBe(want.dueDate);
      }
    });
});
