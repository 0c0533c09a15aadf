/**
 * Why a month's service fees cannot be paid as computed: customers' assets above the class's net
 * assets (SPEC §5), or provider fees above the class's service fee, which would leave the
 * Distributor a negative part. Every case is listed, so one run shows all that needs fixing.
 */
import type { ServiceFeeShortfall } from './distributorServiceFeeShare.js';
import type { AssetsAboveNetAssets } from './providerAssetsLimit.js';

export class ServiceFeesMonthError extends Error {
  constructor(
    readonly month: string,
    readonly excesses: readonly AssetsAboveNetAssets[],
    readonly shortfalls: readonly ServiceFeeShortfall[],
  ) {
    super(
      `service fees for ${month}: ${excesses.length} day(s) with customers' assets above the class's net assets, ${shortfalls.length} class(es) whose provider fees exceed the class's service fee`,
    );
    this.name = 'ServiceFeesMonthError';
  }
}
