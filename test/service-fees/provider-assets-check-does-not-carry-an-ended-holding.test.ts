import { describe, expect, it } from 'vitest';
import { assetsAboveNetAssetsBetween } from '../../src/service-fees/providerAssetsLimit.js';
import { holdingEndDate } from '../../src/service-fees/providerHolding.js';

// SPEC §5 (FORMATS, provider-assets import): a provider's customers' assets carry forward over the
// days between its rows; a holding whose feed stops is taken as ended on the first NYSE business
// day after its last row (the service-fee computation, src/store/providerAssetsRepository.ts).
// The import's check of Σ providers ≤ the class's net assets applies the same rule, so a figure
// the provider never reported is not added to the other providers' sums.
//
// Class net assets (cents): Fri 2008-02-08 10000, Mon 2008-02-11 10000 (Sat/Sun carry Friday's).
// Provider A: one row, Fri 2008-02-08 6000 — its holding ends Mon 2008-02-11.
// Provider B: Fri 2008-02-08 3000, Sat 2008-02-09 5000, Mon 2008-02-11 9000.
//   Sat 2008-02-09: A 6000 (carried over the weekend) + B 5000 = 11000 > 10000 — an excess.
//   Mon 2008-02-11: A has ended; B 9000 ≤ 10000 — no excess (carrying A would give 15000).
const netAssets = [
  { date: '2008-02-08', netAssetsCents: 10000n },
  { date: '2008-02-11', netAssetsCents: 10000n },
];
const providerAssets = [
  { providerId: 'A', date: '2008-02-08', assetsCents: 6000n },
  { providerId: 'B', date: '2008-02-08', assetsCents: 3000n },
  { providerId: 'B', date: '2008-02-09', assetsCents: 5000n },
  { providerId: 'B', date: '2008-02-11', assetsCents: 9000n },
];

describe('provider-assets check: a holding whose feed stopped is not carried past its end', () => {
  it('the service-fee rule ends A’s holding on Monday 2008-02-11', () => {
    expect(holdingEndDate([{ date: '2008-02-08', netAssetsCents: 6000n }], '2008-02-29')).toBe('2008-02-11');
  });

  it('flags the Saturday the two holdings overlap, not the Monday after A’s holding ended', () => {
    const excesses = assetsAboveNetAssetsBetween(
      'p|A',
      netAssets,
      providerAssets,
      '2008-02-08',
      '2008-02-11',
    );
    expect(excesses.map((v) => [v.date, v.providerId, v.providerAssetsCents, v.classNetAssetsCents])).toEqual(
      [['2008-02-09', null, 11000n, 10000n]],
    );
  });
});
