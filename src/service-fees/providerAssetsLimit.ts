/**
 * SPEC §5: a provider's customers cannot hold more of a class than the class's net assets that
 * day — and neither can all providers' customers together (they are distinct shareholders of the
 * same class). Both comparisons use the day's carried-forward figures.
 */
import type { NetAssetsRow } from '../accrual/classSeries.js';
import { formatCents } from '../money/cents.js';
import { holdingEndDate } from './providerHolding.js';

export interface AssetsAboveNetAssets {
  readonly kind: 'assetsAboveNetAssets';
  readonly classKey: string;
  readonly date: string;
  /** The provider whose assets exceed, or null when it is the sum over providers. */
  readonly providerId: string | null;
  readonly providerAssetsCents: bigint;
  readonly classNetAssetsCents: bigint;
  readonly providers: number;
}

/**
 * One day's check; returns the excesses (each provider's, then the sum's), none when all is well.
 * @example assetsAboveNetAssets('p|A', '2007-01-02', 100n, [['d1', 60n], ['d2', 50n]]).length === 1
 */
export function assetsAboveNetAssets(
  classKey: string,
  date: string,
  classNetAssetsCents: bigint,
  providerAssets: readonly (readonly [providerId: string, assetsCents: bigint])[],
): AssetsAboveNetAssets[] {
  const out: AssetsAboveNetAssets[] = [];
  let sum = 0n;
  for (const [providerId, cents] of providerAssets) {
    sum += cents;
    if (cents > classNetAssetsCents)
      out.push({
        kind: 'assetsAboveNetAssets',
        classKey,
        date,
        providerId,
        providerAssetsCents: cents,
        classNetAssetsCents,
        providers: 1,
      });
  }
  if (out.length === 0 && sum > classNetAssetsCents)
    out.push({
      kind: 'assetsAboveNetAssets',
      classKey,
      date,
      providerId: null,
      providerAssetsCents: sum,
      classNetAssetsCents,
      providers: providerAssets.length,
    });
  return out;
}

/** What to tell the user, given the class as a person reads it ("AIM Value Fund class C"). */
export function describeAssetsAboveNetAssets(v: AssetsAboveNetAssets, className: string): string {
  const who =
    v.providerId === null
      ? `the ${v.providers} providers' customers together hold ${formatCents(v.providerAssetsCents)}`
      : `provider ${v.providerId}'s customers hold ${formatCents(v.providerAssetsCents)}`;
  return `${who} of ${className} on ${v.date}, above the class's net assets of ${formatCents(v.classNetAssetsCents)} that day`;
}

/**
 * The figure carried forward to a date from rows sorted by date, or null before the first row.
 * @example carriedOn([{ date: '2007-01-02', netAssetsCents: 5n }], '2007-01-06') === 5n
 */
export function carriedOn(rows: readonly NetAssetsRow[], date: string): bigint | null {
  let lo = 0;
  let hi = rows.length - 1;
  let found: bigint | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.date <= date) {
      found = rows[mid]!.netAssetsCents;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The check over a span [from, to]: on every date a figure changes (a provider's or the class's),
 * each provider's carried-forward assets and their sum against the class's carried-forward net
 * assets, on the dates the class's net assets are known (not after its last row's next business
 * day). A holding is not carried past its end (the first business day after its last row, as
 * {@link holdingEndDate} says): a later row of that provider is checked when it is imported.
 * Providers are taken in id order; of two figures for one provider and date, the later one counts
 * (a restatement); every date in the span must have class net assets on or before it.
 */
export function assetsAboveNetAssetsBetween(
  classKey: string,
  classNetAssets: readonly NetAssetsRow[],
  providerAssets: readonly { providerId: string; date: string; assetsCents: bigint }[],
  from: string,
  to: string,
): AssetsAboveNetAssets[] {
  const byProvider = new Map<string, Map<string, bigint>>();
  for (const a of providerAssets)
    (byProvider.get(a.providerId) ?? byProvider.set(a.providerId, new Map()).get(a.providerId)!).set(
      a.date,
      a.assetsCents,
    );
  const providers = [...byProvider]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, byDate]): [string, NetAssetsRow[]] => [
      id,
      [...byDate]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([date, netAssetsCents]) => ({ date, netAssetsCents })),
    ]);
  const dates = new Set<string>();
  for (const x of [...providers.flatMap(([, rows]) => rows), ...classNetAssets])
    if (x.date >= from && x.date <= to) dates.add(x.date);
  const out: AssetsAboveNetAssets[] = [];
  for (const date of [...dates].sort()) {
    // a business day after the class's last net-assets row has no figure yet (SPEC §4 carries a
    // row over non-business days only): nothing to compare with until the class's net assets for
    // it are imported; the service-fee computation checks that day then
    if (holdingEndDate(classNetAssets, date) !== null) continue;
    const present: [string, bigint][] = [];
    for (const [providerId, rows] of providers) {
      // a holding whose feed stopped ended on the business day after its last row: what the
      // provider never reported is not carried (the service-fee computation's rule, SPEC §5)
      if (holdingEndDate(rows, date) !== null) continue;
      const v = carriedOn(rows, date);
      if (v !== null) present.push([providerId, v]);
    }
    out.push(...assetsAboveNetAssets(classKey, date, carriedOn(classNetAssets, date)!, present));
  }
  return out;
}
