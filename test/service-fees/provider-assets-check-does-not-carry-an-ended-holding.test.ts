import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDailyFeeCents } from '../../src/accrual/exactDailyFee.js';
import { addDays } from '../../src/calendar/isoDate.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import type { ClassServiceDay } from '../../src/service-fees/classServiceDay.js';
import { computeMonthlyServiceFees } from '../../src/service-fees/monthlyServiceFees.js';
import { assetsAboveNetAssetsBetween, carriedOn } from '../../src/service-fees/providerAssetsLimit.js';
import { holdingEndDate } from '../../src/service-fees/providerHolding.js';
import { createServiceAgreement } from '../../src/service-fees/serviceAgreement.js';
import { ServiceFeesMonthError } from '../../src/service-fees/serviceFeesMonthError.js';

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

// The two checks of one rule agree: the import's (on the dates figures change) finds an excess
// exactly when the service-fee computation (every day of the month, holdings ended as the
// repository ends them) does. February 2008: 20 business days, Presidents' Day on the 18th.
const MONTH_DAYS = Array.from({ length: 29 }, (_, i) => addDays('2008-02-01', i));
const BUSINESS = businessDaysBetween('2008-02-01', '2008-02-29');
const SATURDAYS = MONTH_DAYS.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6);

const holdingArb = fc
  .record({
    first: fc.nat({ max: BUSINESS.length - 1 }),
    length: fc.integer({ min: 1, max: BUSINESS.length }),
    values: fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 20, maxLength: 20 }),
    saturdays: fc.array(fc.option(fc.integer({ min: 0, max: 700 }), { nil: undefined }), {
      minLength: SATURDAYS.length,
      maxLength: SATURDAYS.length,
    }),
  })
  .map(({ first, length, values, saturdays }) => {
    const days = BUSINESS.slice(first, first + length);
    const rows = days.map((date, i) => ({ date, assetsCents: BigInt(values[i]! * 100) }));
    SATURDAYS.forEach((date, i) => {
      const v = saturdays[i];
      if (v !== undefined && date > days[0]! && date < days.at(-1)!)
        rows.push({ date, assetsCents: BigInt(v * 100) });
    });
    return rows.sort((a, b) => (a.date < b.date ? -1 : 1));
  });

describe('provider-assets import check and service-fee computation agree', () => {
  it('an excess is found by both or by neither (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 300, max: 1500 }), { minLength: 20, maxLength: 20 }),
        fc.array(holdingArb, { minLength: 1, maxLength: 3 }),
        (naValues, holdingRows) => {
          const netAssets = BUSINESS.map((date, i) => ({ date, netAssetsCents: BigInt(naValues[i]! * 100) }));
          const classDays: ClassServiceDay[] = MONTH_DAYS.map((date) => {
            const na = carriedOn(netAssets, date)!;
            return {
              classKey: 'p|A',
              date,
              netAssetsCents: na,
              serviceFeeMicroPct: 250_000n,
              serviceFeeCents: exactDailyFeeCents(na, 250_000n, 366),
            };
          });
          const ids = holdingRows.map((_, k) => `P${k}`);
          const agreements = ids.map((providerId) =>
            createServiceAgreement({
              providerId,
              providerName: providerId,
              providerKind: 'dealer',
              agreementDate: '2007-01-01',
            }),
          );
          const holdings = holdingRows.map((rows, k) => {
            const assets = rows.map((r) => ({ date: r.date, netAssetsCents: r.assetsCents }));
            return {
              kind: 'providerHolding' as const,
              providerId: ids[k]!,
              classKey: 'p|A',
              assets,
              endDate: holdingEndDate(assets, '2008-02-29'),
            };
          });
          const atImport = assetsAboveNetAssetsBetween(
            'p|A',
            netAssets,
            holdingRows.flatMap((rows, k) => rows.map((r) => ({ ...r, providerId: ids[k]! }))),
            '2008-02-01',
            '2008-02-29',
          );
          let computed = 0;
          try {
            computeMonthlyServiceFees({ month: '2008-02', classDays, agreements, holdings });
          } catch (e) {
            if (!(e instanceof ServiceFeesMonthError)) throw e;
            computed = e.excesses.length;
          }
          expect(atImport.length > 0).toBe(computed > 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// SPEC §4 carries a net-assets row over non-business days, never over a business day: on Tuesday
// 2008-04-01, after the class's last row of Monday 2008-03-31, the class's net assets are not
// known yet. Provider P's 5,600,000.00 that day cannot be compared with Monday's 5,481,458.06 (the
// class's row for Tuesday may say 5,700,000.00); the import no longer refuses it as "above the
// class's net assets that day", and the service-fee computation checks the day once it is known.
// Saturday 2008-03-29 still carries Friday's 5,400,000.00: P's 5,450,000.00 that day is an excess.
describe('provider-assets check: a business day after the class’s last net assets', () => {
  const classRows = [
    { date: '2008-03-28', netAssetsCents: 540_000_000n },
    { date: '2008-03-31', netAssetsCents: 548_145_806n },
  ];
  it('is not compared with the last row, while a weekend before it is', () => {
    const excesses = assetsAboveNetAssetsBetween(
      'p|R',
      classRows,
      [
        { providerId: 'P', date: '2008-03-28', assetsCents: 500_000_000n },
        { providerId: 'P', date: '2008-03-29', assetsCents: 545_000_000n },
        { providerId: 'P', date: '2008-03-31', assetsCents: 500_000_000n },
        { providerId: 'P', date: '2008-04-01', assetsCents: 560_000_000n },
      ],
      '2008-03-28',
      '2008-04-01',
    );
    expect(excesses.map((v) => [v.date, v.providerId, v.providerAssetsCents, v.classNetAssetsCents])).toEqual(
      [['2008-03-29', 'P', 545_000_000n, 540_000_000n]],
    );
  });
});
