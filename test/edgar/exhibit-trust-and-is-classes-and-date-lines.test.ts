import { describe, expect, it } from 'vitest';
import { dateLine } from '../../src/edgar/dates.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { classCodesIn, isClassLabel } from '../../src/edgar/shareClasses.js';

// A schedule naming its class "TRUST CLASS" under the Registrant, dated by a "Date:" line, in the
// style of a Neuberger Berman Rule 12b-1 plan's Schedule A (names and numbers invented).
const TRUST_CLASS_SCHEDULE = `KESTREL HARBOR EQUITY FUNDS
TRUST CLASS
PLAN PURSUANT TO RULE 12b-1
SCHEDULE A
The Trust Class of the following series of Kestrel Harbor Equity Funds are subject to this Plan, at the fee rates specified:
|
Fund
|
Fee
|
Kestrel Harbor Value Fund
|
0.10%
|
Kestrel Harbor Small Cap Fund
|
0.10%
Date: August 14, 2011
`;

// An appendix with class cells, one of them "Class IS", dated by its "AMENDED AND RESTATED …"
// heading line, in the style of a Legg Mason shareholder services plan's Appendix A (invented).
const CLASS_IS_APPENDIX = `APPENDIX A
SHAREHOLDER SERVICES AND DISTRIBUTION PLAN
AMENDED AND RESTATED OCTOBER 9, 2017
|
Name of Fund
|
Name of Class
|
Aggregate
|Osprey Ridge Growth Fund
|Class A
|0.25
|Class C
|1.00
|Class IS
|None
|Osprey Ridge Income Fund
|Class A
|0.25
|Class IS
|None
`;

describe('"TRUST CLASS": a word-named class', () => {
  const doc = parseExhibit(TRUST_CLASS_SCHEDULE, 'trust.txt');

  it('is the class of every entry and of the instrument', () => {
    expect(doc.instrument.classes).toEqual(['Trust']);
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Kestrel Harbor Value Fund', 'Trust', '0.10'],
      ['Kestrel Harbor Small Cap Fund', 'Trust', '0.10'],
    ]);
    expect(doc.completeness.gaps).toEqual([]);
  });

  it("is no class where it ends a Registrant's name before a class code", () => {
    expect(classCodesIn('PLOVER SERIES TRUST CLASS A SHARES DISTRIBUTION PLAN')).toEqual(['A']);
    expect(classCodesIn('the Plover Series Trust Class R3 Distribution Plan')).toEqual(['R3']);
    expect(classCodesIn('INVESTOR CLASS AND TRUST CLASS')).toEqual(['Investor', 'Trust']);
    expect(isClassLabel('Trust Class')).toBe(true);
    expect(isClassLabel('Plover Series Trust Class A')).toBe(false);
  });
});

describe('"Date:" line', () => {
  it("dates the schedule as its 'Dated:' line would", () => {
    const doc = parseExhibit(TRUST_CLASS_SCHEDULE, 'trust.txt');
    expect(doc.effectiveDate).toBe('2011-08-14');
    expect(doc.datedDate).toBe('2011-08-14');
  });

  it('needs its colon: "Date of …" is prose', () => {
    expect(dateLine('Date: August 14, 2011', 3)?.dates.map((d) => d.iso)).toEqual(['2011-08-14']);
    expect(dateLine('Date of the Plan was August 14, 2011', 3)).toBeNull();
  });
});

describe('"Class IS": a class code, not the verb', () => {
  const doc = parseExhibit(CLASS_IS_APPENDIX, 'is.txt');

  it('is the class of its rows', () => {
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Osprey Ridge Growth Fund', 'A', '0.25'],
      ['Osprey Ridge Growth Fund', 'C', '1.00'],
      ['Osprey Ridge Growth Fund', 'IS', '0.00'],
      ['Osprey Ridge Income Fund', 'A', '0.25'],
      ['Osprey Ridge Income Fund', 'IS', '0.00'],
    ]);
    expect(doc.completeness.gaps).toEqual([]);
  });

  it('is read in a label, a cell or a list, never in prose', () => {
    expect(classCodesIn('Class IS')).toEqual(['IS']);
    expect(classCodesIn('Class IS Shares')).toEqual(['IS']);
    expect(classCodesIn('Classes A, C and IS')).toEqual(['A', 'C', 'IS']);
    expect(isClassLabel('CLASS IS SHARES')).toBe(true);
    expect(classCodesIn('a Class is entitled to vote')).toEqual([]);
    expect(classCodesIn('EACH CLASS IS ENTITLED TO VOTE')).toEqual([]);
    expect(isClassLabel('Class is')).toBe(false);
  });
});

describe('"AMENDED AND RESTATED <date>" heading line', () => {
  it("is the schedule's date", () => {
    expect(parseExhibit(CLASS_IS_APPENDIX, 'is.txt').effectiveDate).toBe('2017-10-09');
  });

  it('is a date line only when nothing but its date follows', () => {
    expect(dateLine('AMENDED AND RESTATED OCTOBER 9, 2017', 2)?.dates.map((d) => d.iso)).toEqual([
      '2017-10-09',
    ]);
    expect(dateLine('AMENDED AND RESTATED PLAN OF THE TRUST ADOPTED BY ITS BOARD IN 2017', 2)).toBeNull();
  });
});
