import { describe, expect, it } from 'vitest';
import { isScheduleDateLine } from '../../src/edgar/dates.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

// Fee schedules filed on their own are dated by a line of their own under the heading: "As of May
// 1, 2011", "(as of …)", "Amended as of …", "As amended …", "Last amended: …", or a bare date under
// "APPENDIX A". That line is the schedule's date, and no fund of its list.
function appendix(dateLine: string): string {
  return `                                                                 EXHIBIT (m)(7)

                             DISTRIBUTION PLAN
                         PURSUANT TO RULE 12b-1
                                   OF
                          LANTERN BAY FUNDS TRUST

                                 APPENDIX A

                           ${dateLine}

Fund                                  Annual Rate
----                                  -----------
Lantern Bay Tidewater Income Fund     0.25%
Lantern Bay Harbor Growth Fund        0.35%
`;
}

const listed = [
  'LANTERN BAY FUNDS TRUST | Lantern Bay Tidewater Income Fund | null | null null | null | 0.25',
  'LANTERN BAY FUNDS TRUST | Lantern Bay Harbor Growth Fund | null | null null | null | 0.35',
];

describe('a stand-alone schedule dated by a line of its own', () => {
  it.each([
    ['As of March 14, 2012', '2012-03-14'],
    ['(as of March 14, 2012)', '2012-03-14'],
    ['Amended as of March 14, 2012', '2012-03-14'],
    ['(Amended as of March 14, 2012)', '2012-03-14'],
    ['As amended March 14, 2012', '2012-03-14'],
    ['Last amended: March 14, 2012', '2012-03-14'],
    ['Revised: March 14, 2012', '2012-03-14'],
    ['March 14, 2012', '2012-03-14'],
  ])('"%s" dates the schedule %s and is no fund of it', (line, iso) => {
    const doc = parseExhibit(appendix(line), 'dated-appendix.txt');
    expect(doc.kind).toBe('schedule');
    expect(doc.effectiveDate).toBe(iso);
    expect(doc.warnings).toEqual([]);
    expect(rows(doc)).toEqual(listed);
  });

  it('amended on two dates: the later is the schedule’s date, the first its instrument’s', () => {
    const doc = parseExhibit(appendix('As amended on March 14, 2012 and June 2, 2014'), 'twice.txt');
    expect(doc.effectiveDate).toBe('2014-06-02');
    expect(doc.instrument.datedAsOf).toBe('2012-03-14');
    expect(rows(doc)).toEqual(listed);
  });

  it('a blank date ("As of ________, 2012") is a form: no date, a warning, and still no fund', () => {
    const doc = parseExhibit(appendix('As of ____________, 2012'), 'form.txt');
    expect(doc.effectiveDate).toBeNull();
    expect(doc.warnings.join(' ')).toMatch(/left blank \("As of ____________, 2012"\)/);
    expect(rows(doc)).toEqual(listed);
  });

  it('in an amendment: the date line under "SCHEDULE A / MASTER DISTRIBUTION PLAN" is neither a fund nor a Registrant', () => {
    const text = `                       AMENDMENT NO. 3 TO THE
                      MASTER DISTRIBUTION PLAN
                           (CLASS C SHARES)

     The Master Distribution Plan (the "Plan"), dated as of July 1, 2000, is
hereby amended, effective March 14, 2012, as follows:

     Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

                              "SCHEDULE A
                      MASTER DISTRIBUTION PLAN
                          (CLASS C SHARES)
                       As of March 14, 2012

<TABLE>
<CAPTION>
                                           MAXIMUM
                                         ASSET BASED     MAXIMUM       MAXIMUM
                                            SALES        SERVICE      AGGREGATE
PORTFOLIO                                  CHARGE          FEE           FEE
---------                               -----------     -------      ---------
<S>                                        <C>             <C>          <C>
LANTERN BAY FUNDS
Lantern Bay Harbor Growth Fund             0.75%           0.25%        1.00%"
</TABLE>
`;
    const doc = parseExhibit(text, 'amendment.txt');
    expect(doc.kind).toBe('plan-amendment');
    expect(doc.effectiveDate).toBe('2012-03-14');
    expect(rows(doc)).toEqual([
      'LANTERN BAY FUNDS | Lantern Bay Harbor Growth Fund | C | 0.75 maximum | 0.25 | 1.00',
    ]);
  });

  it('only the whole line is a date line: a sentence that begins "As of" is not', () => {
    expect(isScheduleDateLine('As of March 14, 2012')).toBe(true);
    expect(isScheduleDateLine('(Amended as of March 14, 2012 and June 2, 2014).')).toBe(true);
    expect(isScheduleDateLine('As of the date hereof, each Fund listed below shall pay')).toBe(false);
    expect(isScheduleDateLine('As of March 14, 2012, each Fund listed below shall pay')).toBe(false);
    expect(isScheduleDateLine('Amended Lantern Bay Income Fund')).toBe(false);
    expect(isScheduleDateLine('Lantern Bay Income Fund')).toBe(false);
  });
});
