import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A Heritage-style amended Schedule A filed on its own takes the latest date of its "Dated:" chain
// (SPEC §2.1, FORMATS.md). Typed as text, the chain wraps; by hand its latest date is
// September 12, 2008, wherever the line breaks — it was read as November 14, 2003, the last date
// before the break.
function schedule(datedLines: string): string {
  return `                              HERITAGE SERIES TRUST
                            CLASS C DISTRIBUTION PLAN
                               AMENDED SCHEDULE A

The Distribution Plan shall be effective with respect to the following series of
Heritage Series Trust, and the maximum annualized fee rate, as a percentage of
average daily net assets of Class C shares, shall be as follows:

Name of Series                                    Fee
--------------                                    ---
Small Cap Stock Fund                              1.00%
Growth Equity Fund                                1.00%

${datedLines}
`;
}

describe('a "Dated:" chain wrapped onto the next line', () => {
  it.each([
    [
      'Dated: March 29, 1993, as amended on August 30, 2002, on November 14, 2003 and on\nSeptember 12, 2008.',
    ],
    [
      'Dated: March 29, 1993, as amended on August 30, 2002, on November 14, 2003 and on September\n12, 2008.',
    ],
    [
      'Dated: March 29, 1993, as amended on August 30, 2002, on November 14, 2003, and\non September 12, 2008.',
    ],
    [
      'Dated: March 29, 1993, as amended on August 30, 2002, on November 14, 2003 and on September 12,\n2008.',
    ],
  ])('%s', (datedLines) => {
    const doc = parseExhibit(schedule(datedLines), 'heritage.txt');
    expect(doc.kind).toBe('schedule');
    expect(doc.effectiveDate).toBe('2008-09-12');
    expect(doc.instrument.datedAsOf).toBe('1993-03-29');
    expect(
      doc.schedules[0]!.entries.map((e) => [
        e.portfolio,
        e.class,
        e.aggregateFeePct ?? e.serviceFeePct ?? e.assetBasedSalesChargePct,
      ]),
    ).toEqual([
      ['Small Cap Stock Fund', 'C', '1.00'],
      ['Growth Equity Fund', 'C', '1.00'],
    ]);
  });

  it('the same chain on one line reads the same (as it does in HTML)', () => {
    const doc = parseExhibit(
      schedule(
        'Dated: March 29, 1993, as amended on August 30, 2002, on November 14, 2003 and on September 12, 2008.',
      ),
      'heritage.txt',
    );
    expect(doc.effectiveDate).toBe('2008-09-12');
  });
});
