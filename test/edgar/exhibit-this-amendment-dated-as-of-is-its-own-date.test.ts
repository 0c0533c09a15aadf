import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith } from './exhibitFixtures.js';

/** The fixture amendment with its first sentence and its Dated: line replaced. */
function amendment(clause: string, dated = ''): string {
  return amendmentWith('      AIM Charter Fund"')
    .replace(/The Amended and Restated[\s\S]*?as follows:/, clause)
    .replace(/Dated: {2}July 1, 2005/, dated);
}

/**
 * SPEC §2.1: an amendment takes effect on its own date. Later filings open "This Amendment
 * [,] dated as of DATE, amends the … Agreement … made as of …": the first date is the
 * amendment's, the one after "amends" names the instrument. The reader used to give no
 * effective date and took the amendment's date for the instrument's.
 */
describe('"This Amendment dated as of DATE, amends …": the amendment\'s own date', () => {
  it('without a comma, the instrument "made as of …, and as restated the 20th day of September, 2006" after the verb', () => {
    const doc = parseExhibit(
      amendment(
        'This Amendment dated as of October 3, 2011, amends the Second Restated Master Distribution\nAgreement (the "Agreement") made as of the 18th day of August, 2003, as subsequently amended, and\nas restated the 20th day of September, 2006, by and between each registered investment company\nset forth on Schedule A to the Agreement, is hereby amended as follows:',
      ),
      'a.txt',
    );
    expect(doc.effectiveDate).toBe('2011-10-03');
    // a restated Agreement is known by its restatement, as when the clause names it before "is
    // hereby amended" (was 2003-08-18 here, 2006-09-20 there: one Agreement, two instruments)
    expect(doc.instrument.datedAsOf).toBe('2006-09-20');
    expect(doc.warnings).toEqual([]);
  });

  it('"This Amendment No. 1 to the … Plan … previously adopted by the Board …, is effective DATE." (its date at the end of the sentence)', () => {
    const doc = parseExhibit(
      amendment(
        'This Amendment No. 1 to the First Amended and Restated Distribution Plan (Class B Shares) (the\n"Distribution Plan") previously adopted by the Board of Trustees of Alder Summit Fund (the\n"Trust"), is effective October 1, 2007.\n\n      NOW THEREFORE, Schedule A is hereby deleted in its entirety and replaced with the following:',
      ),
      'e.txt',
    );
    expect(doc.effectiveDate).toBe('2007-10-01');
    expect(doc.warnings).toEqual([]);
  });

  it('with a comma, the instrument "dated July 1, 2016" after the verb; a different Dated: line is warned of', () => {
    const doc = parseExhibit(
      amendment(
        'This Amendment, dated as of June 30, 2019, amends the Amended and Restated Master Distribution\nPlan (the "Plan"), dated July 1, 2016, by and between each Delaware statutory trust set forth on\nSchedule A to the Plan, as follows:',
        'Dated: June 28, 2019',
      ),
      'b.txt',
    );
    expect(doc.effectiveDate).toBe('2019-06-30');
    expect(doc.instrument.datedAsOf).toBe('2016-07-01');
    expect(doc.datedDate).toBe('2019-06-28');
    expect(doc.warnings.join(' ')).toMatch(/effective 2019-06-30 .* "Dated:" 2019-06-28/);
  });

  it('"This Amendment No. 4, dated as of X, effective Y, amends …": the explicit effective date wins', () => {
    const doc = parseExhibit(
      amendment(
        'This Amendment No. 4, dated as of May 2, 2018, effective June 1, 2018, amends the Plan (the\n"Plan"), dated as of August 18, 2003, as follows:',
      ),
      'c.txt',
    );
    expect(doc.effectiveDate).toBe('2018-06-01');
    expect(doc.instrument.datedAsOf).toBe('2003-08-18');
  });
});

describe('"This Amendment is made and entered into as of DATE"', () => {
  it('is the amendment\'s date; the instrument\'s is the one after "amends"', () => {
    const doc = parseExhibit(
      amendment(
        'This Amendment is made and entered into as of February 9, 2015, and amends the Plan (the "Plan"),\ndated as of July 1, 2010, as follows:',
      ),
      'g.txt',
    );
    expect(doc.effectiveDate).toBe('2015-02-09');
    expect(doc.instrument.datedAsOf).toBe('2010-07-01');
  });
});

describe('an amending clause whose date is left blank ("is hereby amended, effective , 2004")', () => {
  for (const blank of ['effective , 2004', 'effective April ___, 2004', 'effective as of [ ]']) {
    it(`"${blank}": effectiveDate null, and the warning quotes the blank rather than saying there is no date`, () => {
      const doc = parseExhibit(
        amendment(
          `The Amended and Restated Master Distribution Plan (the "Plan"), dated as of August 18, 2003,\nis hereby amended, ${blank}, as follows:`,
        ),
        'd.txt',
      );
      expect(doc.effectiveDate).toBeNull();
      expect(doc.warnings.join(' ')).toMatch(/left blank .*effective.*draft or a form.*--effective-date/);
      expect(doc.completeness.gaps).toContainEqual(expect.objectContaining({ fact: 'effective-date' }));
    });
  }
});
