import { formatCents, parseCents } from '../money/cents.js';
import type { MonthlyCalculation, Payee } from './monthlyCalculation.js';
import type { PayeeAdjustment } from './priorPeriodPayeeAdjustments.js';

/**
 * SPEC §12: what the Fund owes one payee of one portfolio for a month — the month's own Monthly
 * Calculation amounts plus the prior-period adjustments recorded in the month (a restatement of a
 * closed month, split among the same parties as the original amounts), all due on the month's
 * due date. The journal credits and pays exactly these; the Monthly Calculation lists them.
 */
export interface MonthPayable {
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly payee: string;
  readonly role: Payee['role'];
  /** the month's own amounts (the Monthly Calculation's `payees`) */
  readonly twelveB1: string;
  readonly cdsc: string;
  /** the prior-period adjustments paid to this payee (negative: recovered) */
  readonly adjustmentTwelveB1: string;
  readonly adjustmentCdsc: string;
  /** of the whole, owed on to Assignees whose notice of Transfer the Fund had not received */
  readonly owedOn: string;
  /** twelveB1 + cdsc + adjustments: what the journal pays on the due date */
  readonly payable: string;
  readonly dueDate: string;
}

interface Acc {
  portfolioId: string;
  portfolio: string;
  payee: string;
  role: Payee['role'];
  twelveB1: bigint;
  cdsc: bigint;
  adj12: bigint;
  adjCdsc: bigint;
  owedOn: bigint;
}

/**
 * Whom the Fund pays a party's adjustment this month: as it pays that party's own amounts this
 * month (EIGHTH(B)–(D)) — the Distributor's portions to the Distributor or to the depository a
 * Transfer directs them to; an Assignee's to it directly if its notice of Transfer has been
 * received, to its depository, or else to the Distributor, who owes it on. A party with no line
 * this month (the portfolio had no Class B fees, or the Transfer has ended) is paid as itself.
 */
export function adjustmentPayTo(
  a: PayeeAdjustment,
  mc: MonthlyCalculation | undefined,
): { payee: string; role: Payee['role']; owedOn: boolean } {
  const roleOf = (payee: string, fallback: Payee['role']) =>
    mc?.payees.find((p) => p.payee === payee)?.role ?? fallback;
  if (a.role === 'Other Distributor') return { payee: a.payee, role: 'Other Distributor', owedOn: false };
  if (mc === undefined) return { payee: a.payee, role: a.role, owedOn: false };
  const distributorPayTo = mc.distributorPayTo ?? mc.distributor;
  const distributorRole: Payee['role'] = distributorPayTo === mc.distributor ? 'Distributor' : 'Depository';
  if (a.role === 'Distributor') return { payee: distributorPayTo, role: distributorRole, owedOn: false };
  const line = mc.assignees.find((l) => l.transferId === a.transferId);
  if (line === undefined) return { payee: a.payee, role: 'Assignee', owedOn: false };
  if (line.payTo === line.assignee) return { payee: line.assignee, role: 'Assignee', owedOn: false };
  // paid to its own depository (EIGHTH(D)), or to the Distributor before the notice (EIGHTH(B))
  const ownDepository = line.payTo.endsWith(`(depository for ${line.assignee})`);
  return {
    payee: line.payTo,
    role: roleOf(line.payTo, ownDepository ? 'Depository' : distributorRole),
    owedOn: !ownDepository,
  };
}

/**
 * SPEC §12: each payee's payable for the month, per portfolio — the Monthly Calculations' payees
 * (in their order), each with the prior-period adjustments routed to it; an adjustment to a payee
 * the month does not otherwise pay adds a payable. Checked: the payables add up to the month's
 * Distribution Fees and Earned CDSC plus the adjustments' differences, portfolio by portfolio.
 * @example Distributor 1,181.25 this month, its January adjustment +5.39 → payable 1,186.64
 */
export function monthPayables(
  calculations: readonly MonthlyCalculation[],
  adjustments: readonly PayeeAdjustment[],
  dueDate: string,
): MonthPayable[] {
  const rows = new Map<string, Acc>();
  const key = (portfolioId: string, payee: string) => `${portfolioId}\u0000${payee}`;
  const acc = (portfolioId: string, portfolio: string, payee: string, role: Payee['role']) => {
    const k = key(portfolioId, payee);
    let r = rows.get(k);
    if (r === undefined) {
      r = { portfolioId, portfolio, payee, role, twelveB1: 0n, cdsc: 0n, adj12: 0n, adjCdsc: 0n, owedOn: 0n };
      rows.set(k, r);
    }
    return r;
  };
  for (const mc of calculations)
    for (const p of mc.payees) {
      const r = acc(mc.portfolioId, mc.portfolio, p.payee, p.role);
      r.twelveB1 += parseCents(p.twelveB1);
      r.cdsc += parseCents(p.cdsc);
      r.owedOn += parseCents(p.owedOn);
    }
  const expected = new Map<string, bigint>();
  for (const mc of calculations)
    expected.set(mc.portfolioId, parseCents(mc.distributionFee) + parseCents(mc.earnedCdsc));
  for (const a of adjustments) {
    const mc = calculations.find((c) => c.portfolioId === a.portfolioId);
    const to = adjustmentPayTo(a, mc);
    const r = acc(a.portfolioId, mc?.portfolio ?? a.portfolio, to.payee, to.role);
    const d12 = parseCents(a.twelveB1Difference);
    const dCdsc = parseCents(a.cdscDifference);
    r.adj12 += d12;
    r.adjCdsc += dCdsc;
    if (to.owedOn) r.owedOn += d12 + dCdsc;
    expected.set(a.portfolioId, (expected.get(a.portfolioId) ?? 0n) + parseCents(a.difference));
  }
  const out = [...rows.values()].map(
    (r): MonthPayable => ({
      portfolioId: r.portfolioId,
      portfolio: r.portfolio,
      payee: r.payee,
      role: r.role,
      twelveB1: formatCents(r.twelveB1),
      cdsc: formatCents(r.cdsc),
      adjustmentTwelveB1: formatCents(r.adj12),
      adjustmentCdsc: formatCents(r.adjCdsc),
      owedOn: formatCents(r.owedOn),
      payable: formatCents(r.twelveB1 + r.cdsc + r.adj12 + r.adjCdsc),
      dueDate,
    }),
  );
  // SPEC §12, against the wholes (the fees, the Earned CDSC, each adjustment's own difference)
  const paid = new Map<string, bigint>();
  for (const p of out) paid.set(p.portfolioId, (paid.get(p.portfolioId) ?? 0n) + parseCents(p.payable));
  for (const [pid, cents] of expected)
    if ((paid.get(pid) ?? 0n) !== cents)
      throw new Error(
        `${pid}: the payables (${formatCents(paid.get(pid) ?? 0n)}) are not the month's Distribution Fees and Earned CDSC plus its prior-period adjustments (${formatCents(cents)})`,
      );
  return out;
}
