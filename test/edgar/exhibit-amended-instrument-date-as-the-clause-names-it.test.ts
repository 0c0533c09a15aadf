import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { buildInstruments } from '../../src/registry/scheduleVersions.js';
import { amendmentWith } from './exhibitFixtures.js';

/** The fixture amendment (Schedule A of one Class B fund) with its first sentence replaced. */
function amendment(clause: string, fund = 'AIM Charter Fund'): string {
  const body = `                                         MAXIMUM
                                       ASSET BASED   MAXIMUM      MAXIMUM
                                          SALES      SERVICE     AGGREGATE
PORTFOLIO                                CHARGE        FEE          FEE
${fund.padEnd(40)}0.75%        0.25%        1.00%"`;
  return amendmentWith(body).replace(/The Amended and Restated[\s\S]*?as follows:/, clause);
}

const instrumentDate = (clause: string) => parseExhibit(amendment(clause), 'a.txt').instrument.datedAsOf;

/**
 * SPEC §2.1: an amendment names the instrument it amends by its date ("datedAsOf"), which is also
 * part of which instrument the amendment belongs to (storedDocument.ts `instrumentKey`). Real
 * filings state it in several ways (the corpus: "dated July 1, 2000", "effective July 1, 2004",
 * "amends that certain … Plan …, dated March 1, 2007"); the reader used to know only "dated as
 * of" / "made as of", and gave null for the others.
 */
