import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An AIM Class K amendment filed as HTML: the schedule table nested inside a one-cell layout
// table, heading cells broken by <BR>, "Charge*" with its footnote under the table, and a name
// cell broken by <BR> ("AIM Small Company<BR>Growth Fund"). Read by hand: Amendment No. 1,
// effective and dated 2004-10-15, plan dated 2003-11-30; three AIM STOCK FUNDS Class K entries at
// minimum 0.20 / 0.25 / 0.45, the third "AIM Small Company Growth Fund"; one footnote.
const HTML = `<HTML><HEAD><TITLE>INVESCO STOCK FUNDS INC</TITLE></HEAD><BODY>
<P ALIGN="RIGHT"><FONT SIZE="2">EXHIBIT m(3)(b)</FONT></P>
<P ALIGN="CENTER"><FONT SIZE="2"><B>AMENDMENT NO. 1<BR>TO THE<BR>MASTER DISTRIBUTION PLAN<BR>(CLASS K SHARES)</B></FONT></P>
<P><FONT SIZE="2">The Master Distribution Plan (the &quot;Plan&quot;), dated as of November&nbsp;30, 2003, pursuant to Rule 12b-1, is hereby amended, effective as of October&nbsp;15, 2004, as follows:</FONT></P>
<P><FONT SIZE="2">Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</FONT></P>
<P ALIGN="CENTER"><FONT SIZE="2">&quot;SCHEDULE A<BR>TO THE<BR>MASTER DISTRIBUTION PLAN<BR>(CLASS K SHARES)</FONT></P>
<TABLE WIDTH="100%" BORDER="0" CELLSPACING="0" CELLPADDING="0">
<TR><TD>
  <TABLE WIDTH="100%" BORDER="0">
  <TR VALIGN="BOTTOM"><TD WIDTH="52%"><FONT SIZE="2"><B>AIM STOCK FUNDS</B></FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2"><B>Minimum Asset<BR>Based Sales<BR>Charge*</B></FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2"><B>Maximum<BR>Service<BR>Fee</B></FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2"><B>Maximum<BR>Aggregate<BR>Fee</B></FONT></TD></TR>
  <TR><TD><FONT SIZE="2"><U>Portfolio - Class K Shares</U></FONT></TD><TD></TD><TD></TD><TD></TD></TR>
  <TR><TD><FONT SIZE="2">AIM Dynamics Fund</FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2">0.20%</FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2">0.25%</FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2">0.45%</FONT></TD></TR>
  <TR><TD><FONT SIZE="2">AIM Mid Cap Stock Fund</FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2">0.20%</FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2">0.25%</FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2">0.45%</FONT></TD></TR>
  <TR><TD><FONT SIZE="2">AIM Small Company<BR>Growth Fund</FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2">0.20%</FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2">0.25%</FONT></TD><TD ALIGN="CENTER"><FONT SIZE="2">0.45%</FONT></TD></TR>
  </TABLE>
</TD></TR>
</TABLE>
<P><FONT SIZE="1">*&nbsp;&nbsp;The Distribution Fee is payable apart from the Service Fee.&quot;</FONT></P>
<P><FONT SIZE="2">All other terms and provisions of the Plan not amended herein shall remain in full force and effect.</FONT></P>
<P><FONT SIZE="2">Dated: October 15, 2004</FONT></P>
<HR SIZE="3" STYLE="page-break-after:always">
</BODY></HTML>
`;

describe('a name cell broken by <br> is one fund', () => {
  it('reads “AIM Small Company<BR>Growth Fund” as one entry with its row’s rates', () => {
    const doc = parseExhibit(HTML, 'm3b.htm');
    expect(doc).toMatchObject({
      kind: 'plan-amendment',
      exhibit: 'm(3)(b)',
      amendmentNumber: 1,
      effectiveDate: '2004-10-15',
      datedDate: '2004-10-15',
      instrument: { classes: ['K'], datedAsOf: '2003-11-30' },
      footnotes: ['The Distribution Fee is payable apart from the Service Fee.'],
      warnings: [],
    });
    expect(doc.schedules.flatMap((s) => s.entries)).toEqual(
      ['AIM Dynamics Fund', 'AIM Mid Cap Stock Fund', 'AIM Small Company Growth Fund'].map((portfolio) => ({
        registrant: 'AIM STOCK FUNDS',
        portfolio,
        class: 'K',
        assetBasedSalesChargePct: '0.20',
        assetBasedSalesChargeBound: 'minimum',
        serviceFeePct: '0.25',
        aggregateFeePct: '0.45',
      })),
    );
  });

  it('two funds in two rows stay two, whatever their cells hold', () => {
    const two = HTML.replace(
      '<FONT SIZE="2">AIM Small Company<BR>Growth Fund</FONT>',
      '<FONT SIZE="2">AIM Small Company Growth Fund</FONT>',
    );
    expect(parseExhibit(two, 'm3b.htm').schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'AIM Dynamics Fund',
      'AIM Mid Cap Stock Fund',
      'AIM Small Company Growth Fund',
    ]);
  });
});
