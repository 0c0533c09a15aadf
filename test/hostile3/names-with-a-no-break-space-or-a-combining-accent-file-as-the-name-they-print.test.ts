import { afterEach, describe, expect, it } from 'vitest';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { spellingVariantProblems } from '../../src/registry/nameSpelling.js';
import { nameKey } from '../../src/registry/portfolioName.js';
import { instrumentKey } from '../../src/registry/storedDocument.js';
import { feesReport } from '../../src/reports/feesReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * SPEC §2: names match case-insensitively with whitespace collapsed, any name a portfolio ever had
 * resolves to it, and import order never changes the result. A feed may write a name with a
 * no-break space (U+00A0, as a spreadsheet pastes it) or with "é" as "e" and a combining accent
 * (U+0301, as macOS file names and some exports decompose it): it prints as the same name and is
 * the same portfolio, before and after a later document reveals that portfolio's first name.
 */

const NFD_CAFE = 'Cafe\u0301';
const NFC_CAFE = 'Caf\u00e9';

const table = (rows: string[]) =>
  [
    '<TABLE>',
    '<CAPTION>',
    '                                                     MINIMUM',
    '                                                      ASSET',
    '                                                      BASED        MAXIMUM       MAXIMUM',
    '                                                      SALES        SERVICE      AGGREGATE',
    '      PORTFOLIO - CLASS A SHARES                     CHARGE          FEE           FEE',
    '                                                     -------       -------       -------',
    '<S>                                                    <C>           <C>           <C>',
    ...rows.map((name) => `      ${name.padEnd(46)}0.10%         0.25%         0.35%`),
    '</TABLE>',
  ].join('\n');

const PLAN = `                           MASTER DISTRIBUTION PLAN

                               (CLASS A SHARES)

      SECTION 1. Each registered investment company listed on the schedules to
this Plan (the "Fund") adopts this Plan pursuant to Rule 12b-1 under the
Investment Company Act of 1940 with respect to the Class A Shares of each
Portfolio named on Schedule A.

      This Plan is dated as of January 2, 2024 and shall become effective on
January 2, 2024.

                                  SCHEDULE A
                                      TO
                         THE MASTER DISTRIBUTION PLAN

      HARBOR SECTOR FUNDS, INC.
      -------------------------

${table(['Harbor Energy Fund', `Harbor ${NFC_CAFE} Fund`])}

Dated: January 2, 2024
`;

const AMENDMENT = `                               AMENDMENT NO. 1
                       TO THE MASTER DISTRIBUTION PLAN

                               (CLASS A SHARES)

      The Master Distribution Plan (the "Plan"), dated as of January 2, 2024,
pursuant to Rule 12b-1, is hereby amended, effective April 1, 2025, as
follows:

      WHEREAS, the parties desire to amend the Plan to rename each Harbor Fund
by replacing "Harbor" with "Summit";

      NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety
and replaced with the following:

                                 "SCHEDULE A
                                      TO
                         THE MASTER DISTRIBUTION PLAN

      SUMMIT SECTOR FUNDS, INC.
      -------------------------

${table(['Summit Energy Fund', `Summit ${NFC_CAFE} Fund`])}
"
`;

const file = (fileName: string, text: string) => ({ fileName, bytes: Buffer.from(text, 'utf8') });

// 3,650,000.00 × 0.10% / 365 = 10.00 a day of distribution fee; × 0.25% / 365 = 25.00 of
// service fee; one day (2025-04-01, a Tuesday) of each class
const NET_ASSETS = [
  'date,portfolio,class,net_assets',
  '2025-04-01,Summit\u00a0Energy Fund,A,3650000.00',
  `2025-04-01,Summit ${NFD_CAFE} Fund,A,3650000.00`,
].join('\n');

describe('a name key is the composed form of the name', () => {
  it('é and e with a combining accent are one key; the key of an unaccented name is unchanged', () => {
    expect(NFD_CAFE).not.toBe(NFC_CAFE);
    expect(nameKey(`Summit ${NFD_CAFE}  Fund`)).toBe(nameKey(`SUMMIT ${NFC_CAFE.toUpperCase()} FUND`));
    expect(nameKey(' Summit\u00a0Energy  Fund ')).toBe('summit energy fund');
  });
});

describe.each(dialects)('net assets under a name written otherwise than the document on %s', (dialect) => {
  let tdb: TestDatabase | undefined;
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it.each([
    ['the plan, then the amendment, then the net assets', ['plan', 'amendment', 'net-assets']],
    ['the amendment, then the net assets, then the plan', ['amendment', 'net-assets', 'plan']],
  ])(
    '%s: both classes accrue, under the first names',
    async (_, order) => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      for (const step of order) {
        if (step === 'plan') await importExhibits(db, [file('plan.txt', PLAN)]);
        if (step === 'amendment') await importExhibits(db, [file('amendment-1.txt', AMENDMENT)]);
        if (step === 'net-assets') await importNetAssets(db, 'na.csv', Buffer.from(NET_ASSETS, 'utf8'));
      }
      const fees = await feesReport(db, { from: '2025-04-01', to: '2025-04-01' });
      expect(
        fees.classes.map((c) => [
          c.portfolioId,
          c.class,
          c.days,
          c.distributionFee,
          c.serviceFee,
          c.totalFee,
        ]),
      ).toEqual([
        ['harbor-caf-fund', 'A', 1, '10.00', '25.00', '35.00'],
        ['harbor-energy-fund', 'A', 1, '10.00', '25.00', '35.00'],
      ]);
      expect(fees.warnings).toEqual([]);
    },
    120_000,
  );
});

describe('a party known by its name (a distributor, an Assignee)', () => {
  it('written with a combining accent is the recorded name spelt otherwise, refused on its line', () => {
    const problems = spellingVariantProblems(
      [
        { line: 2, field: 'distributor', name: 'Socie\u0301te\u0301 Distributors' },
        { line: 3, field: 'distributor', name: 'SUMMIT  Distributors' },
      ],
      [`Soci\u00e9t\u00e9 Distributors`, 'Summit Distributors'],
      'distributor',
      'd.csv',
    );
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [
        2,
        `"Socie\u0301te\u0301 Distributors" differs from the distributor "Soci\u00e9t\u00e9 Distributors" (recorded) only by case, spacing or how its accented letters are encoded (é as one character, or as e and a combining accent); write it as "Soci\u00e9t\u00e9 Distributors" (two spellings would be two distributors)`,
      ],
      [
        3,
        '"SUMMIT  Distributors" differs from the distributor "Summit Distributors" (recorded) only by case or spacing; write it as "Summit Distributors" (two spellings would be two distributors)',
      ],
    ]);
  });
});

describe('an instrument named by its Registrant', () => {
  it('is one instrument whether the Registrant is written with "é" or with "e" and a combining accent', () => {
    const ref = (registrant: string) => ({
      kind: 'plan' as const,
      title: `Master Distribution Plan of ${registrant}`,
      registrant,
      classes: ['A'],
      datedAsOf: '2024-01-02',
    });
    expect(instrumentKey(ref('Fonds Soci\u00e9t\u00e9 Trust'))).toBe(
      instrumentKey(ref('FONDS  Socie\u0301te\u0301 Trust')),
    );
    expect(instrumentKey(ref('Fonds Soci\u00e9t\u00e9 Trust'))).toBe(
      'plan|fonds soci\u00e9t\u00e9 trust|a|2024-01-02',
    );
  });
});
