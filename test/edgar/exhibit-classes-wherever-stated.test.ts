import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { corpusAvailable, corpusText } from './corpusDocuments.js';

const rendered = (rows: string, title = 'PLAN PURSUANT TO RULE 12B-1') => `${title}\nSCHEDULE A\n${rows}\n`;

describe('issue 11 item 3: classes wherever the document states them', () => {
  it('only in the rate column heading ("… attributable to Adviser Shares")', () => {
    const doc = parseExhibit(
      rendered(
        '|\n|\nAnnual Fee (as a % of the average daily net\n|\nName of Fund\n|\nassets of the Fund attributable to Adviser\n|\nShares)\n|\nIncome Fund\n|\n0.25%\n|\nValue Fund\n|\n0.25%',
      ),
      'usaa.htm',
    );
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Income Fund', 'Adviser', '0.25'],
      ['Value Fund', 'Adviser', '0.25'],
    ]);
  });

  it('at the end of each row label ("Target 2010 Series – Class K", "… Series - Class C"), codes beyond the seeds', () => {
    const doc = parseExhibit(
      rendered(
        '|Funds and Class\n|Maximum Fees for Distribution Services\nand Service Activities\n|Target 2010 Series – Class K\n|0.25%\n|Pro-Blend Maximum Term Series - Class L\n|1.00%\n|Core Bond Series – Class S\n|0.25%',
        'EXHIBIT A\nFee Schedule\nDated March 6, 2014',
      ).replace('SCHEDULE A\n', ''),
      'mn.htm',
    );
    expect(doc.kind).toBe('schedule');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class])).toEqual([
      ['Target 2010 Series', 'K'],
      ['Pro-Blend Maximum Term Series', 'L'],
      ['Core Bond Series', 'S'],
    ]);
    expect(doc.classes).toEqual(['K', 'L', 'S']);
  });

  it('stacked class cells ("Class C / Class R") give one entry per class, rates stacked the same way', () => {
    const doc = parseExhibit(
      `AMENDMENT NO. 3\nTO\nDISTRIBUTION AND SERVICE PLAN (COMPENSATION)\nCLASS C SHARES\nCLASS R SHARES\nThe Plan, dated as of May 24, 2019, is hereby amended, dated September 30, 2020, as follows:\n“SCHEDULE A\n|Portfolio\n|Share Class\n|Maximum Asset\nBased Sales\nCharge\n|Maximum\nShareholder\nServices Fee\n|Maximum\nAggregate Fee\n|\nInvesco Comstock Select Fund\n|\n|Class C\nClass R\n|\n|\n|0.75\n0.50\n|%\n%\n|\n|NONE\n0.25\n|\n%\n|\n|0.75\n0.50\n|%\n%”`,
      'stacked.htm',
    );
    expect(
      doc.schedules[0]!.entries.map((e) => [
        e.class,
        e.assetBasedSalesChargePct,
        e.serviceFeePct,
        e.aggregateFeePct,
      ]),
    ).toEqual([
      ['C', '0.75', '0.00', '0.75'],
      ['R', '0.50', '0.25', '0.50'],
    ]);
  });

  it.skipIf(!corpusAvailable)(
    'a class rename rule: "redesignate the Class A3 shares as Class A Shares" → A3 → A',
    () => {
      const doc = parseExhibit(corpusText('htm_rendered/19_invesco-classA-exA3-amend2-2010.txt'), '19.htm');
      expect(doc.classRenames).toEqual([{ from: 'A3', to: 'A' }]);
      expect(doc.classes).toEqual(['A']);
    },
  );
});
