import type { RateSegment } from './classSeries.js';

/**
 * A hypothetical rate for one class from a date (`plan12b what-if`): nothing is recorded; the
 * accrual runs on the class's coverage with the rates replaced from `from` on. A null component
 * keeps the rate in force.
 */
export interface RateOverride {
  readonly portfolioId: string;
  readonly class: string;
  readonly from: string;
  readonly distributionFeeMicroPct: bigint | null;
  readonly serviceFeeMicroPct: bigint | null;
}

/**
 * The coverage with the override's rates on every covered day from `override.from` (a run that
 * straddles the date is cut there); days not covered stay uncovered.
 * @example overrideCoverage([{ from: '2003-08-18', until: null, distributionFeeMicroPct: 750000n,
 *   serviceFeeMicroPct: 250000n }], { …, from: '2025-01-01', distributionFeeMicroPct: 500000n, serviceFeeMicroPct: null })
 *   // → 2003-08-18..2025-01-01 at 0.75 / 0.25, then 2025-01-01.. at 0.50 / 0.25
 */
export function overrideCoverage(coverage: readonly RateSegment[], override: RateOverride): RateSegment[] {
  const out: RateSegment[] = [];
  const changed = (s: RateSegment, from: string): RateSegment => ({
    from,
    until: s.until,
    distributionFeeMicroPct: override.distributionFeeMicroPct ?? s.distributionFeeMicroPct,
    serviceFeeMicroPct: override.serviceFeeMicroPct ?? s.serviceFeeMicroPct,
  });
  for (const s of coverage) {
    if (s.until !== null && s.until <= override.from) out.push(s);
    else if (s.from >= override.from) out.push(changed(s, s.from));
    else {
      out.push({ ...s, until: override.from });
      out.push(changed(s, override.from));
    }
  }
  return out;
}
