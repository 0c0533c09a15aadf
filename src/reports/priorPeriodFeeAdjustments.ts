import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { parseCents } from '../money/cents.js';
import type { Queryable } from '../store/database.js';
import { restatedMonthsReportedIn, sealedPart, sealedPartsAfter } from '../store/sealedResultsRepository.js';
import { type ClassMonthFees, feesReport } from './feesReport.js';

/** One class's fees of a restated closed month, as recomputed now less what was sealed and already adjusted. */
export interface ClassFeeAdjustment {
  /** the closed month restated */
  readonly month: string;
  readonly portfolioId: string;
  /** the name in force at the restated month's end (as the close's `adjustments` part names it) */
  readonly portfolio: string;
  readonly class: string;
  readonly distributionCents: bigint;
  readonly serviceCents: bigint;
}

/**
 * SPEC §4, §12: the fee adjustments a month reports — for each closed month whose net assets were
 * restated (or whose governing document was withdrawn) and that this month reports (pending for
 * the next month to close, or reported by its own close), each class's fees computed again now,
 * less what was sealed and less what earlier closes already reported (their `adjustments` parts).
 * The same figures the close's `adjustments` part seals; the journal books them.
 */
export async function priorPeriodFeeAdjustments(q: Queryable, month: string): Promise<ClassFeeAdjustment[]> {
  const restated = [
    ...new Set([
      ...(await restatedMonthsReportedIn(q, month, 'net_assets_restatement')),
      ...(await restatedMonthsReportedIn(q, month, 'exhibit_withdrawal_restatement')),
    ]),
  ].sort();
  const out: ClassFeeAdjustment[] = [];
  for (const p of restated) {
    const sealed = (await sealedPart(q, p, 'fees')) as { classes: ClassMonthFees[] } | undefined;
    if (sealed === undefined) continue;
    const old = new Map(sealed.classes.map((c) => [`${c.portfolioId}|${c.class}`, c]));
    const earlier = new Map<string, { d: bigint; s: bigint }>();
    for (const part of await sealedPartsAfter(q, p, 'adjustments')) {
      if (part.month >= month) continue;
      const rows =
        (
          part.content as {
            adjustments?: {
              month: string;
              portfolio: string;
              class: string;
              distributionFee: string;
              serviceFee: string;
            }[];
          }
        ).adjustments ?? [];
      for (const a of rows) {
        if (a.month !== p) continue;
        const k = `${a.portfolio}|${a.class}`;
        const e = earlier.get(k) ?? { d: 0n, s: 0n };
        e.d += parseCents(a.distributionFee);
        e.s += parseCents(a.serviceFee);
        earlier.set(k, e);
      }
    }
    const now = (await feesReport(q, { from: monthStart(p), to: monthEnd(p) })).classes;
    const nowKeys = new Set(now.map((c) => `${c.portfolioId}|${c.class}`));
    // a class sealed with fees that would now have none (e.g. its only document withdrawn): all of
    // it is adjusted away, so it is compared with zero fees
    const gone = sealed.classes
      .filter((c) => !nowKeys.has(`${c.portfolioId}|${c.class}`))
      .map((c) => ({ ...c, distributionFee: '0.00', serviceFee: '0.00' }));
    for (const c of [...now, ...gone]) {
      const o = old.get(`${c.portfolioId}|${c.class}`);
      const e = earlier.get(`${c.portfolio}|${c.class}`);
      const d = parseCents(c.distributionFee) - (o ? parseCents(o.distributionFee) : 0n) - (e?.d ?? 0n);
      const s = parseCents(c.serviceFee) - (o ? parseCents(o.serviceFee) : 0n) - (e?.s ?? 0n);
      if (d === 0n && s === 0n) continue;
      out.push({
        month: p,
        portfolioId: c.portfolioId,
        portfolio: c.portfolio,
        class: c.class,
        distributionCents: d,
        serviceCents: s,
      });
    }
  }
  return out;
}
