import { businessDaysBetween } from '../../../src/calendar/nyseCalendar.js';

/**
 * AIM Value Fund Class C, January 2007, under the Sixth A&R Master Distribution Plan of AIM Funds
 * Group (seed 002: service fee 0.25%); 365-day year. The class's net assets are those of
 * test/cli/fees-worked-example-weekend-holiday.test.ts: class service fee 7,850.01.
 *
 * DLR-1 (dealer, Exhibit A, no own rate): customers hold 14,600,000.00, except Friday Jan 12 =
 * 14,600,730.00 (carried over Sat 13, Sun 14 and Mon 15, MLK Day). Written notice on Jan 5,
 * termination effective Jan 16: in force Jan 1–15 (15 days).
 *   14,600,000.00 × 0.25% / 365 = 100.00                      (11 days: Jan 1–11)
 *   14,600,730.00 × 0.25% / 365 = 100.005 → 100.01 (half-up)  (4 days: Jan 12–15)
 *   amount = 11 × 100.00 + 4 × 100.01 = 1,500.04
 *   ADNA = (11 × 14,600,000.00 + 4 × 14,600,730.00) / 15 = 219,002,920.00 / 15
 *        = 14,600,194.666… → 14,600,194.67
 *
 * BNK-1 (bank, Exhibit B, own rate 0.15% — below the class's 0.25%): customers hold 7,300,000.00,
 * and 10,950,000.00 from Monday Jan 22.
 *   7,300,000.00 × 0.15% / 365 = 30.00   (21 days: Jan 1–21)
 *   10,950,000.00 × 0.15% / 365 = 45.00  (10 days: Jan 22–31)
 *   amount = 21 × 30.00 + 10 × 45.00 = 1,080.00
 *   ADNA = (21 × 7,300,000.00 + 10 × 10,950,000.00) / 31 = 262,800,000.00 / 31
 *        = 8,477,419.354… → 8,477,419.35
 *
 * Σ provider fees = 1,500.04 + 1,080.00 = 2,580.04
 * The Distributor keeps 7,850.01 − 2,580.04 = 5,269.97.
 */
export const WORKED_PROVIDERS_CSV = [
  'id,name,kind,agreement_date,own_rate_pct,terminated_on',
  'DLR-1,Dealer One Securities,dealer,2006-01-01,,',
  'BNK-1,Second National Bank,bank,2006-06-01,0.15,',
].join('\n');

export function workedNetAssetsCsv(): string {
  const rows = ['date,portfolio,class,net_assets', '2006-12-29,AIM Value Fund,C,36500000.00'];
  for (const d of businessDaysBetween('2007-01-01', '2007-01-31')) {
    const na = d === '2007-01-12' ? '40150000.00' : d === '2007-01-31' ? '36500730.00' : '36500000.00';
    rows.push(`${d},AIM Value Fund,C,${na}`);
  }
  return `${rows.join('\n')}\n`;
}

export function workedProviderAssetsCsv(): string {
  const rows = [
    'date,provider,portfolio,class,net_assets',
    '2006-12-29,DLR-1,AIM Value Fund,C,14600000.00',
    '2006-12-29,BNK-1,AIM Value Fund,C,7300000.00',
  ];
  for (const d of businessDaysBetween('2007-01-01', '2007-01-31')) {
    rows.push(`${d},DLR-1,AIM Value Fund,C,${d === '2007-01-12' ? '14600730.00' : '14600000.00'}`);
    rows.push(`${d},BNK-1,AIM Value Fund,C,${d >= '2007-01-22' ? '10950000.00' : '7300000.00'}`);
  }
  return `${rows.join('\n')}\n`;
}

export const WORKED_EXPECTED = {
  providers: [
    {
      id: 'BNK-1',
      amount: '1080.00',
      classes: [
        {
          portfolio: 'AIM Value Fund',
          portfolioId: 'aim-value-fund',
          class: 'C',
          days: 31,
          averageDailyNetAssets: '8477419.35',
          ratePct: '0.15',
          amount: '1080.00',
        },
      ],
    },
    {
      id: 'DLR-1',
      amount: '1500.04',
      classes: [
        {
          portfolio: 'AIM Value Fund',
          portfolioId: 'aim-value-fund',
          class: 'C',
          days: 15,
          averageDailyNetAssets: '14600194.67',
          ratePct: '0.25',
          amount: '1500.04',
        },
      ],
    },
  ],
  classes: [
    {
      portfolio: 'AIM Value Fund',
      portfolioId: 'aim-value-fund',
      class: 'C',
      serviceFee: '7850.01',
      providerFees: '2580.04',
      distributorRetained: '5269.97',
      providers: 2,
    },
  ],
  totals: { serviceFee: '7850.01', providerFees: '2580.04', distributorRetained: '5269.97' },
} as const;
