import { type PlanForClass, planShareholderApprovalMissing } from '../governance/planShareholderApproval.js';
import type { Registry } from '../registry/registry.js';
import { classSaleKey } from '../store/classFirstSales.js';

/**
 * Rule 12b-1(b)(1) (DOMAIN §1.2(2)): each Plan that took effect for a portfolio's class by `asOf`
 * after the class was first sold, without a recorded vote of the class's shareholders approving
 * it — one warning each (planShareholderApproval.ts), among the board report's warnings. A Plan
 * takes effect for a class on the first day it governs the class with its fees running: the day its
 * schedule listing the class took effect — or, with `approvals.enforce` on, the later day its
 * approvals let it govern (the Board's, for an amendment approved after its effective date) — and
 * the days told before a late vote are the days its fees ran (runs a lapse or a termination
 * stopped are left out). The Agreement is a related agreement (the Board's approval only) and is
 * not checked.
 */
export function planShareholderApprovalWarnings(
  registry: Registry,
  asOf: string,
  firstSales: ReadonlyMap<string, string>,
): string[] {
  const warnings: string[] = [];
  for (const { portfolioId, class: shareClass } of registry.classKeys()) {
    const firstSale = firstSales.get(classSaleKey(portfolioId, shareClass)) ?? null;
    if (firstSale === null) continue;
    const plans = new Map<string, PlanForClass & { feeRuns: { from: string; to: string | null }[] }>();
    const runs = registry
      .governing(portfolioId, shareClass)
      .filter((g) => g.instrumentKind === 'plan' && g.from <= asOf && g.stopped === null)
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (const g of runs) {
      const seen = plans.get(g.instrumentKey);
      if (seen !== undefined) {
        seen.feeRuns.push({ from: g.from, to: g.lastDay });
        continue;
      }
      plans.set(g.instrumentKey, {
        instrumentKey: g.instrumentKey,
        instrument: g.instrumentTitle,
        portfolioId,
        portfolio: registry.identities.nameOn(portfolioId, g.from),
        class: shareClass,
        takesEffect: g.from,
        documentId: g.documentId,
        feeRuns: [{ from: g.from, to: g.lastDay }],
      });
    }
    for (const plan of plans.values()) {
      const missing = planShareholderApprovalMissing(plan, firstSale, registry.governance.approvals, asOf);
      if (missing !== null) warnings.push(missing);
    }
  }
  return warnings;
}
