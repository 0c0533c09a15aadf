import type { PortfolioIdentities } from './portfolioIdentity.js';
import type { ListingInDoubt } from './rivalOnlyListings.js';
import { everyScheduleVersion, type Instrument } from './scheduleVersions.js';

/**
 * One version of a schedule listing one portfolio's class twice, under two of the names it has
 * had ("Zeta Beta Growth Fund" and "Zeta Beta Fund", its name before an amendment renamed it).
 * SPEC §2 resolves every name a portfolio ever had to it, so both lines are read as that one
 * portfolio and only the first counts; but a schedule naming both most likely means a new
 * portfolio that took the former name. plan12b cannot tell them apart, and says so on every query
 * that touches the class instead of dropping the second line silently.
 */
export function twiceListedPortfolios(
  instruments: readonly Instrument[],
  identities: PortfolioIdentities,
): ListingInDoubt[] {
  const out: ListingInDoubt[] = [];
  for (const { instrument, version } of everyScheduleVersion(instruments)) {
    const first = new Map<string, string>();
    for (const e of version.entries) {
      const pid = identities.resolveOn(e.portfolio, version.effectiveDate);
      if (pid === undefined) continue;
      const key = `${pid}|${e.class}`;
      const name = e.portfolio.replace(/\s+/g, ' ').trim();
      const seen = first.get(key);
      if (seen === undefined) {
        first.set(key, name);
        continue;
      }
      out.push({
        portfolioId: pid,
        class: e.class,
        from: version.effectiveDate,
        lastDay: version.lastDay,
        conflict: `${version.scheduleName} of ${instrument.name} (${version.fileName}, effective ${version.effectiveDate}) lists it twice, as ${seen} and as ${name}, names of one portfolio; only the first line is read — if ${name} is a new portfolio that took a former name, it is not known to plan12b`,
      });
    }
  }
  return out;
}
