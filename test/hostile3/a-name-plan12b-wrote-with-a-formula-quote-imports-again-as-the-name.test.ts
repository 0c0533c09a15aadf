import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { cellReadBack, isFormulaLike, neutralisedCell } from '../../src/cli/csvOut.js';
import { sheetCsv } from '../../src/cli/tabularOutput.js';
import { importClassBTerms, listClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { classBTermsSheet, transfersSheet } from '../../src/reports/xlsxSheets.js';
import type { Database } from '../../src/store/database.js';
import { loadTransferRows } from '../../src/store/transfersRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * OWASP CSV injection: plan12b writes a formula-like cell (a name beginning with = + - @) with a
 * single quote before it. FORMATS.md: `class-b-terms list --csv` "imports again unchanged" — so a
 * name read from a feed takes that quote off again, and the quoted name is the name.
 */

describe('a cell read back', () => {
  it('is the text plan12b neutralised, for any text that does not itself begin with a quote', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !s.startsWith("'")),
        (s) => cellReadBack(neutralisedCell(s)) === s,
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["'@Small Cap Fund", '@Small Cap Fund'],
    ["'-Dividend Value Fund", '-Dividend Value Fund'],
    ["'=1+2", '=1+2'],
    // not quoted by plan12b: kept as written
    ["'Harbor Fund", "'Harbor Fund"],
    ["'-12.50", "'-12.50"],
    ["O'Neil Fund", "O'Neil Fund"],
  ])('%j reads as %j', (cell, name) => {
    expect(isFormulaLike(cell.slice(1))).toBe(cell !== name);
    expect(cellReadBack(cell)).toBe(name);
  });
});

const AGREEMENT = `                     MASTER DISTRIBUTION AGREEMENT

                               (CLASS B SHARES)

      SECTION 1. Each registered investment company listed on the schedules to
this Agreement (the "Fund") adopts this Agreement pursuant to Rule 12b-1 under
the Investment Company Act of 1940 with respect to the Class B Shares of each
Portfolio named on Schedule A.

      The Fund shall pay to the Distributor an asset-based sales charge in an
amount equal to 0.75% per annum of the average daily net assets of the Class B
Shares, and a service fee in the amount of .25% per annum.

      This Agreement is dated as of January 2, 2024 and shall become effective on
January 2, 2024.

                                  SCHEDULE A
                                      TO
                      THE MASTER DISTRIBUTION AGREEMENT

      SUMMIT EQUITY FUNDS

      @Small Cap Fund
      -Dividend Value Fund
      Summit Capital Growth Fund

Dated: January 2, 2024
`;

describe.each(dialects)('class-b-terms list --csv of formula-like portfolio names on %s', (dialect) => {
  let tdb: TestDatabase | undefined;
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('quotes the names, and imports again unchanged', async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(db, [{ fileName: 'agreement.txt', bytes: Buffer.from(AGREEMENT, 'utf8') }]);
    const terms = [
      'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days',
      'redemption-fee,@Small Cap Fund,,,,,2.00,30',
      'conversion-period,-Dividend Value Fund,,,,6,,',
    ].join('\n');
    expect(await importClassBTerms(db, 'terms.csv', Buffer.from(terms))).toMatchObject({ inserted: 2 });
    const csv = sheetCsv(classBTermsSheet(await listClassBTerms(db)));
    expect(csv.split('\n')).toEqual([
      'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days',
      "conversion-period,'-Dividend Value Fund,,,,6,,",
      "redemption-fee,'@Small Cap Fund,,,,,2.00,30",
    ]);
    expect(await importClassBTerms(db, 'terms-listed.csv', Buffer.from(csv))).toMatchObject({
      inserted: 0,
      unchanged: 2,
    });
  });

  it('transfers list --csv of a Transfer whose id, Assignee and address begin with - @ = imports again unchanged', async () => {
    // before: the listed file imported as a second Transfer "'-TR-X" to "'@Capital Trust", the
    // Assignee's 5% of the 12b-1 Share and of the Earned CDSC made 10%
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(db, [{ fileName: 'agreement.txt', bytes: Buffer.from(AGREEMENT, 'utf8') }]);
    const transfer = [
      'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
      '-TR-X,@Capital Trust,"=1 Main St, Wilmington",all,5,5,,,2024-02-01,,direct,',
    ].join('\n');
    expect(await importTransfers(db, 'transfers.csv', Buffer.from(transfer))).toMatchObject({ inserted: 1 });
    const csv = sheetCsv(transfersSheet(await loadTransferRows(db)));
    expect(csv.split('\n')[1]).toBe(
      `'-TR-X,'@Capital Trust,"'=1 Main St, Wilmington",all,5.00,5.00,,,2024-02-01,,direct,,`,
    );
    expect(await importTransfers(db, 'transfers-listed.csv', Buffer.from(csv))).toMatchObject({
      inserted: 0,
      unchanged: 1,
    });
    expect((await loadTransferRows(db)).map((t) => [t.id, t.assignee])).toEqual([
      ['-TR-X', '@Capital Trust'],
    ]);
  });
});
