import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { classCodesIn } from '../../src/edgar/shareClasses.js';

// SPEC §2.1 (schedule entries and their rates), real-exhibits-16 01–07 (Direxion Funds' Schedule A):
// "The maximum annualized fee rate pursuant to Paragraph 1 of the … Distribution Plan shall be as
// follows:" over a list of funds, and under it "Up to 1.00% of the average daily net assets" — the
// rate of every fund listed above it, the plan's whole 12b-1 fee. Invented fixtures in the
// rendered-HTML style.
const schedule = (classLine: string, body: string) => `BIRCH FUNDS
${classLine}
DISTRIBUTION PLAN
SCHEDULE A
The maximum annualized fee rate pursuant to Paragraph 1 of the Birch Funds ${classLine} Distribution Plan shall be as follows:
${body}Last Revised: March 3, 2014
`;

const rates = (text: string) =>
  parseExhibit(text, 'birch.htm').schedules.flatMap((s) =>
    s.entries.map((e) => [
      e.portfolio,
      e.class,
      e.assetBasedSalesChargePct,
      e.serviceFeePct,
      e.aggregateFeePct,
    ]),
  );

describe('a rate line under a plain list of funds', () => {
  it('gives each group of funds the rate printed under it, as its whole 12b-1 fee', () => {
    // two groups: 1.00% under the first two funds, 0.40% under the third (as Direxion's "HY Bear" /
    // "Dynamic HY Bond Fund" / "Up to 0.40% …")
    const text = schedule(
      'INVESTOR CLASS',
      `|Birch Monthly Bull Fund
|Birch Monthly Bear Fund
Up to 1.00% of the average daily net assets.
|Birch High Yield Fund
Up to 0.40% of the average daily net assets
`,
    );
    expect(rates(text)).toEqual([
      ['Birch Monthly Bull Fund', 'Investor', null, null, '1.00'],
      ['Birch Monthly Bear Fund', 'Investor', null, null, '1.00'],
      ['Birch High Yield Fund', 'Investor', null, null, '0.40'],
    ]);
    const doc = parseExhibit(text, 'birch.htm');
    // "Last Revised: March 3, 2014" under the list: the schedule's date
    expect(doc.effectiveDate).toBe('2014-03-03');
    expect(doc.warnings).toEqual([]);
  });

  it('sets the current rate printed beside the maximum aside, saying so', () => {
    const text = schedule(
      'CLASS A SHARES',
      `|Birch Commodity Fund
Up to 1.00% of the average daily net assets approved, 0.25% authorized.
`,
    );
    expect(rates(text)).toEqual([['Birch Commodity Fund', 'A', null, null, '1.00']]);
    expect(parseExhibit(text, 'birch.htm').warnings).toEqual([
      `Schedule A also states the fee authorized now (0.25%) below the maximum its rate line states; only the maximum is read as the schedule's rate (record current rates apart)`,
    ]);
  });

  it('refuses a rate above the 1.00% FINRA Rule 2341 allows, at its line', () => {
    const text = schedule(
      'INVESTOR CLASS',
      '|Birch Monthly Bull Fund\nUp to 1.25% of the average daily net assets\n',
    );
    const err = (() => {
      try {
        parseExhibit(text, 'birch.htm');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ExhibitParseError);
    // line 7: the rate line under the one fund (1 BIRCH FUNDS … 5 lead-in, 6 the fund)
    expect(err).toMatchObject({ file: 'birch.htm', line: 7 });
    expect((err as ExhibitParseError).reason).toMatch(
      /fee 1\.25% is above the 1\.00% FINRA Rule 2341 allows/,
    );
  });

  it('reads the "C CLASS" of the title block as class C, and no article as a class', () => {
    expect(classCodesIn('C CLASS')).toEqual(['C']);
    expect(classCodesIn('Birch Funds C Class Distribution Plan')).toEqual(['C']);
    // "a Class of a Fund", "A CLASS IS ENTITLED": prose, no class
    expect(classCodesIn('a Class of a Fund')).toEqual([]);
    expect(classCodesIn('A CLASS IS ENTITLED TO VOTE')).toEqual([]);
    const text = schedule('C CLASS', '|Birch Trends Fund\nUp to 1.00% of the average daily net assets\n');
    expect(rates(text)).toEqual([['Birch Trends Fund', 'C', null, null, '1.00']]);
  });
});
