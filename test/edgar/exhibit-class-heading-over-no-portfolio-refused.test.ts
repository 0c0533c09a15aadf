import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An AIM agreement amendment filed as HTML whose Schedule A is a two-column table: each fund
// beside its class cell ("AIM Floating Rate Fund | Class A Shares"). The reader meets the cells
// one a line, with the row breaks lost, so "Class A Shares" reads like a heading over the funds
// after it: the first fund had no class, the second took the first's (A instead of C), and
// "Class C Shares" vanished. A class heading with no portfolio under it is refused at its line
// (SPEC §2.1: never silently wrong entries). A list whose class headings each head funds reads.
const amendment = (rows: string) => `<html><body>
<p align="center"><b>AMENDMENT NO. 5<br>TO THE<br>FIRST RESTATED MASTER DISTRIBUTION AGREEMENT</b></p>
<p>The First Restated Master Distribution Agreement (the &#8220;Agreement&#8221;), made as of the 18th day of August, 2003, by and between each registered investment company listed on Schedule&nbsp;A thereto and Invesco Aim Distributors, Inc., is hereby amended, effective as of April&nbsp;30, 2008, as follows:</p>
<p>Schedule&nbsp;A to the Agreement is hereby deleted in its entirety and replaced with the following:</p>
<p align="center">&#8220;SCHEDULE A<br>TO THE<br>FIRST RESTATED MASTER DISTRIBUTION AGREEMENT</p>
<table>
${rows}
</table>
<p>Dated: April&nbsp;30, 2008</p>
</body></html>`;

describe('a class heading over no portfolio', () => {
  it('fund | class cells, one row each, are refused at the line of the class with no fund under it', () => {
    const html = amendment(`<tr><td>AIM Floating Rate Fund</td><td>Class A Shares</td></tr>
<tr><td>AIM Multi-Sector Fund</td><td>Class C Shares&#8221;</td></tr>`);
    expect(() => parseExhibit(html, 'amend5.htm')).toThrow(
      /^amend5\.htm:8: Schedule A: the class heading "C" has no portfolio under it/,
    );
  });

  it('stacked class cells beside each fund are refused too', () => {
    const html = amendment(`<tr><td>AIM Floating Rate Fund</td><td>Class A Shares<br>Class C Shares</td></tr>
<tr><td>AIM Multi-Sector Fund</td><td>Class C Shares&#8221;</td></tr>`);
    expect(() => parseExhibit(html, 'amend5.htm')).toThrow(
      /^amend5\.htm:7: .*class heading "A" has no portfolio/,
    );
  });

  it('class headings each over their funds read as headings', () => {
    const html = amendment(`<tr><td><u>CLASS A SHARES</u></td></tr>
<tr><td>AIM Floating Rate Fund</td></tr>
<tr><td><u>CLASS C SHARES</u></td></tr>
<tr><td>AIM Floating Rate Fund</td></tr>
<tr><td>AIM Multi-Sector Fund&#8221;</td></tr>`);
    const doc = parseExhibit(html, 'amend5.htm');
    expect(doc.effectiveDate).toBe('2008-04-30');
    expect(doc.schedules.flatMap((s) => s.entries.map((e) => `${e.portfolio} | ${e.class}`))).toEqual([
      'AIM Floating Rate Fund | A',
      'AIM Floating Rate Fund | C',
      'AIM Multi-Sector Fund | C',
    ]);
  });
});
