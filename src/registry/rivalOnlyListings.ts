import type { PortfolioIdentities } from './portfolioIdentity.js';
import { everyScheduleVersion, type Instrument } from './scheduleVersions.js';

/**
 * A class that only a rival version of a schedule lists: two versions of one named schedule
 * with the same effective date, the one used leaving it out (SPEC §2: two different governing
 * entries with the same effective date are a conflict, reported on every query that touches
 * them — also when the version used is the one without the class).
 */
export interface ListingInDoubt {
  readonly portfolioId: string;
  readonly class: string;
  readonly from: string;
  readonly lastDay: string | null;
  readonly conflict: string;
}

export function rivalOnlyListings(
  instruments: readonly Instrument[],
  identities: PortfolioIdentities,
): ListingInDoubt[] {
  const out: ListingInDoubt[] = [];
  for (const { instrument, version } of everyScheduleVersion(instruments)) {
    const listed = new Set<string>();
    for (const e of version.entries) {
      const pid = identities.resolveOn(e.portfolio, version.effectiveDate);
      if (pid !== undefined) listed.add(`${pid}|${e.class}`);
    }
    for (const rival of version.rivals)
      for (const e of rival.entries) {
        const pid = identities.resolveOn(e.portfolio, version.effectiveDate);
        if (pid === undefined || listed.has(`${pid}|${e.class}`)) continue;
        listed.add(`${pid}|${e.class}`);
        out.push({
          portfolioId: pid,
          class: e.class,
          from: version.effectiveDate,
          lastDay: version.lastDay,
          conflict: `${version.scheduleName} of ${instrument.name} in ${rival.fileName}, also effective ${version.effectiveDate}, lists it, but ${version.fileName} (used) does not`,
        });
      }
  }
  return out;
}
