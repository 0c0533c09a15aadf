import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A Schedule A whose first column, headed "Registrant", holds each trust once, its cell spanning
// the rows of the trust's funds (rowspan). By hand: three Class C funds of two trusts, each at
// 0.75 / 0.25 / 1.00; the heading row is no fund ("Registrant Portfolio" was read as one).
const html = `<html><body>
<p align=center><b>AMENDMENT NO. 6<br>TO<br>DISTRIBUTION AND SERVICE PLAN<br>CLASS C SHARES</b></p>
<p>The Distribution and Service Plan (the &#8220;Plan&#8221;), dated as of May 24, 2019, pursuant to Rule 12b-1, is hereby amended, effective March&nbsp;1, 2023, as follows:</p>
<p>NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align=center>&#8220;SCHEDULE A</p>
<table>
<tr><th>Registrant</th><th>Portfolio</th><th>Share Class</th><th>Maximum Asset Based Sales Charge</th><th>Maximum Shareholder Services Fee</th><th>Maximum Aggregate Fee</th></tr>
<tr><td rowspan=2>AIM COUNSELOR SERIES TRUST (INVESCO COUNSELOR SERIES TRUST)</td><td>Invesco Core Plus Bond Fund</td><td>Class C</td><td>0.75%</td><td>0.25%</td><td>1.00%</td></tr>
<tr><td>Invesco Equity and Income Fund</td><td>Class C</td><td>0.75%</td><td>0.25%</td><td>1.00%</td></tr>
<tr><td>AIM FUNDS GROUP (INVESCO FUNDS GROUP)</td><td>Invesco European Small Company Fund</td><td>Class C</td><td>0.75%</td><td>0.25%</td><td>1.00%&#8221;</td></tr>
</table>
<p>All other terms and provisions of the Plan not amended herein shall remain in full force and effect.</p>
</body></html>`;

describe('a "Registrant" column whose cells span their funds’ rows', () => {
  it('gives each fund its trust, and its heading is no fund', () => {
    const doc = parseExhibit(html, 'registrant-column.htm');
    expect(doc).toMatchObject({ kind: 'plan-amendment', amendmentNumber: 6, effectiveDate: '2023-03-01' });
    const entry = (registrant: string, portfolio: string) => ({
      registrant,
      portfolio,
      class: 'C',
      assetBasedSalesChargePct: '0.75',
      assetBasedSalesChargeBound: 'maximum',
      serviceFeePct: '0.25',
      aggregateFeePct: '1.00',
    });
    const counselor = 'AIM COUNSELOR SERIES TRUST (INVESCO COUNSELOR SERIES TRUST)';
    expect(doc.schedules.map((s) => s.entries)).toEqual([
      [
        entry(counselor, 'Invesco Core Plus Bond Fund'),
        entry(counselor, 'Invesco Equity and Income Fund'),
        entry('AIM FUNDS GROUP (INVESCO FUNDS GROUP)', 'Invesco European Small Company Fund'),
      ],
    ]);
  });
});
