import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// JPMorgan's Schedule B prints each rate's "%" in a cell of its own ("|0.25" / "|%"). A document
// that stops right after a rate, before its "%", stops inside that row: what follows (the fund's
// other classes, the other funds) is missing, and the schedule is read only in part — never as
// whole. Invented fixture in the rendered-HTML style of those schedules.
const rows = `|
Brightwater Growth Fund
|Brightwater Growth Fund
|Class A
|0.25
|%
|Class C
|0.75
|%
|
Brightwater Income Fund
|Old Harbor Income Fund
|Class A
|0.25
|%
|Class C
|0.75
|%
|
Brightwater Value Fund
|Brightwater Value Fund
|Class A
|0.25`;

const TEXT = `SCHEDULE B
BRIGHTWATER FUNDS
DISTRIBUTION PLAN
(Amended as of March 2, 2022)
Equity Funds
|
Current Name
|
Former Name
|Share Class
|Distribution Fee
(annual rate expressed
as a percentage of the
average daily net
assets of each Class of
Shares)
${rows}
`;

describe('a document that stops on a rate printed without its "%" cell', () => {
  it('is read only in part, cut at that rate', () => {
    const doc = parseExhibit(TEXT, 'brightwater-schedule-b.htm');
    expect(doc.completeness.complete).toBe(false);
    const cut = doc.completeness.gaps.find((g) => g.fact === 'text');
    expect(cut?.line).toBe(TEXT.split('\n').length - 1);
    expect(cut?.reason).toMatch(/ends inside Schedule B .*"0\.25".*"%"/);
  });

  it('is whole when the last rate has its "%"', () => {
    const doc = parseExhibit(TEXT.replace(/\|0\.25\n$/, '|0.25\n|%\n'), 'brightwater-whole.htm');
    expect(doc.completeness.gaps.filter((g) => g.fact === 'text')).toEqual([]);
  });

  it('is whole when the last rate is "NONE", which has no "%" of its own', () => {
    const doc = parseExhibit(TEXT.replace(/\|0\.25\n$/, '|NONE\n'), 'brightwater-none.htm');
    expect(doc.completeness.gaps.filter((g) => g.fact === 'text')).toEqual([]);
  });
});
