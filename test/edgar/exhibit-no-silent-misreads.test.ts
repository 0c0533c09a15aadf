import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { seedsAvailable } from '../support/seeds.js';
import { amendmentWith, seedTexts } from './exhibitFixtures.js';

function refusal(text: string, file = 'x.txt'): ExhibitParseError {
  try {
    parseExhibit(text, file);
  } catch (e) {
    if (e instanceof ExhibitParseError) return e;
    throw e;
  }
  throw new Error('expected an ExhibitParseError, the document was read');
}

/** An HTML exhibit rendered one cell per line (issue 11), with the rows given. */
function rendered(rows: string): string {
  return `AMENDMENT NO. 1
TO
DISTRIBUTION AND SERVICE PLAN (COMPENSATION) (the “Plan”)
CLASS C SHARES
The Distribution and Service Plan (the “Plan”), dated as of May 24, 2019, as subsequently amended, pursuant to Rule 12b-1, is hereby amended, dated February 28, 2020, as follows:
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
“SCHEDULE A
DISTRIBUTION AND SERVICE PLAN (COMPENSATION)
AIM SECTOR FUNDS (INVESCO SECTOR FUNDS)
|Portfolio
|Share Class
|Maximum Asset
Based Sales
Charge
|Maximum
Shareholder
Services Fee
|Maximum
Aggregate Fee
${rows}`;
}

describe('issue 11: no silent misreads — what the reader cannot place is an error with its line', () => {
  it('reads a well-formed rendered row (the baseline the cases below break)', () => {
    const doc = parseExhibit(
      rendered('|\nInvesco Comstock Select Fund\n|Class C\n|0.75\n|%\n|0.25\n|%\n|1.00\n|%”'),
      'ok.txt',
    );
    expect(doc.schedules[0]!.entries).toEqual([
      {
        registrant: 'AIM SECTOR FUNDS (INVESCO SECTOR FUNDS)',
        portfolio: 'Invesco Comstock Select Fund',
        class: 'C',
        assetBasedSalesChargePct: '0.75',
        assetBasedSalesChargeBound: 'maximum',
        serviceFeePct: '0.25',
        aggregateFeePct: '1.00',
      },
    ]);
  });

  it('an entry whose portfolio is not a name (a "|", a rate, a column word) is an error naming its line', () => {
    const e = refusal(rendered('|\n|0.75\n|%\n|0.25\n|%\n|1.00\n|%\n|Class C\n|0.75\n|0.25\n|1.00”'));
    expect(e.message).toMatch(/^x\.txt:\d+: Schedule A: /);
  });

  it('a row that stops inside its rates is an error, not a shorter row', () => {
    const text = rendered(
      '|\nInvesco Comstock Select Fund\n|Class C\n|0.75\n|%\n|0.25\n|%\nInvesco Gold Fund\n|Class C\n|0.75\n|0.25\n|1.00”',
    );
    const e = refusal(text);
    expect(e.reason).toMatch(/comes inside the rates of the row above it/);
    expect(e.line).toBe(text.split('\n').indexOf('Invesco Gold Fund') + 1);
  });

  it('"25%" for "0.25%": a service fee above FINRA Rule 2341\'s 0.25% is refused, not accrued 100×', () => {
    const e = refusal(rendered('|\nInvesco Comstock Select Fund\n|Class C\n|0.75\n|%\n|25%\n|1.00\n|%”'));
    expect(e.reason).toMatch(/service fee 25\.00% is above the 0\.25% FINRA Rule 2341 allows/);
  });

  it('an asset-based sales charge above 0.75%, and an aggregate below one of its parts, are refused', () => {
    expect(refusal(rendered('|\nX Fund\n|Class C\n|1.75\n|%\n|0.25\n|%\n|2.00\n|%”')).reason).toMatch(
      /asset-based sales charge 1\.75% is above the 0\.75%/,
    );
    expect(refusal(rendered('|\nX Fund\n|Class C\n|0.75\n|%\n|0.25\n|%\n|0.50\n|%”')).reason).toMatch(
      /aggregate fee 0\.50% is below its asset-based sales charge 0\.75%/,
    );
  });

  it('a junk line inside an EDGAR text table is an error at that line, not a reason to drop the rows after it', () => {
    const body = `                                    MINIMUM
                                     ASSET
                                     BASED      MAXIMUM    MAXIMUM
                                     SALES      SERVICE    AGGREGATE
PORTFOLIO - CLASS B SHARES           CHARGE     FEE        FEE
AIM Charter Fund                     0.75%      0.25%      1.00%
xx 0.75 ##
AIM Constellation Fund               0.75%      0.25%      1.00%"`;
    const text = amendmentWith(body);
    const e = refusal(text);
    expect(e.line).toBe(text.split('\n').findIndex((l) => l.startsWith('xx 0.75')) + 1);
  });

  it.skipIf(!seedsAvailable)(
    'a Class B agreement cut just before its Schedule A-2 is read only in part (its body names Schedule A-2)',
    () => {
      const { text, file } = seedTexts().get('003')!;
      const cut = text.slice(0, text.indexOf('SCHEDULE A-2'));
      const doc = parseExhibit(cut, file);
      expect(doc.schedules.map((s) => s.name)).toEqual(['Schedule A-1']);
      expect(doc.completeness.complete).toBe(false);
      expect(doc.completeness.gaps).toContainEqual(
        expect.objectContaining({
          fact: 'text',
          schedule: 'Schedule A-2',
          reason: expect.stringMatching(/names Schedule A-2/),
        }),
      );
    },
  );
});
