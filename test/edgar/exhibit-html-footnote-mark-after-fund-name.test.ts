import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An HTML Schedule A marks a fund for a footnote with a superscript after its name:
// "Invesco Quality Income Fund<sup>(1)</sup>" reads "Invesco Quality Income Fund(1)", and the fund
// is "Invesco Quality Income Fund" (SPEC §2.1: footnotes are read; names as the document spells them)
function amendment(marked: string, rateMarked = '0.15%<sup>(2)</sup>'): string {
  return `<html><body>
<p align="center"><b>AMENDMENT NO. 4<br>TO<br>DISTRIBUTION AND SERVICE PLAN (COMPENSATION)<br>CLASS C SHARES</b></p>
<p>The Distribution and Service Plan (the &#8220;Plan&#8221;), dated as of May 24, 2019, pursuant to Rule 12b-1, is hereby amended, effective April&nbsp;30, 2022, as follows:</p>
<p>NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align="center">&#8220;SCHEDULE A</p>
<p align="center">AIM GROWTH SERIES (INVESCO GROWTH SERIES)</p>
<table>
<tr><td>Portfolio</td><td>Share Class</td><td>Maximum Asset<br>Based Sales<br>Charge</td><td>Maximum<br>Shareholder<br>Services Fee</td><td>Maximum<br>Aggregate Fee</td></tr>
<tr><td>Invesco Quality Income Fund${marked}</td><td>Class C</td><td>0.75%</td><td>${rateMarked}</td><td>0.90%</td></tr>
<tr><td>Invesco Small Cap Growth Fund</td><td>Class C</td><td>0.75%</td><td>0.25%</td><td>1.00%&#8221;</td></tr>
</table>
<p><sup>(1)</sup> Formerly Invesco Oppenheimer Quality Income Fund.</p>
<p><sup>(2)</sup> Service fee waived in part.</p>
<p>All other terms and provisions of the Plan not amended herein shall remain in full force and effect.</p>
</body></html>`;
}

describe('a footnote mark after a fund’s name in an HTML schedule is no part of the name', () => {
  // Word's footnote reference, "[1]" on the name and "[2]" on the rate
  const word = (n: number) =>
    `<a href="#_ftn${n}"><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>[${n}]<![endif]></span></span></a>`;
  it.each([
    ['<sup>(1)</sup>', undefined],
    [' <sup>(1)</sup>', undefined],
    ['<sup>&#8224;</sup>', undefined],
    ['<sup>*</sup>', undefined],
    [word(1), `0.15%${word(2)}`],
  ])('Invesco Quality Income Fund%s', (marked, rateMarked) => {
    const doc = parseExhibit(amendment(marked, rateMarked), 'sup.htm');
    const group = 'AIM GROWTH SERIES (INVESCO GROWTH SERIES)';
    expect(doc.schedules.map((s) => s.entries)).toEqual([
      [
        {
          registrant: group,
          portfolio: 'Invesco Quality Income Fund',
          class: 'C',
          assetBasedSalesChargePct: '0.75',
          assetBasedSalesChargeBound: 'maximum',
          serviceFeePct: '0.15',
          aggregateFeePct: '0.90',
        },
        {
          registrant: group,
          portfolio: 'Invesco Small Cap Growth Fund',
          class: 'C',
          assetBasedSalesChargePct: '0.75',
          assetBasedSalesChargeBound: 'maximum',
          serviceFeePct: '0.25',
          aggregateFeePct: '1.00',
        },
      ],
    ]);
    expect(doc.completeness.complete).toBe(true);
  });
});
