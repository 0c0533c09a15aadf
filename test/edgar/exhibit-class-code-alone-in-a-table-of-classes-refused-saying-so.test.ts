import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * The Reserve funds' distribution plan (real-exhibits-11's 20): the body names the one fund ("with
 * respect to the Arizona Municipal Money-Market Fund (the “Fund”)") and Schedule A is a table of
 * its classes, "Class of Shares | 12b-1 Fees", each row a class's code alone and its rate ("R |
 * .20 | %"). The reader reads a table of classes only with rows that say "Class A" (Pioneer's
 * Appendix A: a rate for every fund of the plan), so it refuses this one at the first code — and
 * said '"R" stands before the first class of the table', which is untrue: "R" is the first class.
 * A whole copy (written by hand in the same layout, two classes, nothing cut) is refused the same
 * way, for the same reason, never for a cut.
 */

const WHOLE = `Exhibit 99.(m)(2)
RESERVE
MUNICIPAL MONEY-MARKET TRUST
DISTRIBUTION PLAN
The Distribution Plan (the “Plan”) of Reserve Municipal Money-Market Trust (the “Trust”), on behalf of itself and with respect to the Arizona Municipal Money-Market Fund (the “Fund”), organized as a Massachusetts business trust.
WHEREAS, this Plan shall be applicable to the classes of shares of the Fund, a Series of the Trust, set forth on Schedule A.
Schedule A
|
Class of Shares
|
|
12b-1 Fees
|
|
R
|
|
.20
|
%
|
|
T
|
|
.20
|
%
`;

const refusal = (text: string, file: string): ExhibitParseError => {
  try {
    parseExhibit(text, file);
  } catch (e) {
    if (e instanceof ExhibitParseError) return e;
    throw e;
  }
  throw new Error(`${file} was read`);
};

describe('a class code alone in a table of classes, its fund named in the body', () => {
  it('a whole copy is refused at the first code (line 15, "R"), saying the layout is not read — not that "R" comes before a class', () => {
    const e = refusal(WHOLE, 'reserve-plan.txt');
    // lines: 1 label, 2–4 title, 5–6 body, 7 "Schedule A", 8–14 heading cells, 15 "R"
    expect(e.line).toBe(15);
    expect(e.reason).toMatch(/^Schedule A: "R" is a class code alone in the table's class column/);
    expect(e.reason).toMatch(/whose fund is named only in the body/);
    expect(e.reason).not.toMatch(/before the first class|cut/);
  });

  it('"Class R" rows in the same table are read as a table of classes is (a rate for every fund)', () => {
    const d = parseExhibit(WHOLE.replace('\nR\n', '\nClass R\n').replace('\nT\n', '\nClass T\n'), 'r.txt');
    expect(d.schedules[0]!.entries.map((x) => [x.portfolio, x.class, x.aggregateFeePct])).toEqual([
      ['(all funds)', 'R', '0.20'],
      ['(all funds)', 'T', '0.20'],
    ]);
  });
});
