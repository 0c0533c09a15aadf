import { exactDailyFeeCents } from '../../../src/accrual/exactDailyFee.js';
import type { ClassServiceDay } from '../../../src/service-fees/classServiceDay.js';
import type { ProviderHolding } from '../../../src/service-fees/providerHolding.js';

/** A class accruing every day of a month on constant net assets at a service fee rate. */
export function classDaysOf(
  classKey: string,
  month: string,
  days: number,
  netAssetsCents: bigint,
  serviceFeeMicroPct: bigint,
  yearDays = 365,
): ClassServiceDay[] {
  return Array.from({ length: days }, (_, i) => ({
    classKey,
    date: `${month}-${String(i + 1).padStart(2, '0')}`,
    netAssetsCents,
    serviceFeeMicroPct,
    serviceFeeCents: exactDailyFeeCents(netAssetsCents, serviceFeeMicroPct, yearDays),
  }));
}

export function holdingOf(
  providerId: string,
  classKey: string,
  rows: [date: string, cents: bigint][],
  endDate: string | null = null,
): ProviderHolding {
  return {
    kind: 'providerHolding',
    providerId,
    classKey,
    assets: rows.map(([date, netAssetsCents]) => ({ date, netAssetsCents })),
    endDate,
  };
}
