import { businessDaysBetween } from '../calendar/nyseCalendar.js';
import { formatCents } from '../money/cents.js';
import type { Registry } from '../registry/registry.js';
import { seededRandom } from './demoComplex.js';

/**
 * A year of daily net assets for every class the registry covers, as the fund accountant's feed
 * would send it (`date,portfolio,class,net_assets`, the portfolio by its name that day): a random
 * walk per class from a plausible starting size, one row per NYSE business day while covered.
 */
export function demoNetAssetsCsv(registry: Registry, from: string, to: string, seed = 12): string {
  const random = seededRandom(seed);
  const days = businessDaysBetween(from, to);
  const lines = ['date,portfolio,class,net_assets'];
  for (const { portfolioId, class: cls } of registry.classKeys()) {
    let cents =
      BigInt(Math.round((20 + random() * 1_980) * 1_000_000)) * 100n + BigInt(Math.floor(random() * 100));
    let started = false;
    for (const day of days) {
      if (!registry.governingOn(portfolioId, cls, day)) {
        if (started) break;
        continue;
      }
      started = true;
      const moveBasisPoints = BigInt(Math.round((random() - 0.49) * 160));
      cents += (cents * moveBasisPoints) / 10_000n + BigInt(Math.floor(random() * 100));
      if (cents < 0n) cents = 0n;
      lines.push(`${day},${registry.identities.nameOn(portfolioId, day)},${cls},${formatCents(cents)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
