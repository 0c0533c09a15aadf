import { describe, expect, it } from 'vitest';
import { AMENDMENT_1_TEXT, businessDays, GROWTH, ok, PLAN_TEXT, workArea } from '../calc6/support/zenith.js';
import { freshDatabase } from '../support/databases.js';

/**
 * SPEC §5: a provider's rate is the lowest of 0.25%, the class's service fee rate in force — a
 * Board-set current rate included (SPEC §2) — and the agreement's own rate; daily amounts rounded
 * half-up as in §4; the Distributor keeps the class's service fee less the providers' fees.
 *
 * Zenith Growth Fund C (schedule service fee 0.25%). The Board sets its service fee to 0.10% from
 * Sat 2024-03-16. March 2024: 15 days at the class rate 0.25% (Mar 1–15), 16 at 0.10% (Mar 16–31);
 * 2024 is a leap year, Y = 366. Net assets 2,000,000.00 every business day (Good Friday Mar 29 and
 * the weekends carry the latest row). Providers: DLR-1 (dealer, no own rate) holds 1,000,000.00;
 * BNK-1 (bank, own rate 0.15%) holds 500,000.00.
 *
 *   class:  Mar 1–15  2,000,000 × 0.25% / 366 = 5,000/366 = 13.6612 → 13.66 × 15 = 204.90
 *           Mar 16–31 2,000,000 × 0.10% / 366 = 2,000/366 =  5.4644 →  5.46 × 16 =  87.36   → 292.26
 *   DLR-1:  lowest(0.25, 0.25, —) = 0.25%: 2,500/366 = 6.8306 → 6.83 × 15 = 102.45
 *           lowest(0.25, 0.10, —) = 0.10%: 1,000/366 = 2.7322 → 2.73 × 16 =  43.68       → 146.13
 *   BNK-1:  lowest(0.25, 0.25, 0.15) = 0.15%:  750/366 = 2.0491 → 2.05 × 15 = 30.75
 *           lowest(0.25, 0.10, 0.15) = 0.10%:  500/366 = 1.3661 → 1.37 × 16 = 21.92        →  52.67
 *   Distributor keeps 292.26 − 146.13 − 52.67 = 93.46; providers 146.13 + 52.67 = 198.80
 */
const march = businessDays('2024-03-01', '2024-03-31');

describe('service fee rate with a Board-set class rate below an own rate (SPEC §5)', () => {
  it('each provider is paid at the lowest of the three, day by day', async () => {
    expect(march).toHaveLength(20); // 21 weekdays less Good Friday
    const area = workArea('provider-rate');
    // the run's migrated store, copied (test/support/databases.ts): a store the CLI creates is other files' subject
    await freshDatabase('pglite', area.dir);
    await ok(area.db, [
      'exhibit',
      'import',
      area.file('plan.txt', PLAN_TEXT),
      area.file('am1.txt', AMENDMENT_1_TEXT),
    ]);
    await ok(area.db, [
      'net-assets',
      'import',
      area.file(
        'na.csv',
        `date,portfolio,class,net_assets\n${march.map((d) => `${d},${GROWTH},C,2000000.00`).join('\n')}\n`,
      ),
    ]);
    await ok(area.db, [
      'providers',
      'import',
      area.file(
        'providers.csv',
        'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Dealer One,dealer,2024-01-02,,\nBNK-1,Bank One,bank,2024-01-02,0.15,\n',
      ),
    ]);
    await ok(area.db, [
      'provider-assets',
      'import',
      area.file(
        'assets.csv',
        `date,provider,portfolio,class,net_assets\n${march
          .flatMap((d) => [`${d},DLR-1,${GROWTH},C,1000000.00`, `${d},BNK-1,${GROWTH},C,500000.00`])
          .join('\n')}\n`,
      ),
    ]);
    await ok(area.db, [
      'rates',
      'set',
      '--portfolio',
      GROWTH,
      '--class',
      'C',
      '--from',
      '2024-03-16',
      '--service-fee',
      '0.10',
    ]);
    const sf = (await ok(area.db, ['service-fees', '--month', '2024-03', '--json'])) as {
      providers: {
        id: string;
        amount: string;
        classes: { days: number; ratePct: string; amount: string }[];
      }[];
      classes: { serviceFee: string; providerFees: string; distributorRetained: string; providers: number }[];
      totals: { serviceFee: string; providerFees: string; distributorRetained: string };
    };
    const byId = Object.fromEntries(sf.providers.map((p) => [p.id, p]));
    expect(byId['DLR-1']?.amount).toBe('146.13');
    // one line per rate of the month, in the order of the days (SPEC §5: a monthly statement; the
    // rate that governed Mar 1–15 reads before the one from Mar 16): 15 days at 0.25%, 16 at 0.10%
    const lines = (id: string) => byId[id]?.classes.map((c) => [c.days, c.ratePct, c.amount]);
    expect(lines('DLR-1')).toEqual([
      [15, '0.25', '102.45'],
      [16, '0.10', '43.68'],
    ]);
    expect(byId['BNK-1']?.amount).toBe('52.67');
    expect(lines('BNK-1')).toEqual([
      [15, '0.15', '30.75'],
      [16, '0.10', '21.92'],
    ]);
    expect(sf.classes).toEqual([
      expect.objectContaining({
        serviceFee: '292.26',
        providerFees: '198.80',
        distributorRetained: '93.46',
        providers: 2,
      }),
    ]);
    expect(sf.totals).toEqual({ serviceFee: '292.26', providerFees: '198.80', distributorRetained: '93.46' });
    // the CSV (and so the statements and the sealed part) in the same order
    const csvLines = ((await ok(area.db, ['service-fees', '--month', '2024-03', '--csv'])) as string)
      .trim()
      .split('\n')
      .slice(1)
      .map((l) =>
        l
          .split(',')
          .filter((_, i) => i === 0 || i === 6)
          .join(' '),
      );
    expect(csvLines).toEqual(['BNK-1 0.15', 'BNK-1 0.10', 'DLR-1 0.25', 'DLR-1 0.10']);
    // the class's own fee as `fees` accrues it agrees with the service-fee report's
    const fees = (await ok(area.db, ['fees', '--from', '2024-03-01', '--to', '2024-03-31', '--json'])) as {
      classes: { serviceFee: string; distributionFee: string }[];
    };
    // ABSC 0.50% (Amendment No. 1): 10,000/366 = 27.3224 → 27.32 × 31 = 846.92
    expect(fees.classes.map((c) => [c.serviceFee, c.distributionFee])).toEqual([['292.26', '846.92']]);
  });
});
