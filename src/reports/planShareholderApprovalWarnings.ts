import { type PlanForClass, planShareholderApprovalMissing } from '../governance/planShareholderApproval.js';
import type { Registry } from '../registry/registry.js';
import { classSaleKey } from '../store/classFirstSales.js';

/**
 * Rule 12b-1(b)(1) (DOMAIN §1.2(2)): each Plan that took effect for a portfolio's class by `asOf`
 * after the class was first sold, without a recorded vote of the class's shareholders approving
 * it — one warning each (planShareholderApproval.ts), among the board report's warnings. A Plan takes effect for a class on the day its schedule listing the class took effect (the
 * first run that governs the class); the Agreement is a related agreement (the Board's approval
 * only) and is not checked.
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
    const plans = new Map<string, PlanForClass>();
    for (const g of registry.governing(portfolioId, shareClass)) {
      if (g.instrumentKind !== 'plan' || g.from > asOf) continue;
      const seen = plans.get(g.instrumentKey);
      // adopted: the day its schedule took effect, or the first day it governs if earlier (a run
      // the registry begins at the portfolio's listing)
      const from = g.scheduleEffectiveDate < g.from ? g.scheduleEffectiveDate : g.from;
      if (seen !== undefined && seen.takesEffect <= from) continue;
      plans.set(g.instrumentKey, {
        instrumentKey: g.instrumentKey,
        instrument: g.instrumentTitle,
        portfolioId,
        portfolio: registry.identities.nameOn(portfolioId, g.from),
        class: shareClass,
        takesEffect: from,
        documentId: g.documentId,
      });
    }
    for (const plan of plans.values()) {
      const missing = planShareholderApprovalMissing(plan, firstSale, registry.governance.approvals, asOf);
      if (missing !== null) warnings.push(missing);
    }
  }
  return warnings;
}
