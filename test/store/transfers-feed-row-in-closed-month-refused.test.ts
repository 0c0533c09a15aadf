import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { ProblemsError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importOmnibusMonths } from '../../src/feeds/omnibusFeed.js';
import { importTransfers, recordTransferNotice } from '../../src/feeds/transfersFeed.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadTransferRows } from '../../src/store/transfersRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

const TRANSFERS_HEADER =
  'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent,ends';
const transfers = (...rows: string[]) => Buffer.from([TRANSFERS_HEADER, ...rows].join('\n'));
const OMNIBUS_HEADER =
  'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding';

async function refusal(p: Promise<unknown>): Promise<ProblemsError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ProblemsError);
  return e as ProblemsError;
}

describe.skipIf(!seedsAvailable).each(dialects)('a closed month and the transfers feed on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    // The Class B agreement only (003), and AIM Blue Chip Fund's Class B net assets for January 2004.
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('003_')),
    );
    const na = businessDaysBetween('2004-01-02', '2004-01-30').map(
      (d) => `${d},AIM Blue Chip Fund,B,36600000.00`,
    );
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...na].join('\n')));
    await importAccounts(
      db,
      'accounts.csv',
      Buffer.from('account,omnibus,dealer_of_record\nO1,yes,Dealer One'),
    );
    // Recorded while January was open: 20% of the 12b-1 Share of AIM Blue Chip Fund from the 10th.
    await importTransfers(
      db,
      'tr.csv',
      transfers(
        'T9,Gamma Funding LLC,"3 Pine Street, New York NY",AIM Blue Chip Fund,20,,,,2004-01-10,,direct,,',
      ),
    );
    await closeMonth(db, '2004-01', MONTH_CLOSE_STEPS);
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('the sealed month, computed by hand', async () => {
    const mc = await monthlyCalculationReport(db, '2004-01');
    // 2004 is a leap year: 36,600,000.00 × 0.75% / 366 = 750.00 a day, from the first row (Jan 2)
    // through Jan 31 (Sat 31 carries Fri 30): 30 days = 22,500.00, all the Distributor's (exclusive).
    // T9 from Jan 10: 22 days × 750.00 × 20% = 3,300.00; the Distributor keeps 19,200.00. No notice
    // yet, so the Fund pays T9's portion to the Distributor, which owes it on (SPEC §8).
    expect(mc.portfolios).toEqual([
      expect.objectContaining({
        portfolio: 'AIM Blue Chip Fund',
        distributionFee: '22500.00',
        distributor12b1Share: '22500.00',
        distributor12b1Portion: '19200.00',
        assignees: [
          expect.objectContaining({
            transferId: 'T9',
            twelveB1Portion: '3300.00',
            payTo: 'Distributor',
            owedOnToAssignee: '3300.00',
          }),
        ],
      }),
    ]);
  });

  it('refuses a Transfer, an end, a notice or an omnibus month in or before the closed month (68); January is unchanged', async () => {
    const before = await monthlyCalculationReport(db, '2004-01');
    const rowsBefore = await loadTransferRows(db);

    const inJanuary = await refusal(
      importTransfers(db, 'late.csv', transfers('T1,Alpha LLC,"1 Main St",all,50,,,,2004-01-15,,direct,,')),
    );
    expect(inJanuary.exitCode).toBe(68);
    expect(inJanuary.problems).toEqual([
      expect.objectContaining({ code: 'REFUSED', file: 'late.csv', line: 2, value: '2004-01-15' }),
    ]);
    expect(inJanuary.message).toMatch(/2004-01 is closed/);
    // In force from December, it would govern January's days too.
    const fromDecember = await refusal(
      importTransfers(db, 'dec.csv', transfers('T2,Beta LP,"2 Wall St",all,10,,,,2003-12-01,,direct,,')),
    );
    expect(fromDecember.problems.map((p) => [p.code, p.line])).toEqual([['REFUSED', 2]]);
    // Ending T9 on January 20th would take 12 of its days away from the sealed month.
    const end = await refusal(importTransfers(db, 'end.csv', transfers('E1,,,,,,,,2004-01-20,,,,T9')));
    expect(end.problems.map((p) => [p.code, p.line])).toEqual([['REFUSED', 2]]);
    await expect(recordTransferNotice(db, 'T9', '2004-01-25')).rejects.toMatchObject({
      code: 'REFUSED',
      exitCode: 68,
    });
    const omnibus = await refusal(
      importOmnibusMonths(
        db,
        'omnibus.csv',
        Buffer.from(
          [OMNIBUS_HEADER, '2004-01,O1,AIM Blue Chip Fund,1,0,1', '2003-11,O1,AIM Blue Chip Fund,1,0,1'].join(
            '\n',
          ),
        ),
      ),
    );
    expect(omnibus.problems.map((p) => [p.code, p.line])).toEqual([
      ['REFUSED', 2],
      ['REFUSED', 3],
    ]);

    expect(await loadTransferRows(db)).toEqual(rowsBefore);
    expect(await monthlyCalculationReport(db, '2004-01')).toEqual(before);

    // February is open: a Transfer from February 1st, and the end of T9 from then, are accepted.
    expect(
      await importTransfers(
        db,
        'feb.csv',
        transfers('T1,Alpha LLC,"1 Main St",all,50,,,,2004-02-01,,direct,,', 'E1,,,,,,,,2004-02-01,,,,T9'),
      ),
    ).toEqual({ inserted: 2, unchanged: 0 });
    expect(await monthlyCalculationReport(db, '2004-01')).toEqual(before);
  });
});
