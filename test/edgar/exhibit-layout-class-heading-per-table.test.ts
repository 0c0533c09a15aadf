import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

describe('a class heading above each table ("CLASS C SHARES"), registrant from the title', () => {
  it('reads each table in its class with the bound its own heading states', () => {
    const text = `                           MASTER DISTRIBUTION PLAN
                                       OF
                               AIM INVESTMENT FUNDS

                      (CLASS A SHARES AND CLASS C SHARES)

        SECTION 1. AIM Investment Funds, a Delaware statutory trust (the "Fund"),
may act as a distributor of the Shares pursuant to Rule 12b-1 under the
Investment Company Act of 1940. This Plan is made as of May 1, 2004.

                                   SCHEDULE A
                                       TO
                            MASTER DISTRIBUTION PLAN
                                       OF
                              AIM INVESTMENT FUNDS

CLASS A SHARES

                                            MINIMUM
                                             ASSET
PORTFOLIO                                    BASED        MAXIMUM       MAXIMUM
                                             SALES        SERVICE      AGGREGATE
                                            CHARGE          FEE           FEE
--------------                              -------       -------      ---------
AIM Developing Markets Fund                  0.10%         0.25%         0.35%
AIM Libra Fund                               0.00%         0.25%         0.25%

CLASS C SHARES

                                            MAXIMUM
                                             ASSET
PORTFOLIO                                    BASED        MAXIMUM       MAXIMUM
                                             SALES        SERVICE      AGGREGATE
                                            CHARGE          FEE           FEE
--------------                              -------       -------      ---------
AIM Developing Markets Fund                  0.75%         0.25%         1.00%
`;
    const doc = parseExhibit(text, 'class-heading.txt');
    expect(doc.kind).toBe('plan');
    expect(doc.instrument).toEqual({
      kind: 'plan',
      title: 'Master Distribution Plan',
      registrant: 'AIM Investment Funds',
      classes: ['A', 'C'],
      datedAsOf: '2004-05-01',
    });
    expect(doc.effectiveDate).toBe('2004-05-01');
    expect(rows(doc)).toEqual([
      'AIM Investment Funds | AIM Developing Markets Fund | A | 0.10 minimum | 0.25 | 0.35',
      'AIM Investment Funds | AIM Libra Fund | A | 0.00 minimum | 0.25 | 0.25',
      'AIM Investment Funds | AIM Developing Markets Fund | C | 0.75 maximum | 0.25 | 1.00',
    ]);
  });
});
