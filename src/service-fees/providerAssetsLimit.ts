/**
 * SPEC §5: a provider's customers cannot hold more of a class than the class's net assets that
 * day — and neither can all providers' customers together (they are distinct shareholders of the
 * same class). Both comparisons use the day's carried-forward figures.
 */
import { formatCents } from '../money/cents.js';

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
