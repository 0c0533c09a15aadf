import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An AIM Class C plan amendment saved by Word as HTML: Schedule A's two registrant tables on two
// pages, the second under "SCHEDULE A (continued)" after a page-break <div>, <font> and &nbsp;
// everywhere. Read by hand: one Schedule A replacing the old one entirely, five Class C entries
// at maximum 0.75 / 0.25 / 1.00 (three AIM EQUITY FUNDS, two AIM SECTOR FUNDS), effective and
// dated 2008-07-01, rename AIM Multi-Sector Fund → AIM Select Equity Fund. Once, the continued
// page was a second schedule: "Schedule A (Class C)" twice, neither replacing the old one.
const HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><title>EX-99.M.1.L</title>
<style><!-- p.MsoNormal {margin:0in;} --></style></head>
<body lang=EN-US>
<div class=WordSection1>
<p class=MsoNormal align=right style='text-align:right'><font size=2 face="Times New Roman">Exhibit&nbsp;m(1)(l)</font></p>
<p class=MsoNormal align=center style='text-align:center'><b><font size=2>AMENDMENT NO.&nbsp;7</font></b></p>
<p class=MsoNormal align=center style='text-align:center'><b><font size=2>TO THE</font></b></p>
<p class=MsoNormal align=center style='text-align:center'><b><font size=2>FIRST RESTATED MASTER DISTRIBUTION PLAN</font></b></p>
<p class=MsoNormal align=center style='text-align:center'><b><font size=2>(CLASS&nbsp;C SHARES)</font></b></p>
<p class=MsoNormal>&nbsp;</p>
<p class=MsoNormal style='text-indent:.5in'><font size=2>The First Restated Master Distribution Plan (the &#8220;Plan&#8221;), dated as of August&nbsp;18, 2003, pursuant to Rule&nbsp;12b-1, is hereby amended, effective July&nbsp;1, 2008, as follows:</font></p>
<p class=MsoNormal style='text-indent:.5in'><font size=2>WHEREAS, AIM Multi-Sector Fund is now named AIM Select Equity Fund;</font></p>
<p class=MsoNormal style='text-indent:.5in'><font size=2>NOW, THEREFORE, Schedule&nbsp;A to the Plan is hereby deleted in its entirety and replaced with the following:</font></p>
<p class=MsoNormal align=center style='text-align:center'><font size=2>&#8220;SCHEDULE&nbsp;A</font></p>
<p class=MsoNormal align=center style='text-align:center'><font size=2>TO THE</font></p>
<p class=MsoNormal align=center style='text-align:center'><font size=2>FIRST RESTATED MASTER DISTRIBUTION PLAN</font></p>
<p class=MsoNormal align=center style='text-align:center'><font size=2>(CLASS&nbsp;C SHARES)</font></p>
<table border=0 cellspacing=0 cellpadding=0 width="100%">
<tr><td width="55%" valign=bottom><p class=MsoNormal><b><u><font size=2>AIM EQUITY FUNDS</font></u></b></p></td><td></td><td></td><td></td></tr>
<tr><td valign=bottom><p class=MsoNormal><b><u><font size=2>Portfolio - Class&nbsp;C Shares</font></u></b></p></td>
<td valign=bottom><p class=MsoNormal align=center><b><font size=2>Maximum<br>Asset<br>Based<br>Sales<br>Charge</font></b></p></td>
<td valign=bottom><p class=MsoNormal align=center><b><font size=2>Maximum<br>Service<br>Fee</font></b></p></td>
<td valign=bottom><p class=MsoNormal align=center><b><font size=2>Maximum<br>Aggregate<br>Fee</font></b></p></td></tr>
<tr><td><p class=MsoNormal><font size=2>AIM Capital Development Fund</font></p></td><td><p class=MsoNormal align=center><font size=2>0.75%</font></p></td><td><p class=MsoNormal align=center><font size=2>0.25%</font></p></td><td><p class=MsoNormal align=center><font size=2>1.00%</font></p></td></tr>
<tr><td><p class=MsoNormal><font size=2>AIM Charter Fund</font></p></td><td><p class=MsoNormal align=center><font size=2>0.75%</font></p></td><td><p class=MsoNormal align=center><font size=2>0.25%</font></p></td><td><p class=MsoNormal align=center><font size=2>1.00%</font></p></td></tr>
<tr><td><p class=MsoNormal><font size=2>AIM Select Equity Fund</font></p></td><td><p class=MsoNormal align=center><font size=2>0.75%</font></p></td><td><p class=MsoNormal align=center><font size=2>0.25%</font></p></td><td><p class=MsoNormal align=center><font size=2>1.00%</font></p></td></tr>
</table>
<p class=MsoNormal align=center style='text-align:center'><font size=2>1</font></p>
<br clear=all style='page-break-before:always'>
<div style="page-break-before:always"></div>
<p class=MsoNormal align=center style='text-align:center'><font size=2>SCHEDULE&nbsp;A (continued)</font></p>
<table border=0 cellspacing=0 cellpadding=0 width="100%">
<tr><td width="55%" valign=bottom><p class=MsoNormal><b><u><font size=2>AIM SECTOR FUNDS</font></u></b></p></td><td></td><td></td><td></td></tr>
<tr><td valign=bottom><p class=MsoNormal><b><u><font size=2>Portfolio - Class&nbsp;C Shares</font></u></b></p></td>
<td valign=bottom><p class=MsoNormal align=center><b><font size=2>Maximum<br>Asset<br>Based<br>Sales<br>Charge</font></b></p></td>
<td valign=bottom><p class=MsoNormal align=center><b><font size=2>Maximum<br>Service<br>Fee</font></b></p></td>
<td valign=bottom><p class=MsoNormal align=center><b><font size=2>Maximum<br>Aggregate<br>Fee</font></b></p></td></tr>
<tr><td><p class=MsoNormal><font size=2>AIM Energy Fund</font></p></td><td><p class=MsoNormal align=center><font size=2>0.75%</font></p></td><td><p class=MsoNormal align=center><font size=2>0.25%</font></p></td><td><p class=MsoNormal align=center><font size=2>1.00%</font></p></td></tr>
<tr><td><p class=MsoNormal><font size=2>AIM Gold &amp; Precious Metals Fund</font></p></td><td><p class=MsoNormal align=center><font size=2>0.75%</font></p></td><td><p class=MsoNormal align=center><font size=2>0.25%</font></p></td><td><p class=MsoNormal align=center><font size=2>1.00%&#8221;</font></p></td></tr>
</table>
<p class=MsoNormal>&nbsp;</p>
<p class=MsoNormal style='text-indent:.5in'><font size=2>All other terms and provisions of the Plan not amended herein shall remain in full force and effect.</font></p>
<p class=MsoNormal><font size=2>Dated: July&nbsp;1, 2008</font></p>
</div></body></html>
`;

describe('“SCHEDULE A (continued)” in an HTML exhibit', () => {
  it('goes on with Schedule A: one schedule, replacing the old one entirely', () => {
    const doc = parseExhibit(HTML, 'm1l.htm');
    expect(doc).toMatchObject({
      kind: 'plan-amendment',
      amendmentNumber: 7,
      effectiveDate: '2008-07-01',
      datedDate: '2008-07-01',
      renames: [{ from: 'AIM Multi-Sector Fund', to: 'AIM Select Equity Fund' }],
      completeness: { complete: true, gaps: [] },
    });
    expect(doc.schedules.map((s) => [s.name, s.replacesEntirely, s.entries.length])).toEqual([
      ['Schedule A', true, 5],
    ]);
    expect(doc.schedules[0]!.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)).toEqual([
      'AIM EQUITY FUNDS | AIM Capital Development Fund | C',
      'AIM EQUITY FUNDS | AIM Charter Fund | C',
      'AIM EQUITY FUNDS | AIM Select Equity Fund | C',
      'AIM SECTOR FUNDS | AIM Energy Fund | C',
      'AIM SECTOR FUNDS | AIM Gold & Precious Metals Fund | C',
    ]);
    for (const e of doc.schedules[0]!.entries)
      expect([
        e.assetBasedSalesChargePct,
        e.assetBasedSalesChargeBound,
        e.serviceFeePct,
        e.aggregateFeePct,
      ]).toEqual(['0.75', 'maximum', '0.25', '1.00']);
  });
});
