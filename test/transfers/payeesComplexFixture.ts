import { createApiToken } from '../../src/api/apiTokens.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { withActor } from '../../src/store/actor.js';
import type { Database } from '../../src/store/database.js';
import type { TestDatabase } from '../support/databases.js';

/**
 * A small Class B complex whose January 2025 every figure below is computed by hand.
 *
 * Summit Distributors Inc. is exclusive distributor until 2024-11-30 (the term end E); the Other
 * Distributor LLC from 2024-12-01. Commission Shares of Summit Capital Growth Fund (FUND):
 *   P1 2024-02-01 A1 300 @ 10.00 (Summit's term; DOI in Alpha's range 2024-01-01 – 2024-06-30)
 *   P2 2024-09-03 A1 300 @ 10.00 (Summit's term; outside the range)
 *   P3 2024-12-02 A2 200 @ 10.00 (the Other Distributor's term)
 * and of Summit Dividend Value Fund (FUND2): P4 2024-03-01 A3 100 @ 10.00 (Summit's).
 * The computation of 2024-12-31 (governing January): FUND 600 : 200 → Summit 75%, Other 25%;
 * FUND2 100 : 0 → Summit 100%.
 * R1 2025-01-15: A1 redeems 100 FUND shares @ 12.00 — the oldest Commission Shares first, P1
 * (DOI 2024-02-01, first year: 5%): CDSC 5% × min(cost 1,000.00, value 1,200.00) = 50.00, earned by Summit.
 *
 * Net assets, every business day of January from the 2nd (the class begins then; Jan 1 accrues
 * nothing): FUND 36,500,000.00 → 36,500,000.00 × 0.75% / 365 = 750.00 a day, service 250.00;
 * FUND2 3,650,000.00 → 75.00 a day, service 25.00. 30 days: FUND 22,500.00, FUND2 2,250.00.
 *
 * Transfers (notice received, paid directly):
 *   A  Alpha Funding LLC: FUND only, 40% of the 12b-1 Share and 50% of the Earned CDSC for DOI
 *      2024-01-01 – 2024-06-30, effective 2024-06-01.
 *   B  Beta Capital LP: all portfolios, 10% of the 12b-1 Share, effective 2024-06-01.
 *
 * Service provider DLR-1 (dealer) holds 10,000,000.00 of FUND class B every business day of
 * January: 10,000,000.00 × 0.25% / 365 = 68.4931… → 68.49 a day.
 */
export const FUND = 'Summit Capital Growth Fund';
export const FUND2 = 'Summit Dividend Value Fund';
export const SUMMIT = 'Summit Distributors Inc.';
export const OTHER = 'Other Distributor LLC';
export const ALPHA = 'Alpha Funding LLC';
export const BETA = 'Beta Capital LP';

const csv = (rows: string[]) => Buffer.from(rows.join('\n'));

export function netAssetsRows(from: string, to: string, amounts: Record<string, string>): Buffer {
  return csv([
    'date,portfolio,class,net_assets',
    ...businessDaysBetween(from, to).flatMap((d) =>
      Object.entries(amounts).map(([fund, amount]) => `${d},${fund},B,${amount}`),
    ),
  ]);
}

export function providerAssetsRows(from: string, to: string, amount: string): Buffer {
  return csv([
    'date,provider,portfolio,class,net_assets',
    ...businessDaysBetween(from, to).map((d) => `${d},DLR-1,${FUND},B,${amount}`),
  ]);
}

export async function buildPayeesComplex(db: Database): Promise<void> {
  await importExhibits(
    db,
    demoExhibits().map(({ fileName, doc }) => ({
      fileName,
      bytes: Buffer.from(renderExhibit(doc, { marked: false })),
    })),
  );
  await importAccounts(
    db,
    'accounts.csv',
    csv(['account,omnibus,dealer_of_record', 'A1,no,Dealer One', 'A2,no,Dealer Two', 'A3,no,Dealer One']),
  );
  await importDistributors(
    db,
    'distributors.csv',
    csv([
      'portfolio,distributor,start,end',
      `all,${SUMMIT},2024-01-02,2024-11-30`,
      `all,${OTHER},2024-12-01,`,
    ]),
  );
  await importTransactions(
    db,
    'transactions.csv',
    csv([
      'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
      `2024-02-01,P1,A1,${FUND},B,purchase,300,10,,`,
      `2024-03-01,P4,A3,${FUND2},B,purchase,100,10,,`,
      `2024-09-03,P2,A1,${FUND},B,purchase,300,10,,`,
      `2024-12-02,P3,A2,${FUND},B,purchase,200,10,,`,
      `2025-01-15,R1,A1,${FUND},B,redeem,100,12,,`,
    ]),
  );
  await importTransfers(
    db,
    'transfers.csv',
    csv([
      'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
      `A,${ALPHA},"1 Main Street, Wilmington, DE",${FUND},40,50,2024-01-01,2024-06-30,2024-06-01,2024-06-01,direct,`,
      `B,${BETA},"2 Broad Street, New York, NY",,10,,,,2024-06-01,2024-06-01,direct,`,
    ]),
  );
  await importProviders(
    db,
    'providers.csv',
    csv([
      'id,name,kind,agreement_date,own_rate_pct,terminated_on',
      'DLR-1,Granite Securities,dealer,2024-01-02,,',
    ]),
  );
  await importNetAssets(
    db,
    'na-2025-01.csv',
    netAssetsRows('2025-01-02', '2025-01-31', { [FUND]: '36500000.00', [FUND2]: '3650000.00' }),
  );
  await importProviderAssets(
    db,
    'pa-2025-01.csv',
    providerAssetsRows('2025-01-02', '2025-01-31', '10000000.00'),
  );
}

/** A fresh test store holding the payees complex and a viewer's API token; returns the token. */
export async function payeesComplexWithViewerToken(tdb: TestDatabase): Promise<string> {
  const db = await tdb.open();
  try {
    return await withActor('test setup', async () => {
      await buildPayeesComplex(db);
      return (await createApiToken(db, { name: 'reader', role: 'viewer' })).token;
    });
  } finally {
    await db.close();
  }
}
