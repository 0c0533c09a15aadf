import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith } from './exhibitFixtures.js';

/** The fixture amendment with its first sentence and its Dated: line replaced. */
function amendment(clause: string, dated: string): string {
  return amendmentWith('      AIM Charter Fund"')
    .replace(/The Amended and Restated[\s\S]*?as follows:/, clause)
    .replace(/Dated: {2}July 1, 2005/, dated);
}

describe('SPEC §2.1 / issue 11: an amendment takes effect on the date of its amending clause', () => {
  it('never the date by which the clause names the amended Plan ("The Plan, effective July 1, 2004, … is hereby amended, effective July 18, 2005")', () => {
    const doc = parseExhibit(
      amendment(
        'The Amended and Restated Master Distribution Plan (the "Plan"), effective July 1, 2004, pursuant to Rule\n12b-1, is hereby amended, effective July 18, 2005, as follows:',
        'Dated: July 18, 2005',
      ),
      'a.txt',
    );
    expect(doc.effectiveDate).toBe('2005-07-18');
    expect(doc.warnings).toEqual([]);
  });

  it('"is hereby amended, January 18, 2013 as follows" (no word effective) and "is hereby amended, dated February 28, 2020"', () => {
    const plain = amendment(
      'The Plan, effective July 1, 2004, as subsequently amended, is hereby amended, January 18, 2013 as follows:',
      '',
    );
    expect(parseExhibit(plain, 'b.txt').effectiveDate).toBe('2013-01-18');
    const dated = amendment(
      'The Plan, dated as of May 24, 2019, as subsequently amended, is hereby amended, dated February 28, 2020, as follows:',
      '',
    );
    expect(parseExhibit(dated, 'c.txt').effectiveDate).toBe('2020-02-28');
  });

  it('"is hereby amended, as of August 21, 2018, as follows": the clause’s date, not the Plan’s "dated as of"', () => {
    const asOf = amendment(
      'The Plan, dated as of April 4, 2015, as subsequently amended, is hereby amended, as of August 21, 2018, as follows:',
      '',
    );
    const doc = parseExhibit(asOf, 'as-of.txt');
    expect(doc.effectiveDate).toBe('2018-08-21');
    expect(doc.instrument.datedAsOf).toBe('2015-04-04');
  });

  it('"is hereby amended as follows" with no date: the Dated: line, even a filled-in blank ("Dated:      July 1        , 2002")', () => {
    const doc = parseExhibit(
      amendment(
        'The Plan, dated as of August 18, 2003, is hereby amended as follows:',
        'Dated:      July 1        , 2002',
      ),
      'd.txt',
    );
    expect(doc.effectiveDate).toBe('2002-07-01');
    expect(doc.completeness.complete).toBe(true);
  });

  for (const blank of [
    'Dated:                      , 2002',
    'Dated:  __________________, 2003',
    'Dated: August __, 2009',
  ]) {
    it(`a blank date ("${blank.replace(/\s+/g, ' ')}"): effectiveDate null, a warning, and a gap for --effective-date`, () => {
      const doc = parseExhibit(
        amendment('The Plan, dated as of August 18, 2003, is hereby amended as follows:', blank),
        'e.txt',
      );
      expect(doc.effectiveDate).toBeNull();
      expect(doc.warnings.join(' ')).toMatch(/draft or a form.*--effective-date/);
      expect(doc.completeness).toMatchObject({ complete: false, gaps: [{ fact: 'effective-date' }] });
    });
  }

  it('an amending clause and a different Dated: line are both kept, with a warning (Amendment No. 6)', () => {
    const doc = parseExhibit(
      amendment(
        'The Plan, dated as of August 18, 2003, is hereby amended, effective October 15, 2004, as follows:',
        'Dated: October 15, 2003',
      ),
      'f.txt',
    );
    expect(doc.effectiveDate).toBe('2004-10-15');
    expect(doc.datedDate).toBe('2003-10-15');
    expect(doc.warnings[0]).toMatch(/effective 2004-10-15 .* "Dated:" 2003-10-15/);
  });
});

describe('a schedule filed on its own is dated by its date lines', () => {
  const schedule = (dateLines: string) =>
    `HERITAGE SERIES TRUST\n            CLASS A\n       DISTRIBUTION PLAN\n            AMENDED\n          SCHEDULE A\n\n    The maximum annualized fee rate pursuant to Paragraph 1 of the Plan shall be as follows:\n\n    SMALL CAP STOCK FUND..........0.35%\n    VALUE EQUITY FUND.............0.35%\n\n${dateLines}\n`;

  it('"as amended on" chains: the latest amendment is this version, the first date the plan\'s', () => {
    const doc = parseExhibit(
      schedule('Dated:   March 29, 1993, as amended on August 30, 2002 and on November 14, 2003.'),
      'h.txt',
    );
    expect(doc).toMatchObject({ kind: 'schedule', effectiveDate: '2003-11-14', classes: ['A'] });
    expect(doc.instrument.datedAsOf).toBe('1993-03-29');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.aggregateFeePct])).toEqual([
      ['SMALL CAP STOCK FUND', '0.35'],
      ['VALUE EQUITY FUND', '0.35'],
    ]);
  });

  it('"Dated: April 30, 2010, As Amended August 17, 2018" and stacked "Effective: / Amended and Restated:" lines', () => {
    expect(
      parseExhibit(schedule('Dated: April 30, 2010, As Amended August 17, 2018'), 'u.txt').effectiveDate,
    ).toBe('2018-08-17');
    expect(
      parseExhibit(
        schedule(
          'Effective: December 8, 2005\nAmended and Restated: March 19, 2006\nAmended and Restated: July 28, 2006',
        ),
        'a.txt',
      ).effectiveDate,
    ).toBe('2006-07-28');
  });

  it('a month and a year only ("July 2013"): read as 2013-07, and import needs the day', () => {
    const doc = parseExhibit(schedule('July 2013'), 'p.txt');
    expect(doc.effectiveDate).toBe('2013-07');
    expect(doc.completeness.gaps).toEqual([expect.objectContaining({ fact: 'effective-date' })]);
  });
});
