/**
 * The assets a service provider's customers hold in one share class (SPEC §5), as the provider
 * reports them each business day and carried forward over the days between, like net assets.
 */
import type { NetAssetsRow } from '../accrual/classSeries.js';
import { businessDayAfter, businessDaysBetween } from '../calendar/nyseCalendar.js';

export interface ProviderHolding {
  readonly kind: 'providerHolding';
  readonly providerId: string;
  /** `portfolioId|class`, as the accrual engine keys classes. */
  readonly classKey: string;
  /** Strictly increasing dates; the holding begins with its first row. */
  readonly assets: readonly NetAssetsRow[];
  /** Exclusive: nothing is carried forward from this day (the provider's feed stopped); null = open. */
  readonly endDate: string | null;
}

/**
 * A holding whose feed stops before `through` is taken as ended on the first NYSE business day
 * after its last row — assets the provider has not reported are never carried forward — the same
 * rule the fees report applies to a class's net assets.
 * @example holdingEndDate([{ date: '2007-01-10', netAssetsCents: 1n }], '2007-01-31') === '2007-01-11'
 */
export function holdingEndDate(assets: readonly NetAssetsRow[], through: string): string | null {
  const last = assets.at(-1);
  if (!last) return null;
  const end = businessDayAfter(last.date, 1);
  return end <= through ? end : null;
}

/**
 * A provider reports its customers' assets every NYSE business day from its first row, as net
 * assets are reported (SPEC §4, §5): the first business day up to `through` without a row, if any.
 * @example firstMissingDay(new Set(['2007-01-03', '2007-01-05']), '2007-01-05') === '2007-01-04'
 */
export function firstMissingDay(
  dates: ReadonlySet<string>,
  through: string,
  /** a day on which the class has ended (SPEC §12: accepted as ended, not yet resumed): no row needed */
  classEnded: (date: string) => boolean = () => false,
): string | undefined {
  const first = [...dates].sort()[0];
  return first === undefined
    ? undefined
    : businessDaysBetween(first, through).find((d) => !dates.has(d) && !classEnded(d));
}
