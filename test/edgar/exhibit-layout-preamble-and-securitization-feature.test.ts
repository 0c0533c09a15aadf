import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A Class B plan of the "securitization feature" kind, as retrieved with a preamble above the
// exhibit (filer, form and exhibit type, as some archives and full submissions carry).
const body = `<PAGE>   1
                                                                    EXHIBIT m(5)

                            MASTER DISTRIBUTION PLAN
                                       OF
                                 EXAMPLE ADVISOR FUNDS

                                (CLASS B SHARES)
                            (SECURITIZATION FEATURE)

         SECTION 1. Example Advisor Funds (the "Fund") may pay for distribution of the Class B
Shares of the Portfolios set forth in Schedule A to this plan (the "Plan").

Effective as of June 1, 2000.

<PAGE>   2
                                   SCHEDULE A
                                       TO
                            MASTER DISTRIBUTION PLAN
                                       OF
                                 EXAMPLE ADVISOR FUNDS
                                (CLASS B SHARES)
                            (SECURITIZATION FEATURE)

<TABLE>
<CAPTION>
                                               MAXIMUM
                                                ASSET
                                                BASED       MAXIMUM       MAXIMUM
                                                SALES       SERVICE      AGGREGATE
PORTFOLIO                                       CHARGE        FEE           FEE
---------                                      -------      -------      ---------
<S>                                            <C>          <C>          <C>
Example Flex Fund                               0.75%        0.25%         1.00%
Example Real Estate Fund                        0.75%        0.25%         1.00%
</TABLE>
`;

describe('exhibit layouts: a preamble above the exhibit, a "(SECURITIZATION FEATURE)" line', () => {
  const variants: [string, string][] = [
    ['plain', body],
    [
      'archive preamble',
      `EXAMPLE ADVISOR FUNDS INC\n485APOS, EX-99.M5, 2000-07-12\nPrevious: EX-99.M3\nNext: EX-99.M11\n\n\n${body}`,
    ],
    [
      'SGML submission wrapper',
      `<DOCUMENT>\n<TYPE>EX-99.M5\n<SEQUENCE>5\n<FILENAME>ex99-m5.txt\n<TEXT>\n${body}</TEXT>\n</DOCUMENT>\n`,
    ],
  ];
  for (const [name, text] of variants) {
    it(`reads the ${name} version the same way`, () => {
      const doc = parseExhibit(text, `${name}.txt`);
      expect(doc.kind).toBe('plan');
      expect(doc.exhibit).toBe('m(5)');
      expect(doc.title).toBe(
        'Master Distribution Plan of Example Advisor Funds (Class B Shares) (Securitization Feature)',
      );
      expect(doc.instrument).toMatchObject({
        kind: 'plan',
        registrant: 'Example Advisor Funds',
        classes: ['B'],
      });
      expect(doc.effectiveDate).toBe('2000-06-01');
      expect(
        doc.schedules[0]!.entries.map((e) => [
          e.registrant,
          e.portfolio,
          e.class,
          e.assetBasedSalesChargePct,
          e.assetBasedSalesChargeBound,
        ]),
      ).toEqual([
        ['Example Advisor Funds', 'Example Flex Fund', 'B', '0.75', 'maximum'],
        ['Example Advisor Funds', 'Example Real Estate Fund', 'B', '0.75', 'maximum'],
      ]);
    });
  }
});
