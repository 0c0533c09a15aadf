import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/databases.js';
import {
  AMENDMENT_1_TEXT,
  businessDays,
  csv,
  GROWTH,
  INCOME,
  type Json,
  ok,
  PLAN_TEXT,
  workArea,
} from './support/zenith.js';

/**
 * SPEC §3/§4 as an independent computation, not hand-worked day by day: a year (2024, Y = 366) of
 * pseudo-random net assets with cents (a fixed seed) for both classes, and every month's fees and
 * average computed here with integer cents, half-up — each calendar day takes the latest row on or
 * before it (the business days of support/zenith.ts's hand-listed calendar); Growth ABSC 0.75%
 * through 2024-02-14 and 0.50% from Amendment No. 1 (2024-02-15), Income 0.75%; service 0.25%.
 */
function* lcg(seed: bigint): Generator<bigint> {
  let x = seed;
  for (;;) {
    x = (x * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    yield x >> 16n;
  }
}

/** round_half_up(numerator / denominator) for non-negative integers */
const halfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

const YEAR_DAYS = 366n;
/** the fee in cents of a day: NA (cents) × rate (hundredths of a percent) / 100 / 100 / Y */
const dailyFee = (naCents: bigint, rateHundredthsPct: bigint) =>
  halfUp(naCents * rateHundredthsPct, 10_000n * YEAR_DAYS);
const money = (cents: bigint) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;

const random = lcg(20240229n);
const rows = new Map<string, Map<string, bigint>>();
for (const [portfolio, low, span] of [
  [GROWTH, 1_000_000_00n, 5_000_000_000_00n],
  [INCOME, 10_000_00n, 50_000_000_00n],
] as const) {
  const byDay = new Map<string, bigint>();
  for (const d of businessDays('2024-01-02', '2024-12-31'))
    byDay.set(d, low + ((random.next().value as bigint) % span));
  rows.set(portfolio, byDay);
}

function expectedMonths(portfolio: string) {
  const byDay = rows.get(portfolio)!;
  const out: string[][] = [];
  let carried: bigint | undefined;
  for (let m = 1; m <= 12; m++) {
    let distribution = 0n;
    let service = 0n;
    let sum = 0n;
    let days = 0n;
    for (let day = 1; day <= 31; day++) {
      const date = new Date(Date.UTC(2024, m - 1, day));
      if (date.getUTCMonth() !== m - 1) break;
      const iso = date.toISOString().slice(0, 10);
      carried = byDay.get(iso) ?? carried;
      if (carried === undefined) continue; // before the first row (Jan 1): nothing
      const absc = portfolio === GROWTH && iso >= '2024-02-15' ? 50n : 75n;
      distribution += dailyFee(carried, absc);
      service += dailyFee(carried, 25n);
      sum += carried;
      days += 1n;
    }
    const month = `2024-${String(m).padStart(2, '0')}`;
    out.push([portfolio, month, String(days), money(halfUp(sum, days)), money(distribution), money(service)]);
  }
  return out;
}

describe('a year of pseudo-random net assets agrees with an independent computation', () => {
  const { dir, db, file } = workArea('random');
  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
    await ok(db, ['exhibit', 'import', file('amendment-1.txt', AMENDMENT_1_TEXT)]);
    const lines = [...rows].flatMap(([portfolio, byDay]) =>
      [...byDay].map(([d, cents]) => `${d},${portfolio},C,${money(cents)}`),
    );
    await ok(db, ['net-assets', 'import', file('na.csv', csv('date,portfolio,class,net_assets', lines))]);
  });

  it('every month of 2024, both classes, to the cent', async () => {
    const res = await ok(db, ['fees', '--from', '2024-01-01', '--to', '2024-12-31', '--json']);
    expect(
      res.classes.map((c: Json) => [
        c.portfolio,
        c.month,
        String(c.days),
        c.averageDailyNetAssets,
        c.distributionFee,
        c.serviceFee,
      ]),
    ).toEqual([...expectedMonths(GROWTH), ...expectedMonths(INCOME)]);
  });
});
