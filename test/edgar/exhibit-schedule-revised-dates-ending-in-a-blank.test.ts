import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A fee schedule filed on its own, dated by a chain of revisions whose latest date is left blank
// ("(as revised, May 2, 1996, June 9, 1998 and __________, 2001)"): a draft of the next revision.
// None of the earlier dates is the schedule's: the date is blank (SPEC §2.1), and a line that wraps
// the blank's year onto a line of its own ("2001)") is part of the date, no fund of the list.
const schedule = (dateLines: string) => `<PAGE>   1
                                                                 Exhibit m(4)(i)

                                   SCHEDULE A

${dateLines}

<TABLE>
<CAPTION>
               FUND                                                      DISTRIBUTION FEE
<S>                                                                      <C>
               Harborview Growth Fund                                          .75%
               Harborview Bond Fund                                            .75%
               Harborview Tax Free Fund                                        .25%
</TABLE>
`;

const WRAPPED = schedule(`(as revised, May 2, 1996, June 9, 1998, April 4, 2000 and ___________,
2001)`);
const ONE_LINE = schedule('                (as revised June 9, 1998 and __________, 2001)');
const FILLED = schedule('                (as revised June 9, 1998 and March 1, 2001)');

const rows = (text: string) =>
  parseExhibit(text, 'revised.txt').schedules.flatMap((s) =>
    s.entries.map((e) => `${e.portfolio} | ${e.assetBasedSalesChargePct}`),
  );

describe('a schedule "as revised" on dates whose latest is blank', () => {
  it('wrapped onto two lines: the year is no fund, and the date is blank', () => {
    expect(rows(WRAPPED)).toEqual([
      'Harborview Growth Fund | 0.75',
      'Harborview Bond Fund | 0.75',
      'Harborview Tax Free Fund | 0.25',
    ]);
    const p = parseExhibit(WRAPPED, 'revised.txt');
    expect(p.effectiveDate).toBeNull();
    expect(p.warnings).toContain(
      'the date is left blank ("(as revised, May 2, 1996, June 9, 1998, April 4, 2000 and ___________,"): the document is a draft or a form; import needs --effective-date',
    );
  });

  it('on one line: the date is blank, not the last date filled in', () => {
    const p = parseExhibit(ONE_LINE, 'revised.txt');
    expect(rows(ONE_LINE)).toEqual(rows(WRAPPED));
    expect(p.effectiveDate).toBeNull();
    expect(p.warnings).toContain(
      'the date is left blank ("(as revised June 9, 1998 and __________, 2001)"): the document is a draft or a form; import needs --effective-date',
    );
  });

  it("every date filled in: the latest is the schedule's", () => {
    expect(parseExhibit(FILLED, 'revised.txt').effectiveDate).toBe('2001-03-01');
    expect(rows(FILLED)).toEqual(rows(WRAPPED));
  });
});
