import { describe, expect, it } from 'vitest';
import { dateLine } from '../../src/edgar/dates.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { classCodesIn, isClassLabel } from '../../src/edgar/shareClasses.js';
import { titleCase } from '../../src/edgar/titleCase.js';

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
    expect(classCodesIn('PLOVER SERIES TRUST CLASSES OF SHARES')).toEqual([]);
    expect(classCodesIn('PLOVER SERIES TRUST CLASS OF SHARES')).toEqual([]);
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

// A schedule whose date carries a footnote marker that the rendering glued to the year
// ("2019¹" printed "20191"), in the style of a joint Rule 12b-1 plan's Schedule A (invented).
const MARKED_YEAR_SCHEDULE = `SCHEDULE A
WREN VALLEY FUNDS
CLASS A DISTRIBUTION PLAN
As of March 4, 20191
Wren Valley Growth Fund
Wren Valley Bond Fund
`;

// An amendment signed off with "Adopted as of:" where others print "Dated:" (invented).
const ADOPTED_AS_OF_AMENDMENT = `HERON POINT TRUST
AMENDMENT NO. 2 TO
CLASS C SHARES
DISTRIBUTION PLAN PURSUANT TO RULE 12b-1
THIS AMENDMENT made effective as of the 2nd day of February, 2022 amends that certain Class C Shares Distribution Plan Pursuant to Rule 12b-1, dated March 9, 2015, by and for the Funds (the "Plan") as herein below provided.
1. Appendix A to the Plan is hereby replaced with Appendix A attached hereto and made a part hereof.
Adopted as of: February 2, 2022
APPENDIX A
Heron Point Balanced Fund
Heron Point Short Duration Fund
`;

describe('a footnote marker glued to the year', () => {
  const doc = parseExhibit(MARKED_YEAR_SCHEDULE, 'marked.txt');

  it('is read as the year and its marker, and said', () => {
    expect(doc.effectiveDate).toBe('2019-03-04');
    expect(doc.warnings).toContain('line 4: "March 4, 20191" read as 2019 followed by a footnote marker');
  });

  it('leaves the date line out of the list', () => {
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'Wren Valley Growth Fund',
      'Wren Valley Bond Fund',
    ]);
  });

  it('is one digit or mark: a longer number after the year is no date line', () => {
    expect(dateLine('As of March 4, 201912', 4)).toBeNull();
  });
});

describe('"Adopted as of:" line', () => {
  it("is the amendment's Dated: date", () => {
    const doc = parseExhibit(ADOPTED_AS_OF_AMENDMENT, 'adopted.txt');
    expect(doc.effectiveDate).toBe('2022-02-02');
    expect(doc.datedDate).toBe('2022-02-02');
  });
});

describe('title case of sponsors spelled with inner capitals', () => {
  it('keeps "JPMorgan"', () => {
    expect(titleCase('JPMORGAN FUNDS COMBINED DISTRIBUTION PLAN')).toBe(
      'JPMorgan Funds Combined Distribution Plan',
    );
  });
});