describe('an amendment names the instrument it amends by the date its naming clause states', () => {
  it('"dated as of", "dated", "effective", "dated effective", a date broken across lines', () => {
    expect(
      instrumentDate(
        'The Amended and Restated Master Distribution Plan (the "Plan"), dated as of August 18, 2003, pursuant to\nRule 12b-1, is hereby amended, effective July 1, 2005, as follows:',
      ),
    ).toBe('2003-08-18');
    expect(
      instrumentDate(
        'The Master Distribution Agreement (the "Agreement"), dated July 1, 2000,\nby and between AIM Tax-Exempt Funds, a Delaware business trust, and A I M\nDistributors, Inc., a Delaware corporation, is hereby amended, effective July 1, 2005, as follows:',
      ),
    ).toBe('2000-07-01');
    expect(
      instrumentDate(
        'The First Restated Master Distribution Plan (the "Plan"), effective July 1, 2004, as subsequently\namended, pursuant to Rule 12b-1, is hereby amended, July 1, 2005 as follows:',
      ),
    ).toBe('2004-07-01');
    expect(
      instrumentDate(
        'The Master Distribution Plan (the "Agreement"), dated effective\nSeptember 10, 1994, as amended, by AIM International Funds, Inc., is hereby amended, effective July 1, 2005, as follows:',
      ),
    ).toBe('1994-09-10');
    expect(
      instrumentDate(
        'The Master Distribution Agreement (the "Agreement"), dated September 11,\n2000, by and between AIM Advisor Funds, a Delaware business trust, is hereby amended, effective July 1, 2005, as follows:',
      ),
    ).toBe('2000-09-11');
  });

  it('after the verb where the clause names it there ("THIS AMENDMENT made effective as of … amends that certain … Plan …, dated …")', () => {
    const doc = parseExhibit(
      amendment(
        'THIS AMENDMENT made effective as of the 1st day of July, 2005 amends that certain Class B Shares\nAmended and Restated Distribution Plan, dated March 1, 2002, and amended on June 27, 2003 and\nSeptember 24, 2004, by and for the Fund (the "Plan") as herein below provided.',
      ),
      'v.txt',
    );
    expect(doc.instrument.datedAsOf).toBe('2002-03-01');
    // the amendment's own date is the clause's, not the instrument's
    expect(doc.effectiveDate).toBe('2005-07-01');
  });

  it("never the amending clause's own date, nor a date of a later sentence", () => {
    expect(instrumentDate('The Plan is hereby amended, effective July 1, 2005, as follows:')).toBeNull();
    expect(
      instrumentDate(
        'The Plan is hereby amended as follows:\n\n      WHEREAS, effective July 1, 2004, AIM Charter Fund was renamed; and',
      ),
    ).toBeNull();
    expect(
      instrumentDate(
        'The Plan, dated as of August 18, 2003, is hereby amended as follows. Effective July 1, 2004, the\nFund was renamed.',
      ),
    ).toBe('2003-08-18');
  });

  it('a date before Rule 12b-1 existed is kept as printed and warned of (a typo in the filing: "effective February 12, 1010")', () => {
    const doc = parseExhibit(
      amendment(
        'The Plan (the "Plan"), effective February 12, 1010, as subsequently amended February 12, 2010, is\nhereby amended, effective July 1, 2005, as follows:',
      ),
      't.txt',
    );
    expect(doc.instrument.datedAsOf).toBe('1010-02-12');
    expect(doc.effectiveDate).toBe('2005-07-01');
    expect(doc.warnings).toContain(
      'the document names its instrument as of 1010-02-12, before Rule 12b-1 existed (1980): a typo in the document?',
    );
  });

  it('two amendments naming the plan by "dated as of" and by "dated" are of one instrument: the later Schedule A replaces the earlier', () => {
    const first = parseExhibit(
      amendment(
        'The Amended and Restated Master Distribution Plan (the "Plan"), dated as of August 18, 2003, is\nhereby amended, effective July 1, 2005, as follows:',
      ),
      'first.txt',
    );
    const second = parseExhibit(
      amendment(
        'The Amended and Restated Master Distribution Plan (the "Plan"), dated August 18, 2003, is hereby\namended, effective January 1, 2006, as follows:',
        'AIM Constellation Fund',
      ),
      'second.txt',
    );
    const set = buildInstruments([
      { id: 'a', fileName: 'first.txt', doc: importableDocument(first, 'first.txt') },
      { id: 'b', fileName: 'second.txt', doc: importableDocument(second, 'second.txt') },
    ]);
    expect(set.instruments).toHaveLength(1);
    const versions = set.instruments[0]!.schedules.get('schedule a')!;
    expect(versions.map((v) => [v.effectiveDate, v.lastDay, v.entries.map((e) => e.portfolio)])).toEqual([
      ['2005-07-01', '2005-12-31', ['AIM Charter Fund']],
      ['2006-01-01', null, ['AIM Constellation Fund']],
    ]);
  });

  it('an amendment that does not date its instrument belongs to the one dated instrument of its kind, registrant and classes (none or several: its own)', () => {
    const doc = (file: string, clause: string, fund: string) => ({
      id: file,
      fileName: file,
      doc: importableDocument(parseExhibit(amendment(clause, fund), file), file),
    });
    const dated = doc(
      'dated.txt',
      'The Amended and Restated Master Distribution Plan (the "Plan"), dated as of August 18, 2003, is\nhereby amended, effective July 1, 2005, as follows:',
      'AIM Charter Fund',
    );
    const undated = doc(
      'undated.txt',
      'The Amended and Restated Master Distribution Plan (the "Plan") is hereby amended, effective January\n1, 2006, as follows:',
      'AIM Constellation Fund',
    );
    expect(undated.doc.instrument.datedAsOf).toBeNull();
    const one = buildInstruments([undated, dated]);
    expect(one.instruments.map((i) => i.datedAsOf)).toEqual(['2003-08-18']);
    expect(one.instruments[0]!.schedules.get('schedule a')!.map((v) => [v.effectiveDate, v.lastDay])).toEqual(
      [
        ['2005-07-01', '2005-12-31'],
        ['2006-01-01', null],
      ],
    );
    // two dated plans of the same kind, registrant and classes: which one is meant is not known
    const other = doc(
      'other.txt',
      'The Master Distribution Plan (the "Plan"), dated as of May 1, 1998, is hereby amended, effective\nJuly 1, 2005, as follows:',
      'AIM Weingarten Fund',
    );
    const several = buildInstruments([dated, other, undated]);
    expect(several.instruments.map((i) => i.datedAsOf).sort()).toEqual(
      [null, '1998-05-01', '2003-08-18'].sort(),
    );
  });
});
