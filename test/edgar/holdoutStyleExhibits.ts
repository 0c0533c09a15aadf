/**
 * Exhibits in the styles of the holdout families (AIM/INVESCO/Invesco, Pacific Life, Heritage/Eagle,
 * Pioneer, AARP, MainStay, Manning & Napier) with layouts the corpus does not show: written for
 * this test as filers produce them (.txt in the EDGAR layout, .htm as Word and EDGAR tools write
 * it), each with its reading worked out by hand from the document (SPEC §2.1). Invented documents.
 */

export interface ExpectedReading {
  readonly kind: string;
  readonly amendmentNumber: number | null;
  readonly effectiveDate: string | null;
  readonly datedDate?: string | null;
  readonly registrant: string | null;
  readonly classes: readonly string[];
  readonly datedAsOf?: string | null;
  /** name, replacesEntirely, entry count */
  readonly schedules: readonly (readonly [string, boolean, number])[];
  /** "registrant | portfolio | class | absc bound | service | aggregate" (rows() of exhibitFixtures.ts) */
  readonly rows: readonly string[];
  readonly renames: readonly { readonly from: string; readonly to: string }[];
  readonly footnotes: readonly string[];
  readonly complete: boolean;
}

export interface HoldoutStyleExhibit {
  readonly file: string;
  /** what the document is, and the layout it tries */
  readonly about: string;
  readonly text: string;
  readonly expected: ExpectedReading | { readonly refusedAtLine: number; readonly reason: string };
}

export const HOLDOUT_STYLE_EXHIBITS: readonly HoldoutStyleExhibit[] = [
  {
    file: 't01_aim-classA-plan-amend-split-pages.txt',
    about:
      'AIM Class A plan amendment: a <TABLE> schedule split over a page, "(continued)" Registrant heading, "0.00%*" rates, "*" footnote inside the quote',
    text: String.raw`<DOCUMENT>
<TYPE>EX-99.M(1)(F)
<SEQUENCE>4
<FILENAME>h12345exv99wmx1yxfy.txt
<DESCRIPTION>AMENDMENT NO. 5 TO MASTER DISTRIBUTION PLAN
<TEXT>
<PAGE>
                                                                EXHIBIT m(1)(f)

                                AMENDMENT NO. 5
                           TO THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                                (CLASS A SHARES)

      The Amended and Restated Master Distribution Plan (the "Plan"), dated as
of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective May
1, 2004, as follows:

      Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

                                  "SCHEDULE A
                                       TO
                            THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                               (CLASS A SHARES)

                        (DISTRIBUTION AND SERVICE FEES)

     The Fund shall pay the Distributor as full compensation for all services
rendered and all facilities furnished under the Distribution Plan for the Class
A Shares of each Portfolio designated below, a Distribution Fee* and a Service
Fee determined by applying the annual rate set forth below to the average daily
net assets of the Class A Shares of the Portfolio.

AIM EQUITY FUNDS
----------------
<TABLE>
<CAPTION>
                                            MINIMUM
                                          ASSET-BASED     MAXIMUM       MAXIMUM
                                             SALES        SERVICE      AGGREGATE
PORTFOLIO - CLASS A SHARES                  CHARGE          FEE           FEE
--------------------------                -----------    --------     ---------
<S>                                       <C>            <C>          <C>
AIM Aggressive Growth Fund                   0.00%*        0.25%         0.25%
AIM Blue Chip Fund                           0.00%*        0.25%         0.25%
AIM Capital Development Fund                 0.00%*        0.25%         0.25%
AIM Charter Fund                             0.05%         0.25%         0.30%
</TABLE>

                                       1
<PAGE>

AIM EQUITY FUNDS (continued)
----------------------------
<TABLE>
<CAPTION>
                                            MINIMUM
                                          ASSET-BASED     MAXIMUM       MAXIMUM
                                             SALES        SERVICE      AGGREGATE
PORTFOLIO - CLASS A SHARES                  CHARGE          FEE           FEE
--------------------------                -----------    --------     ---------
<S>                                       <C>            <C>          <C>
AIM Constellation Fund                       0.05%         0.25%         0.30%
AIM Large Cap Growth Fund                    0.10%         0.25%         0.35%
</TABLE>

AIM SECTOR FUNDS
----------------
<TABLE>
<CAPTION>
                                            MINIMUM
                                          ASSET-BASED     MAXIMUM       MAXIMUM
                                             SALES        SERVICE      AGGREGATE
PORTFOLIO - CLASS A SHARES                  CHARGE          FEE           FEE
--------------------------                -----------    --------     ---------
<S>                                       <C>            <C>          <C>
AIM Energy Fund                              0.10%         0.25%         0.35%
AIM Leisure Fund                             0.10%         0.25%         0.35%
</TABLE>

----------
*    The Distribution Fee is payable apart from the sales charge, if any, as
     stated in the current prospectus for the applicable Portfolio."

All other terms and provisions of the Plan not amended herein shall remain in
full force and effect.

Dated:  May 1, 2004

                                       2
</TEXT>
</DOCUMENT>
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 5,
      effectiveDate: '2004-05-01',
      datedDate: '2004-05-01',
      registrant: null,
      classes: ['A'],
      datedAsOf: '2003-08-18',
      schedules: [['Schedule A', true, 8]],
      rows: [
        'AIM EQUITY FUNDS | AIM Aggressive Growth Fund | A | 0.00 minimum | 0.25 | 0.25',
        'AIM EQUITY FUNDS | AIM Blue Chip Fund | A | 0.00 minimum | 0.25 | 0.25',
        'AIM EQUITY FUNDS | AIM Capital Development Fund | A | 0.00 minimum | 0.25 | 0.25',
        'AIM EQUITY FUNDS | AIM Charter Fund | A | 0.05 minimum | 0.25 | 0.30',
        'AIM EQUITY FUNDS | AIM Constellation Fund | A | 0.05 minimum | 0.25 | 0.30',
        'AIM EQUITY FUNDS | AIM Large Cap Growth Fund | A | 0.10 minimum | 0.25 | 0.35',
        'AIM SECTOR FUNDS | AIM Energy Fund | A | 0.10 minimum | 0.25 | 0.35',
        'AIM SECTOR FUNDS | AIM Leisure Fund | A | 0.10 minimum | 0.25 | 0.35',
      ],
      renames: [],
      footnotes: [
        'The Distribution Fee is payable apart from the sales charge, if any, as stated in the current prospectus for the applicable Portfolio.',
      ],
      complete: true,
    },
  },
  {
    file: 't02_aim-classB-MDA-amend-A1-A2-renames.txt',
    about:
      'AIM Class B agreement amendment replacing Schedules A-1 and A-2 (plain lists); renames by "changed its name to" and "(formerly \u2026)"',
    text: String.raw`<PAGE>
                                                                 EXHIBIT e(2)(c)

                                AMENDMENT NO. 3
                                     TO THE
             AMENDED AND RESTATED MASTER DISTRIBUTION AGREEMENT
                               (CLASS B SHARES)

      The Amended and Restated Master Distribution Agreement (the "Agreement"),
made as of August 18, 2003, by and between each registered investment company
set forth on Schedule A-1 and Schedule A-2 to the Agreement and A I M
Distributors, Inc., is hereby amended, effective as of October 15, 2004, as
follows:

      WHEREAS, effective October 15, 2004, INVESCO Core Equity Fund changed
its name to AIM Core Stock Fund;

      NOW, THEREFORE, Schedule A-1 and Schedule A-2 to the Agreement are
hereby deleted in their entirety and replaced with the following:

                                 "SCHEDULE A-1
                                       TO
                            THE AMENDED AND RESTATED
                         MASTER DISTRIBUTION AGREEMENT
                               (CLASS B SHARES)

AIM EQUITY FUNDS
----------------

PORTFOLIOS
----------
AIM Aggressive Growth Fund
AIM Charter Fund
AIM Constellation Fund

AIM SECTOR FUNDS
----------------

PORTFOLIOS
----------
AIM Energy Fund (formerly INVESCO Energy Fund)
AIM Leisure Fund


                                  SCHEDULE A-2
                                       TO
                            THE AMENDED AND RESTATED
                         MASTER DISTRIBUTION AGREEMENT
                               (CLASS B SHARES)

AIM COMBINATION STOCK & BOND FUNDS
----------------------------------

PORTFOLIOS
----------
AIM Core Stock Fund
AIM Total Return Fund"

All other terms and provisions of the Agreement not amended herein shall remain
in full force and effect.

Dated:  October 15, 2004
                                       AIM EQUITY FUNDS

                                       By:  /s/ ROBERT H. GRAHAM
                                            ----------------------------
                                            Robert H. Graham
                                            President
`,
    expected: {
      kind: 'agreement-amendment',
      amendmentNumber: 3,
      effectiveDate: '2004-10-15',
      datedDate: '2004-10-15',
      registrant: null,
      classes: ['B'],
      datedAsOf: '2003-08-18',
      schedules: [
        ['Schedule A-1', true, 5],
        ['Schedule A-2', true, 2],
      ],
      rows: [
        'AIM EQUITY FUNDS | AIM Aggressive Growth Fund | B | null null | null | null',
        'AIM EQUITY FUNDS | AIM Charter Fund | B | null null | null | null',
        'AIM EQUITY FUNDS | AIM Constellation Fund | B | null null | null | null',
        'AIM SECTOR FUNDS | AIM Energy Fund | B | null null | null | null',
        'AIM SECTOR FUNDS | AIM Leisure Fund | B | null null | null | null',
        'AIM COMBINATION STOCK & BOND FUNDS | AIM Core Stock Fund | B | null null | null | null',
        'AIM COMBINATION STOCK & BOND FUNDS | AIM Total Return Fund | B | null null | null | null',
      ],
      renames: [
        { from: 'INVESCO Core Equity Fund', to: 'AIM Core Stock Fund' },
        { from: 'INVESCO Energy Fund', to: 'AIM Energy Fund' },
      ],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't03_pacificlife-classA-scheduleA-words-date.txt',
    about: 'Pacific Life stand-alone Schedule A, centred list, "Effective: the first day of May, 2004"',
    text: String.raw`<PAGE>
                                                              EXHIBIT (m)(1)(c)

                   CLASS A DISTRIBUTION AND SERVICE PLAN

                               SCHEDULE A

                       PF AIM Blue Chip Fund
                       PF AIM Aggressive Growth Fund
                       PF INVESCO Health Sciences Fund
                       PF Janus Strategic Value Fund
                       PF Lazard International Value Fund
                       PF MFS Mid-Cap Growth Fund
                       PF Pacific Life Money Market Fund
                       PF Putnam Equity Income Fund




Effective:  the first day of May, 2004
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2004-05-01',
      datedDate: null,
      registrant: null,
      classes: ['A'],
      datedAsOf: null,
      schedules: [['Schedule A', false, 8]],
      rows: [
        '- | PF AIM Blue Chip Fund | A | null null | null | null',
        '- | PF AIM Aggressive Growth Fund | A | null null | null | null',
        '- | PF INVESCO Health Sciences Fund | A | null null | null | null',
        '- | PF Janus Strategic Value Fund | A | null null | null | null',
        '- | PF Lazard International Value Fund | A | null null | null | null',
        '- | PF MFS Mid-Cap Growth Fund | A | null null | null | null',
        '- | PF Pacific Life Money Market Fund | A | null null | null | null',
        '- | PF Putnam Equity Income Fund | A | null null | null | null',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't04_heritage-classB-scheduleA-dots-footnote.txt',
    about:
      'Heritage Class B schedule: title below the heading (one line "HERITAGE SERIES TRUST CLASS B", "RULE 12b-1"), dot leaders, "0.75%*", a footnote stating its own effective date',
    text: String.raw`<PAGE>
                                                                  EXHIBIT (m)(2)

                                   SCHEDULE A

                        HERITAGE SERIES TRUST CLASS B
                    DISTRIBUTION PLAN PURSUANT TO RULE 12b-1

                          As amended on August 19, 2003
                          and amended on May 21, 2004

     Name of Fund                                         Fee
     ------------                                         ---

     AGGRESSIVE GROWTH FUND..................................0.75%
     CORE EQUITY FUND........................................0.75%
     DIVERSIFIED GROWTH FUND.................................0.75%
     INTERNATIONAL EQUITY FUND...............................0.75%*
     MID CAP STOCK FUND......................................0.75%
     SMALL CAP STOCK FUND....................................0.75%

     *  Effective June 1, 2004.

Dated:  May 21, 2004
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2004-05-21',
      datedDate: '2004-05-21',
      registrant: 'HERITAGE SERIES TRUST',
      classes: ['B'],
      schedules: [['Schedule A', false, 6]],
      rows: [
        'HERITAGE SERIES TRUST | AGGRESSIVE GROWTH FUND | B | null null | null | 0.75',
        'HERITAGE SERIES TRUST | CORE EQUITY FUND | B | null null | null | 0.75',
        'HERITAGE SERIES TRUST | DIVERSIFIED GROWTH FUND | B | null null | null | 0.75',
        'HERITAGE SERIES TRUST | INTERNATIONAL EQUITY FUND | B | null null | null | 0.75',
        'HERITAGE SERIES TRUST | MID CAP STOCK FUND | B | null null | null | 0.75',
        'HERITAGE SERIES TRUST | SMALL CAP STOCK FUND | B | null null | null | 0.75',
      ],
      renames: [],
      footnotes: ['Effective June 1, 2004.'],
      complete: true,
    },
  },
  {
    file: 't05_pioneer-classA-plan-appendixA-tabs.txt',
    about: 'Pioneer Appendix A with tab-aligned "Fund / Distribution and Service Fee" columns',
    text: String.raw`                                                                 EXHIBIT (m)(1)

                                   APPENDIX A
                                DISTRIBUTION PLAN
                                 CLASS A SHARES


	Fund					Distribution and Service Fee
	----					----------------------------

	Pioneer Bond Fund					0.25%

	Pioneer Equity Income Fund				0.25%

	Pioneer Fundamental Growth Fund			0.25%

	Pioneer Mid Cap Value Fund				0.25%

	Pioneer Short Term Income Fund			0.20%



Dated:  November 17, 2014
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2014-11-17',
      datedDate: '2014-11-17',
      registrant: null,
      classes: ['A'],
      datedAsOf: null,
      schedules: [['Appendix A', false, 5]],
      rows: [
        '- | Pioneer Bond Fund | A | null null | null | 0.25',
        '- | Pioneer Equity Income Fund | A | null null | null | 0.25',
        '- | Pioneer Fundamental Growth Fund | A | null null | null | 0.25',
        '- | Pioneer Mid Cap Value Fund | A | null null | null | 0.25',
        '- | Pioneer Short Term Income Fund | A | null null | null | 0.20',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't06_invesco-classC-plan-amend-html-class-per-row.htm',
    about:
      'Invesco .htm (Word export) Class C amendment: a class column per row, mixed-case underlined Registrant rows spanning the table',
    text: String.raw`<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 11">
<title>Amendment No. 7 to the First Restated Master Distribution Plan</title>
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0in;
	margin-bottom:.0001pt;
	font-size:12.0pt;
	font-family:"Times New Roman";}
@page Section1
	{size:8.5in 11.0in;
	margin:1.0in 1.0in 1.0in 1.0in;}
div.Section1
	{page:Section1;}
-->
</style>
</head>

<body lang=EN-US style='tab-interval:.5in'>

<div class=Section1>

<p class=MsoNormal align=right style='text-align:right'><b><span
style='font-size:10.0pt'>Exhibit m(1)(h)<o:p></o:p></span></b></p>

<p class=MsoNormal align=center style='text-align:center'><b>AMENDMENT NO. 7<o:p></o:p></b></p>

<p class=MsoNormal align=center style='text-align:center'><b>TO THE<o:p></o:p></b></p>

<p class=MsoNormal align=center style='text-align:center'><b>FIRST RESTATED
MASTER DISTRIBUTION PLAN<o:p></o:p></b></p>

<p class=MsoNormal align=center style='text-align:center'><b>(COMPENSATION)<o:p></o:p></b></p>

<p class=MsoNormal align=center style='text-align:center'><b>(CLASS C SHARES)<o:p></o:p></b></p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoNormal style='text-align:justify;text-indent:.5in'>The First
Restated Master Distribution Plan (Compensation) (the &#8220;Plan&#8221;),
dated as of July&nbsp;1, 2010, pursuant to Rule 12b-1, is hereby amended,
effective as of April&nbsp;29, 2011, as follows:</p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoNormal style='text-align:justify;text-indent:.5in'>Schedule A to
the Plan is hereby deleted in its entirety and replaced with the following:</p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoNormal align=center style='text-align:center'><b>&#8220;SCHEDULE A<o:p></o:p></b></p>

<p class=MsoNormal align=center style='text-align:center'><b>TO THE<o:p></o:p></b></p>

<p class=MsoNormal align=center style='text-align:center'><b>FIRST RESTATED
MASTER DISTRIBUTION PLAN<o:p></o:p></b></p>

<p class=MsoNormal align=center style='text-align:center'><b>(COMPENSATION)<o:p></o:p></b></p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width="100%"
 style='width:100.0%;border-collapse:collapse'>
 <tr>
  <td width="40%" valign=bottom style='width:40.0%;padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal><b><u>Portfolio</u></b></p>
  </td>
  <td width="12%" valign=bottom style='width:12.0%;padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'><b><u>Class</u></b></p>
  </td>
  <td width="16%" valign=bottom style='width:16.0%;padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'><b>Maximum<br>
  Asset<br>
  Based<br>
  Sales<br>
  <u>Charge</u></b></p>
  </td>
  <td width="16%" valign=bottom style='width:16.0%;padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'><b>Maximum<br>
  Service<br>
  <u>Fee</u></b></p>
  </td>
  <td width="16%" valign=bottom style='width:16.0%;padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'><b>Maximum<br>
  Aggregate<br>
  <u>Fee</u></b></p>
  </td>
 </tr>
 <tr>
  <td colspan=5 valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal><b>&nbsp;</b></p>
  <p class=MsoNormal><b><u>AIM Counselor Series Trust</u></b></p>
  </td>
 </tr>
 <tr>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal>Invesco California Tax-Free Income Fund</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>Class C</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>0.75%</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>0.25%</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>1.00%</p>
  </td>
 </tr>
 <tr>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal>Invesco Core Plus Bond Fund</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>Class C</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>0.75%</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>0.25%</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>1.00%</p>
  </td>
 </tr>
 <tr>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal>Invesco Floating Rate Fund</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>Class C</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>0.50%</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>0.25%</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>0.75%</p>
  </td>
 </tr>
 <tr>
  <td colspan=5 valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal><b>&nbsp;</b></p>
  <p class=MsoNormal><b><u>AIM Equity Funds</u></b></p>
  </td>
 </tr>
 <tr>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal>Invesco Charter Fund</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>Class C</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>0.75%</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>0.25%</p>
  </td>
  <td valign=top style='padding:0in 5.4pt 0in 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>1.00%&#8221;</p>
  </td>
 </tr>
</table>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoNormal style='text-align:justify;text-indent:.5in'>All other terms
and provisions of the Plan not amended herein shall remain in full force and
effect.</p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoNormal>Dated: April&nbsp;29, 2011</p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoNormal style='margin-left:3.0in'>AIM COUNSELOR SERIES TRUST<br>
AIM EQUITY FUNDS<br>
on behalf of the Funds listed on Schedule A</p>

<p class=MsoNormal style='margin-left:3.0in'>By:&nbsp;&nbsp;/s/ John M. Zerr<br>
Name:&nbsp;&nbsp;John M. Zerr<br>
Title:&nbsp;&nbsp;Senior Vice President</p>

</div>

</body>

</html>
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 7,
      effectiveDate: '2011-04-29',
      datedDate: '2011-04-29',
      registrant: null,
      classes: ['C'],
      datedAsOf: '2010-07-01',
      schedules: [['Schedule A', true, 4]],
      rows: [
        'AIM Counselor Series Trust | Invesco California Tax-Free Income Fund | C | 0.75 maximum | 0.25 | 1.00',
        'AIM Counselor Series Trust | Invesco Core Plus Bond Fund | C | 0.75 maximum | 0.25 | 1.00',
        'AIM Counselor Series Trust | Invesco Floating Rate Fund | C | 0.50 maximum | 0.25 | 0.75',
        'AIM Equity Funds | Invesco Charter Fund | C | 0.75 maximum | 0.25 | 1.00',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't07_mainstay-classB-scheduleA-html-em-dash.htm',
    about:
      "MainStay .htm Schedule A: an em dash where a fund's fee stands \u2014 refused at its line, never read as a rate",
    text: String.raw`<HTML>
<HEAD>
<TITLE>EX-99.(M)(2)</TITLE>
</HEAD>
<BODY BGCOLOR="WHITE">
<P ALIGN="right"><FONT FACE="Times New Roman" SIZE="2">Exhibit (m)(2)</FONT></P>
<P ALIGN="center"><FONT FACE="Times New Roman" SIZE="2"><B>SCHEDULE A</B></FONT></P>
<P ALIGN="center"><FONT FACE="Times New Roman" SIZE="2"><B>THE MAINSTAY FUNDS<BR>PLAN OF DISTRIBUTION PURSUANT TO RULE 12b-1<BR>FOR CLASS B SHARES</B></FONT></P>
<P ALIGN="center"><FONT FACE="Times New Roman" SIZE="2">(As amended February&nbsp;28, 2013)</FONT></P>
<P ALIGN="center"><FONT SIZE="1">&nbsp;</FONT></P>
<DIV ALIGN="center">
<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0" WIDTH="70%">
<TR VALIGN="bottom">
<TD WIDTH="70%"><FONT FACE="Times New Roman" SIZE="2"><B><U>FUND</U></B></FONT></TD>
<TD WIDTH="5%">&nbsp;</TD>
<TD WIDTH="25%" ALIGN="center"><FONT FACE="Times New Roman" SIZE="2"><B><U>FEE</U></B></FONT></TD>
</TR>
<TR VALIGN="top">
<TD><FONT FACE="Times New Roman" SIZE="2">MainStay Common Stock Fund</FONT></TD>
<TD>&nbsp;</TD>
<TD ALIGN="center"><FONT FACE="Times New Roman" SIZE="2">.75%</FONT></TD>
</TR>
<TR VALIGN="top" BGCOLOR="#CCEEFF">
<TD><FONT FACE="Times New Roman" SIZE="2">MainStay Convertible Fund</FONT></TD>
<TD>&nbsp;</TD>
<TD ALIGN="center"><FONT FACE="Times New Roman" SIZE="2">.75%</FONT></TD>
</TR>
<TR VALIGN="top">
<TD><FONT FACE="Times New Roman" SIZE="2">MainStay Global High Income Fund</FONT></TD>
<TD>&nbsp;</TD>
<TD ALIGN="center"><FONT FACE="Times New Roman" SIZE="2">&#151;</FONT></TD>
</TR>
<TR VALIGN="top" BGCOLOR="#CCEEFF">
<TD><FONT FACE="Times New Roman" SIZE="2">MainStay High Yield Corporate Bond Fund</FONT></TD>
<TD>&nbsp;</TD>
<TD ALIGN="center"><FONT FACE="Times New Roman" SIZE="2">.75%</FONT></TD>
</TR>
</TABLE>
</DIV>
</BODY>
</HTML>
`,
    expected: { refusedAtLine: 29, reason: '"MainStay Global High Income Fund" has no rates' },
  },
  {
    file: 't08_aarp-scheduleA-html-nested-br.htm',
    about:
      'AARP .htm schedule: nested tables, a name broken by <br>, "None" as a rate, no class stated (a gap, as corpus 13)',
    text: String.raw`<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Schedule A</title>
</head>
<body style="font-family:'Times New Roman'">
<div style="text-align:right"><font size="2">Exhibit (m)(1)(a)</font></div>
<p style="text-align:center;margin:0"><b>AARP FUNDS</b></p>
<p style="text-align:center;margin:0"><b>DISTRIBUTION PLAN PURSUANT TO RULE 12b-1</b></p>
<p style="text-align:center;margin:0"><b>SCHEDULE A</b></p>
<p style="text-align:center;margin:0">Dated as of February&nbsp;1, 2006<br>Amended and Restated effective as of September&nbsp;1, 2006</p>
<p>&nbsp;</p>
<table width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td>
  <table width="100%" cellpadding="2" cellspacing="0" border="0">
  <tr>
    <td width="60%" style="border-bottom:1px solid black"><p style="margin:0"><b>Fund</b></p></td>
    <td width="40%" style="border-bottom:1px solid black;text-align:center"><p style="margin:0"><b>Distribution Fee<br>(as a percentage of average<br>daily net assets)</b></p></td>
  </tr>
  <tr>
    <td><p style="margin:0">AARP Aggressive<br>Fund</p></td>
    <td style="text-align:center"><p style="margin:0">0.20%</p></td>
  </tr>
  <tr>
    <td><p style="margin:0">AARP Moderate Fund</p></td>
    <td style="text-align:center"><p style="margin:0">0.20%</p></td>
  </tr>
  <tr>
    <td><p style="margin:0">AARP Conservative Fund</p></td>
    <td style="text-align:center"><p style="margin:0">0.20%</p></td>
  </tr>
  <tr>
    <td><p style="margin:0">AARP Income Fund</p></td>
    <td style="text-align:center"><p style="margin:0">0.20%</p></td>
  </tr>
  <tr>
    <td><p style="margin:0">AARP Money Market Fund</p></td>
    <td style="text-align:center"><p style="margin:0">None</p></td>
  </tr>
  </table>
</td></tr>
</table>
</body>
</html>
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2006-09-01',
      registrant: 'AARP FUNDS',
      classes: [],
      schedules: [['Schedule A', false, 5]],
      rows: [
        'AARP FUNDS | AARP Aggressive Fund | null | 0.20 null | null | null',
        'AARP FUNDS | AARP Moderate Fund | null | 0.20 null | null | null',
        'AARP FUNDS | AARP Conservative Fund | null | 0.20 null | null | null',
        'AARP FUNDS | AARP Income Fund | null | 0.20 null | null | null',
        'AARP FUNDS | AARP Money Market Fund | null | 0.00 null | null | null',
      ],
      renames: [],
      footnotes: [],
      complete: false,
    },
  },
  {
    file: 't09_manning-napier-exhibitA-html-dated-vs-effective.htm',
    about:
      'Manning & Napier .htm Exhibit A: "Dated as of \u2026, effective as of \u2026", the Registrant "\u2026 Fund, Inc." under the plan\'s name, a "Fee*" footnote',
    text: String.raw`<HTML><HEAD><TITLE></TITLE></HEAD><BODY>
<P STYLE="margin-top:0pt; margin-bottom:0pt; font-size:10pt; font-family:Times New Roman" ALIGN="center"><B>Exhibit A </B></P>
<P STYLE="margin-top:0pt; margin-bottom:0pt; font-size:10pt; font-family:Times New Roman" ALIGN="center"><B>Fee Schedule </B></P>
<P STYLE="font-size:12pt;margin-top:0pt;margin-bottom:0pt">&nbsp;</P>
<P STYLE="margin-top:0pt; margin-bottom:0pt; font-size:10pt; font-family:Times New Roman" ALIGN="center">Distribution and Shareholder Services Plan</P>
<P STYLE="margin-top:0pt; margin-bottom:0pt; font-size:10pt; font-family:Times New Roman" ALIGN="center">Manning &amp; Napier Fund, Inc.</P>
<P STYLE="margin-top:0pt; margin-bottom:0pt; font-size:10pt; font-family:Times New Roman" ALIGN="center">Dated as of March&nbsp;6, 2014, effective as of March&nbsp;28, 2014</P>
<P STYLE="font-size:12pt;margin-top:0pt;margin-bottom:0pt">&nbsp;</P>
<TABLE STYLE="BORDER-COLLAPSE:COLLAPSE; font-family:Times New Roman; font-size:10pt" BORDER="0" CELLPADDING="0" CELLSPACING="0" WIDTH="80%" ALIGN="center">
<TR>
<TD WIDTH="74%"></TD>
<TD VALIGN="bottom" WIDTH="26%"></TD></TR>
<TR STYLE="font-size:1pt">
<TD VALIGN="bottom" STYLE="border-bottom:1px solid #000000">&nbsp;</TD>
<TD VALIGN="bottom" STYLE="border-bottom:1px solid #000000">&nbsp;</TD></TR>
<TR>
<TD VALIGN="bottom"><P STYLE="margin-top:0pt; margin-bottom:1pt"><B>Series and Class</B></P></TD>
<TD VALIGN="bottom" ALIGN="center"><P STYLE="margin-top:0pt; margin-bottom:1pt"><B>Fee*</B></P></TD></TR>
<TR BGCOLOR="#cceeff">
<TD VALIGN="top"><P STYLE="margin-left:1.00em; text-indent:-1.00em">Target 2010 Series &#150; Class K</P></TD>
<TD VALIGN="top" ALIGN="center">0.25%</TD></TR>
<TR>
<TD VALIGN="top"><P STYLE="margin-left:1.00em; text-indent:-1.00em">Target 2010 Series &#150; Class R</P></TD>
<TD VALIGN="top" ALIGN="center">0.50%</TD></TR>
<TR BGCOLOR="#cceeff">
<TD VALIGN="top"><P STYLE="margin-left:1.00em; text-indent:-1.00em">Target 2020 Series &#150; Class K</P></TD>
<TD VALIGN="top" ALIGN="center">0.25%</TD></TR>
<TR>
<TD VALIGN="top"><P STYLE="margin-left:1.00em; text-indent:-1.00em">Target 2020 Series &#150; Class R</P></TD>
<TD VALIGN="top" ALIGN="center">0.50%</TD></TR>
<TR BGCOLOR="#cceeff">
<TD VALIGN="top"><P STYLE="margin-left:1.00em; text-indent:-1.00em">Pro-Blend Conservative Term Series &#150; Class C</P></TD>
<TD VALIGN="top" ALIGN="center">1.00%</TD></TR>
</TABLE>
<P STYLE="margin-top:6pt; margin-bottom:0pt; font-size:8pt; font-family:Times New Roman">*&nbsp;&nbsp;Expressed as an annual rate of the average daily net assets of the Class.</P>
</BODY></HTML>
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2014-03-28',
      registrant: null,
      classes: ['K', 'R', 'C'],
      datedAsOf: '2014-03-06',
      schedules: [['Exhibit A', false, 5]],
      rows: [
        'Manning & Napier Fund, Inc. | Target 2010 Series | K | null null | null | 0.25',
        'Manning & Napier Fund, Inc. | Target 2010 Series | R | null null | null | 0.50',
        'Manning & Napier Fund, Inc. | Target 2020 Series | K | null null | null | 0.25',
        'Manning & Napier Fund, Inc. | Target 2020 Series | R | null null | null | 0.50',
        'Manning & Napier Fund, Inc. | Pro-Blend Conservative Term Series | C | null null | null | 1.00',
      ],
      renames: [],
      footnotes: ['Expressed as an annual rate of the average daily net assets of the Class.'],
      complete: true,
    },
  },
  {
    file: 't10_aim-classC-MDA-amend-draft-blank.txt',
    about:
      'AIM Class A/C agreement amendment, a draft: "effective as of _____________, 2004" and a blank "Dated:"',
    text: String.raw`<PAGE>
                                                                 EXHIBIT e(1)(d)

                                AMENDMENT NO. 2
                                       TO
                    FIRST AMENDED AND RESTATED MASTER DISTRIBUTION
                                    AGREEMENT
                    (APPLICABLE TO CLASS A AND CLASS C SHARES)

      The First Amended and Restated Master Distribution Agreement (the
"Agreement"), dated July 1, 2000, by and between AIM Growth Series, a Delaware
business trust, and A I M Distributors, Inc., a Delaware corporation, is hereby
amended, effective as of _____________, 2004, as follows:

      Appendix A to the Agreement is hereby deleted in its entirety and replaced
with the following:

                                  "APPENDIX A
                                       TO
                  FIRST AMENDED AND RESTATED MASTER DISTRIBUTION
                                   AGREEMENT
                                       OF
                               AIM GROWTH SERIES

CLASS A SHARES
--------------

AIM Basic Value Fund
AIM Mid Cap Equity Fund
AIM Small Cap Growth Fund

CLASS C SHARES
--------------

AIM Basic Value Fund
AIM Mid Cap Equity Fund"

      All other terms and provisions of the Agreement not amended herein shall
remain in full force and effect.

Dated:  _____________, 2004
`,
    expected: {
      kind: 'agreement-amendment',
      amendmentNumber: 2,
      effectiveDate: null,
      datedDate: null,
      registrant: 'AIM Growth Series',
      classes: ['A', 'C'],
      datedAsOf: '2000-07-01',
      schedules: [['Appendix A', true, 5]],
      rows: [
        'AIM Growth Series | AIM Basic Value Fund | A | null null | null | null',
        'AIM Growth Series | AIM Mid Cap Equity Fund | A | null null | null | null',
        'AIM Growth Series | AIM Small Cap Growth Fund | A | null null | null | null',
        'AIM Growth Series | AIM Basic Value Fund | C | null null | null | null',
        'AIM Growth Series | AIM Mid Cap Equity Fund | C | null null | null | null',
      ],
      renames: [],
      footnotes: [],
      complete: false,
    },
  },
  {
    file: 't11_aim-classR-plan-amend-effective-in-words.txt',
    about: 'AIM Class R plan amendment "effective as of the first day of May, 2004", "Dated: April 30, 2004"',
    text: String.raw`<PAGE>
                                                                EXHIBIT m(4)(k)

                                AMENDMENT NO. 9
                           TO THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                                (CLASS R SHARES)

      The Amended and Restated Master Distribution Plan (the "Plan"), dated as
of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective as of
the first day of May, 2004, as follows:

      Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

                                  "SCHEDULE A
                                       TO
                            THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

AIM EQUITY FUNDS

                                             Minimum Asset   Maximum    Maximum
                                              Based Sales    Service   Aggregate
                                                 Charge        Fee        Fee
                                             -------------   -------   ---------
Portfolio - Class R Shares
AIM Charter Fund                                 0.25%        0.25%      0.50%
AIM Constellation Fund                           0.25%        0.25%      0.50%

AIM FUNDS GROUP

                                             Minimum Asset   Maximum    Maximum
                                              Based Sales    Service   Aggregate
                                                 Charge        Fee        Fee
                                             -------------   -------   ---------
Portfolio - Class R Shares
AIM Balanced Fund                                0.25%        0.25%      0.50%"

All other terms and provisions of the Plan not amended herein shall remain in
full force and effect.

Dated:  April 30, 2004
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 9,
      effectiveDate: '2004-05-01',
      datedDate: '2004-04-30',
      registrant: null,
      classes: ['R'],
      datedAsOf: '2003-08-18',
      schedules: [['Schedule A', true, 3]],
      rows: [
        'AIM EQUITY FUNDS | AIM Charter Fund | R | 0.25 minimum | 0.25 | 0.50',
        'AIM EQUITY FUNDS | AIM Constellation Fund | R | 0.25 minimum | 0.25 | 0.50',
        'AIM FUNDS GROUP | AIM Balanced Fund | R | 0.25 minimum | 0.25 | 0.50',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't12_aim-classK-plan-amend-na-cell.txt',
    about: 'AIM Class K plan amendment with "N/A" in a rate column \u2014 refused at the row',
    text: String.raw`<PAGE>
                                AMENDMENT NO. 2
                           TO THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                                (CLASS K SHARES)

      The Amended and Restated Master Distribution Plan (the "Plan"), dated as
of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective
March 1, 2004, as follows:

      Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

                                  "SCHEDULE A
                                       TO
                            THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

AIM STOCK FUNDS

                                             Minimum Asset   Maximum    Maximum
                                              Based Sales    Service   Aggregate
                                                 Charge        Fee        Fee
                                             -------------   -------   ---------
Portfolio - Class K Shares
AIM Dynamics Fund                                0.20%        0.25%      0.45%
AIM Mid Cap Stock Fund                           0.20%         N/A       0.45%
AIM Small Company Growth Fund                    0.20%        0.25%      0.45%"

All other terms and provisions of the Plan not amended herein shall remain in
full force and effect.

Dated:  March 1, 2004
`,
    expected: { refusedAtLine: 28, reason: '1 of 3 rates' },
  },
  {
    file: 't13_invesco-classAC-plan-amend-html-footnote-after-quote.htm',
    about:
      'Invesco .htm Class A/C amendment: "\u2026 Fund \u2013 Class A" rows, the "(1)" footnote after the closing quote and the table',
    text: String.raw`<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>EX-99.M.1.B</title>
</head>
<body>
<div style="font-family:Times New Roman;font-size:10pt">
<p align="right"><font size="2">Exhibit (m)(1)(b)</font></p>
<p align="center"><b>AMENDMENT NO. 4</b><br><b>TO THE</b><br><b>AMENDED AND RESTATED MASTER DISTRIBUTION PLAN</b><br><b>(CLASS A AND CLASS C SHARES)</b></p>
<p style="text-indent:36pt;text-align:justify">The Amended and Restated Master Distribution Plan (the &#147;Plan&#148;), dated as of July&nbsp;1, 2010, pursuant to Rule 12b-1, is hereby amended, effective as of February&nbsp;12, 2010, as follows:</p>
<p style="text-indent:36pt;text-align:justify">Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align="center"><b>&#147;SCHEDULE A</b><br><b>TO THE</b><br><b>AMENDED AND RESTATED MASTER DISTRIBUTION PLAN</b></p>
<table cellspacing="0" cellpadding="0" border="0" width="100%">
<tr>
<td width="46%" valign="bottom"><p><b><u>Fund</u></b></p></td>
<td width="18%" valign="bottom" align="center"><p><b>Maximum<br>Asset-Based<br>Sales Charge<sup>(1)</sup></b></p></td>
<td width="18%" valign="bottom" align="center"><p><b>Maximum<br>Service Fee</b></p></td>
<td width="18%" valign="bottom" align="center"><p><b>Maximum<br>Aggregate Fee</b></p></td>
</tr>
<tr><td colspan="4"><p><b><u>AIM GROWTH SERIES</u></b></p></td></tr>
<tr>
<td valign="top"><p>Invesco Balanced-Risk Retirement 2020 Fund &#150; Class A</p></td>
<td valign="top" align="center"><p>0.25%</p></td>
<td valign="top" align="center"><p>0.25%</p></td>
<td valign="top" align="center"><p>0.25%</p></td>
</tr>
<tr>
<td valign="top"><p>Invesco Balanced-Risk Retirement 2020 Fund &#150; Class C</p></td>
<td valign="top" align="center"><p>0.75%</p></td>
<td valign="top" align="center"><p>0.25%</p></td>
<td valign="top" align="center"><p>1.00%</p></td>
</tr>
<tr>
<td valign="top"><p>Invesco Convertible Securities Fund &#150; Class A</p></td>
<td valign="top" align="center"><p>0.25%</p></td>
<td valign="top" align="center"><p>0.25%</p></td>
<td valign="top" align="center"><p>0.25%&#148;</p></td>
</tr>
</table>
<p style="margin-top:6pt">(1)&nbsp;&nbsp;The Asset-Based Sales Charge for Class A Shares is a service fee within the meaning of FINRA Rule 2830.</p>
<p style="text-indent:36pt">All other terms and provisions of the Plan not amended herein shall remain in full force and effect.</p>
<p>Dated: February&nbsp;12, 2010</p>
</div>
</body>
</html>
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 4,
      effectiveDate: '2010-02-12',
      datedDate: '2010-02-12',
      registrant: null,
      classes: ['A', 'C'],
      datedAsOf: '2010-07-01',
      schedules: [['Schedule A', true, 3]],
      rows: [
        'AIM GROWTH SERIES | Invesco Balanced-Risk Retirement 2020 Fund | A | 0.25 maximum | 0.25 | 0.25',
        'AIM GROWTH SERIES | Invesco Balanced-Risk Retirement 2020 Fund | C | 0.75 maximum | 0.25 | 1.00',
        'AIM GROWTH SERIES | Invesco Convertible Securities Fund | A | 0.25 maximum | 0.25 | 0.25',
      ],
      renames: [],
      footnotes: [
        'The Asset-Based Sales Charge for Class A Shares is a service fee within the meaning of FINRA Rule 2830.',
      ],
      complete: true,
    },
  },
  {
    file: 't14_invesco-classR-plan-amend-html-formerly-in-table.htm',
    about:
      'Invesco .htm Class R amendment: "(formerly, \u2026)" in the fund cells, one broken by <br>, and a rename clause',
    text: String.raw`<HTML>
<HEAD><TITLE>Amendment No. 3</TITLE></HEAD>
<BODY>
<P ALIGN="right"><FONT SIZE="2">Exhibit m(3)(d)</FONT></P>
<P ALIGN="center"><FONT SIZE="2"><B>AMENDMENT NO. 3 TO THE</B></FONT></P>
<P ALIGN="center"><FONT SIZE="2"><B>AMENDED AND RESTATED MASTER DISTRIBUTION PLAN</B></FONT></P>
<P ALIGN="center"><FONT SIZE="2"><B>(CLASS R SHARES)</B></FONT></P>
<P ALIGN="justify"><FONT SIZE="2">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;The Amended and Restated Master Distribution Plan (the &#147;Plan&#148;), dated as of July&nbsp;1, 2010, pursuant to Rule 12b-1, is hereby amended, effective as of May&nbsp;23, 2011, as follows:</FONT></P>
<P ALIGN="justify"><FONT SIZE="2">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;WHEREAS, the parties desire to amend the Plan to reflect the name change of Invesco Van Kampen Comstock Fund to Invesco Comstock Fund;</FONT></P>
<P ALIGN="justify"><FONT SIZE="2">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;NOW, THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</FONT></P>
<P ALIGN="center"><FONT SIZE="2"><B>&#147;SCHEDULE A</B></FONT></P>
<P ALIGN="center"><FONT SIZE="2"><B>AMENDED AND RESTATED MASTER DISTRIBUTION PLAN</B></FONT></P>
<P ALIGN="center"><FONT SIZE="2"><B>(CLASS R SHARES)</B></FONT></P>
<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0" WIDTH="100%">
<TR VALIGN="bottom">
<TD WIDTH="52%"><FONT SIZE="2"><B><U>Portfolio</U></B></FONT></TD>
<TD WIDTH="16%" ALIGN="center"><FONT SIZE="2"><B>Minimum<BR>Asset-Based<BR><U>Sales Charge</U></B></FONT></TD>
<TD WIDTH="16%" ALIGN="center"><FONT SIZE="2"><B>Maximum<BR><U>Service Fee</U></B></FONT></TD>
<TD WIDTH="16%" ALIGN="center"><FONT SIZE="2"><B>Maximum<BR><U>Aggregate Fee</U></B></FONT></TD>
</TR>
<TR VALIGN="top">
<TD><FONT SIZE="2">Invesco Comstock Fund (formerly, Invesco Van Kampen Comstock Fund)</FONT></TD>
<TD ALIGN="center"><FONT SIZE="2">0.25%</FONT></TD>
<TD ALIGN="center"><FONT SIZE="2">0.25%</FONT></TD>
<TD ALIGN="center"><FONT SIZE="2">0.50%</FONT></TD>
</TR>
<TR VALIGN="top">
<TD><FONT SIZE="2">Invesco Small Cap Value Fund<BR>(formerly, Invesco Van Kampen Small Cap Value Fund)</FONT></TD>
<TD ALIGN="center"><FONT SIZE="2">0.25%</FONT></TD>
<TD ALIGN="center"><FONT SIZE="2">0.25%</FONT></TD>
<TD ALIGN="center"><FONT SIZE="2">0.50%&#148;</FONT></TD>
</TR>
</TABLE>
<P ALIGN="justify"><FONT SIZE="2">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;All other terms and provisions of the Plan not amended herein shall remain in full force and effect.</FONT></P>
<P><FONT SIZE="2">Dated: May&nbsp;23, 2011</FONT></P>
</BODY>
</HTML>
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 3,
      effectiveDate: '2011-05-23',
      datedDate: '2011-05-23',
      registrant: null,
      classes: ['R'],
      datedAsOf: '2010-07-01',
      schedules: [['Schedule A', true, 2]],
      rows: [
        '- | Invesco Comstock Fund | R | 0.25 minimum | 0.25 | 0.50',
        '- | Invesco Small Cap Value Fund | R | 0.25 minimum | 0.25 | 0.50',
      ],
      renames: [
        { from: 'Invesco Van Kampen Comstock Fund', to: 'Invesco Comstock Fund' },
        { from: 'Invesco Van Kampen Small Cap Value Fund', to: 'Invesco Small Cap Value Fund' },
      ],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't15_eagle-scheduleA-class-column.txt',
    about:
      'Eagle schedule with a class column per row ("R-3", kept as printed), a date chain ending "the first day of March, 2009" on a wrapped line',
    text: String.raw`<PAGE>
                                                                EXHIBIT (m)(5)

                               EAGLE SERIES TRUST

                                DISTRIBUTION PLAN

                                AMENDED SCHEDULE A

         The maximum annualized fee rate pursuant to Paragraph 1 of the Eagle
Series Trust Distribution Plan shall be as follows:

<TABLE>
<CAPTION>
         Fund                                     Class            Fee
         ----                                     -----            ---
<S>                                               <C>              <C>
         Eagle Mid Cap Growth Fund                  A              0.25%
         Eagle Mid Cap Growth Fund                  C              1.00%
         Eagle Small Cap Growth Fund                A              0.25%
         Eagle Small Cap Growth Fund                C              1.00%
         Eagle Small Cap Growth Fund                R-3            0.50%
</TABLE>

Dated:   March 29, 1993, as amended on September 12, 2008 and on
         the first day of March, 2009.
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2009-03-01',
      datedDate: '2009-03-01',
      registrant: 'Eagle Series Trust',
      classes: ['A', 'C', 'R-3'],
      datedAsOf: '1993-03-29',
      schedules: [['Schedule A', false, 5]],
      rows: [
        'Eagle Series Trust | Eagle Mid Cap Growth Fund | A | null null | null | 0.25',
        'Eagle Series Trust | Eagle Mid Cap Growth Fund | C | null null | null | 1.00',
        'Eagle Series Trust | Eagle Small Cap Growth Fund | A | null null | null | 0.25',
        'Eagle Series Trust | Eagle Small Cap Growth Fund | C | null null | null | 1.00',
        'Eagle Series Trust | Eagle Small Cap Growth Fund | R-3 | null null | null | 0.50',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't16_aim-classB-MDA-scheduleA-multi-registrant-continued.txt',
    about:
      'AIM Class B agreement schedule filed alone: Registrant headings, one repeated "(continued)" over a page number "A-1", "made as of" under the list',
    text: String.raw`<PAGE>
                                                                 EXHIBIT e(3)(a)

                         MASTER DISTRIBUTION AGREEMENT
                               (CLASS B SHARES)

                                   SCHEDULE A
                                       TO
                         MASTER DISTRIBUTION AGREEMENT

                            AIM INVESTMENT FUNDS
                            --------------------

                                  PORTFOLIOS
                                  ----------

                         AIM Developing Markets Fund
                         AIM Global Health Care Fund
                         AIM Trimark Fund

                        AIM INVESTMENT SECURITIES FUNDS
                        -------------------------------

                                  PORTFOLIOS
                                  ----------

                         AIM High Yield Fund
                         AIM Income Fund

                                      A-1
<PAGE>

                  AIM INVESTMENT SECURITIES FUNDS (continued)
                  -------------------------------------------

                         AIM Intermediate Government Fund
                         AIM Real Estate Fund

                          AIM TAX-EXEMPT FUNDS
                          --------------------

                                  PORTFOLIOS
                                  ----------

                         AIM High Income Municipal Fund

                                      A-2

      This Agreement is made as of August 18, 2003.
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2003-08-18',
      registrant: null,
      classes: ['B'],
      schedules: [['Schedule A', false, 8]],
      rows: [
        'AIM INVESTMENT FUNDS | AIM Developing Markets Fund | B | null null | null | null',
        'AIM INVESTMENT FUNDS | AIM Global Health Care Fund | B | null null | null | null',
        'AIM INVESTMENT FUNDS | AIM Trimark Fund | B | null null | null | null',
        'AIM INVESTMENT SECURITIES FUNDS | AIM High Yield Fund | B | null null | null | null',
        'AIM INVESTMENT SECURITIES FUNDS | AIM Income Fund | B | null null | null | null',
        'AIM INVESTMENT SECURITIES FUNDS | AIM Intermediate Government Fund | B | null null | null | null',
        'AIM INVESTMENT SECURITIES FUNDS | AIM Real Estate Fund | B | null null | null | null',
        'AIM TAX-EXEMPT FUNDS | AIM High Income Municipal Fund | B | null null | null | null',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't17_pacificlife-classC-scheduleA-html-list.htm',
    about: 'Pacific Life .htm list in one <p> broken by <br>, "Effective:&nbsp;&nbsp;January 1, 2005"',
    text: String.raw`<html>
<body>
<p align="right"><font face="Times New Roman" size="2">EXHIBIT (m)(3)(b)</font></p>
<p align="center"><font face="Times New Roman" size="3"><b>CLASS C DISTRIBUTION AND SERVICE PLAN</b></font></p>
<p align="center"><font face="Times New Roman" size="3"><b>SCHEDULE A</b></font></p>
<p align="center"><font face="Times New Roman" size="2">PF AIM Blue Chip Fund<br>
PF AIM Aggressive Growth Fund<br>
PF Goldman Sachs Short Duration Bond Fund<br>
PF Janus Growth LT Fund<br>
PF Lazard International Value Fund<br>
PF Oppenheimer Emerging Markets Fund<br>
PF Van Kampen Mid-Cap Value Fund</font></p>
<p>&nbsp;</p>
<p><font face="Times New Roman" size="2">Effective:&nbsp;&nbsp;January&nbsp;1, 2005</font></p>
</body>
</html>
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2005-01-01',
      datedDate: null,
      registrant: null,
      classes: ['C'],
      datedAsOf: null,
      schedules: [['Schedule A', false, 7]],
      rows: [
        '- | PF AIM Blue Chip Fund | C | null null | null | null',
        '- | PF AIM Aggressive Growth Fund | C | null null | null | null',
        '- | PF Goldman Sachs Short Duration Bond Fund | C | null null | null | null',
        '- | PF Janus Growth LT Fund | C | null null | null | null',
        '- | PF Lazard International Value Fund | C | null null | null | null',
        '- | PF Oppenheimer Emerging Markets Fund | C | null null | null | null',
        '- | PF Van Kampen Mid-Cap Value Fund | C | null null | null | null',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't18_aim-classB-MDA-amend-A1-A2-and-appendixA.txt',
    about:
      'AIM Class B agreement amendment replacing Schedule A-2 and Appendix A together, "the twenty-first day of June, 2004"',
    text: String.raw`<PAGE>
                                AMENDMENT NO. 5
                                     TO THE
                         MASTER DISTRIBUTION AGREEMENT
                               (CLASS B SHARES)

      The Master Distribution Agreement (the "Agreement"), made as of August 18,
2003, by and between each registered investment company set forth on Schedule
A-1 and Schedule A-2 to the Agreement and A I M Distributors, Inc., is hereby
amended, effective as of the twenty-first day of June, 2004, as follows:

      1. Schedule A-2 to the Agreement is hereby deleted in its entirety and
replaced with the following:

                                 "SCHEDULE A-2
                                       TO
                         MASTER DISTRIBUTION AGREEMENT

AIM SECTOR FUNDS
----------------

PORTFOLIOS
----------
AIM Energy Fund
AIM Financial Services Fund
AIM Gold & Precious Metals Fund"

      2. Appendix A to the Agreement is hereby deleted in its entirety and
replaced with the following:

                                  "APPENDIX A
                                       TO
                         MASTER DISTRIBUTION AGREEMENT

AIM COMBINATION STOCK & BOND FUNDS
----------------------------------

PORTFOLIOS
----------
AIM Core Stock Fund
AIM Total Return Fund"

      All other terms and provisions of the Agreement not amended herein shall
remain in full force and effect.

Dated:  June 21, 2004
`,
    expected: {
      kind: 'agreement-amendment',
      amendmentNumber: 5,
      effectiveDate: '2004-06-21',
      datedDate: '2004-06-21',
      registrant: null,
      classes: ['B'],
      datedAsOf: '2003-08-18',
      schedules: [
        ['Schedule A-2', true, 3],
        ['Appendix A', true, 2],
      ],
      rows: [
        'AIM SECTOR FUNDS | AIM Energy Fund | B | null null | null | null',
        'AIM SECTOR FUNDS | AIM Financial Services Fund | B | null null | null | null',
        'AIM SECTOR FUNDS | AIM Gold & Precious Metals Fund | B | null null | null | null',
        'AIM COMBINATION STOCK & BOND FUNDS | AIM Core Stock Fund | B | null null | null | null',
        'AIM COMBINATION STOCK & BOND FUNDS | AIM Total Return Fund | B | null null | null | null',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't19_invesco-classB-plan-amend-wrapped-registrant-heading.txt',
    about:
      'INVESCO Class B plan amendment: a Registrant heading wrapped onto two lines ("INVESCO COMBINATION STOCK & BOND" / "FUNDS, INC.")',
    text: String.raw`<PAGE>
                                AMENDMENT NO. 1
                         TO THE MASTER DISTRIBUTION PLAN
                               (CLASS B SHARES)

      The Master Distribution Plan (the "Plan"), dated as of August 18, 2003,
pursuant to Rule 12b-1, is hereby amended, effective as of March 31, 2004, as
follows:

      Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

                                  "SCHEDULE A
                                       TO
                           MASTER DISTRIBUTION PLAN

                      INVESCO COMBINATION STOCK & BOND
                                  FUNDS, INC.
                      --------------------------------

                                  PORTFOLIOS
                                  ----------

                          INVESCO Balanced Fund
                          INVESCO Core Equity Fund

                        INVESCO SECTOR FUNDS, INC.
                        --------------------------

                                  PORTFOLIOS
                                  ----------

                          INVESCO Energy Fund
                          INVESCO Leisure Fund"

      All other terms and provisions of the Plan not amended herein shall
remain in full force and effect.

Dated:  March 31, 2004
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 1,
      effectiveDate: '2004-03-31',
      datedDate: '2004-03-31',
      registrant: null,
      classes: ['B'],
      datedAsOf: '2003-08-18',
      schedules: [['Schedule A', true, 4]],
      rows: [
        'INVESCO COMBINATION STOCK & BOND FUNDS, INC. | INVESCO Balanced Fund | B | null null | null | null',
        'INVESCO COMBINATION STOCK & BOND FUNDS, INC. | INVESCO Core Equity Fund | B | null null | null | null',
        'INVESCO SECTOR FUNDS, INC. | INVESCO Energy Fund | B | null null | null | null',
        'INVESCO SECTOR FUNDS, INC. | INVESCO Leisure Fund | B | null null | null | null',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't20_invesco-classB-scheduleA-alone-wrapped-registrant-heading.txt',
    about: 'the same Schedule A filed alone (read cell by cell): the wrapped Registrant heading is one name',
    text: String.raw`                         MASTER DISTRIBUTION PLAN
                              (CLASS B SHARES)


                                   SCHEDULE A
                                       TO
                           MASTER DISTRIBUTION PLAN

                      INVESCO COMBINATION STOCK & BOND
                                  FUNDS, INC.
                      --------------------------------

                                  PORTFOLIOS
                                  ----------

                          INVESCO Balanced Fund
                          INVESCO Core Equity Fund

                        INVESCO SECTOR FUNDS, INC.
                        --------------------------

                                  PORTFOLIOS
                                  ----------

                          INVESCO Energy Fund
                          INVESCO Leisure Fund

Effective:  March 31, 2004
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2004-03-31',
      datedDate: null,
      registrant: null,
      classes: ['B'],
      datedAsOf: null,
      schedules: [['Schedule A', false, 4]],
      rows: [
        'INVESCO COMBINATION STOCK & BOND FUNDS, INC. | INVESCO Balanced Fund | B | null null | null | null',
        'INVESCO COMBINATION STOCK & BOND FUNDS, INC. | INVESCO Core Equity Fund | B | null null | null | null',
        'INVESCO SECTOR FUNDS, INC. | INVESCO Energy Fund | B | null null | null | null',
        'INVESCO SECTOR FUNDS, INC. | INVESCO Leisure Fund | B | null null | null | null',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't21_pioneer-classA-scheduleA-of-trust-iv.txt',
    about:
      'Pioneer Schedule A "TO / CLASS A DISTRIBUTION PLAN / OF / PIONEER SERIES TRUST IV", rates ".25%", ".25 %"',
    text: String.raw`<PAGE>
                                                              EXHIBIT (m)(1)(b)

                               SCHEDULE A
                                   TO
                       CLASS A DISTRIBUTION PLAN
                                   OF
                          PIONEER SERIES TRUST IV

     Fund                                                   Fee
     ----                                                   ---

     Pioneer Classic Balanced Fund                           .25%
     Pioneer Government Income Fund                          .25 %
     Pioneer Treasury Reserves Fund                          .15%

Dated:  August 1, 2006
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2006-08-01',
      datedDate: '2006-08-01',
      registrant: 'PIONEER SERIES TRUST IV',
      classes: ['A'],
      datedAsOf: null,
      schedules: [['Schedule A', false, 3]],
      rows: [
        'PIONEER SERIES TRUST IV | Pioneer Classic Balanced Fund | A | null null | null | 0.25',
        'PIONEER SERIES TRUST IV | Pioneer Government Income Fund | A | null null | null | 0.25',
        'PIONEER SERIES TRUST IV | Pioneer Treasury Reserves Fund | A | null null | null | 0.15',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't22_pioneer-classC-appendixA-plan-of-trust-ii.txt',
    about:
      'Pioneer Appendix A under the title "CLASS C DISTRIBUTION PLAN OF / PIONEER SERIES TRUST II": the trust number is the name\'s',
    text: String.raw`                                                              EXHIBIT (m)(1)(c)

                         CLASS C DISTRIBUTION PLAN OF
                            PIONEER SERIES TRUST II

                                   APPENDIX A

     Fund                                                   Fee
     ----                                                   ---

     Pioneer AMT-Free Municipal Fund                         1.00%
     Pioneer Growth Opportunities Fund                       1.00%

Dated:  August 1, 2006
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2006-08-01',
      datedDate: '2006-08-01',
      registrant: 'PIONEER SERIES TRUST II',
      classes: ['C'],
      datedAsOf: null,
      schedules: [['Appendix A', false, 2]],
      rows: [
        'PIONEER SERIES TRUST II | Pioneer AMT-Free Municipal Fund | C | null null | null | 1.00',
        'PIONEER SERIES TRUST II | Pioneer Growth Opportunities Fund | C | null null | null | 1.00',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't23_pioneer-classC-appendixB-numbered-trust-headings.txt',
    about:
      'Pioneer Appendix B with numbered trusts as group headings ("PIONEER SERIES TRUST II", "\u2026 IV")',
    text: String.raw`                                                              EXHIBIT (m)(1)(d)

                                   APPENDIX B
                           CLASS C DISTRIBUTION PLAN

     Fund                                                   Fee
     ----                                                   ---

     PIONEER SERIES TRUST II

     Pioneer AMT-Free Municipal Fund                         1.00%
     Pioneer Growth Opportunities Fund                       1.00%

     PIONEER SERIES TRUST IV

     Pioneer Classic Balanced Fund                           1.00%

Dated:  August 1, 2006
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2006-08-01',
      datedDate: '2006-08-01',
      registrant: null,
      classes: ['C'],
      datedAsOf: null,
      schedules: [['Appendix B', false, 3]],
      rows: [
        'PIONEER SERIES TRUST II | Pioneer AMT-Free Municipal Fund | C | null null | null | 1.00',
        'PIONEER SERIES TRUST II | Pioneer Growth Opportunities Fund | C | null null | null | 1.00',
        'PIONEER SERIES TRUST IV | Pioneer Classic Balanced Fund | C | null null | null | 1.00',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't24_pacificlife-classB-scheduleA-html-sentence-inside-list.htm',
    about: 'Pacific Life .htm list with a sentence between two funds \u2014 refused at the sentence',
    text: String.raw`<html><body>
<p align="right">EXHIBIT (m)(2)(b)</p>
<p align="center"><b>CLASS B DISTRIBUTION AND SERVICE PLAN</b></p>
<p align="center"><b>SCHEDULE A</b></p>
<p align="center">PF AIM Blue Chip Fund</p>
<p align="center">PF AIM Aggressive Growth Fund</p>
<p align="center">The Funds below are offered only to the separate accounts of Pacific Life.</p>
<p align="center">PF Janus Strategic Value Fund</p>
<p align="center">PF Janus Growth LT Fund</p>
<p>Effective: December&nbsp;31, 2001</p>
</body></html>
`,
    expected: { refusedAtLine: 7, reason: 'portfolios after it' },
  },
  {
    file: 't25_aim-classB-scheduleA-html-split-tables-continued.htm',
    about:
      'AIM .htm Schedule A over two tables, the heading row and "AIM EQUITY FUNDS (continued)" repeated after a page number',
    text: String.raw`<html><body>
<p align="center"><b>SCHEDULE A</b></p>
<p align="center"><b>TO THE</b></p>
<p align="center"><b>MASTER DISTRIBUTION PLAN</b></p>
<p align="center"><b>(CLASS B SHARES)</b></p>
<p align="center">Effective as of July&nbsp;1, 2009</p>
<table border="0" cellpadding="0" cellspacing="0" width="100%">
<tr><td width="55%"><b><u>Portfolio</u></b></td><td width="15%" align="center"><b>Maximum<br>Asset-Based<br>Sales Charge</b></td><td width="15%" align="center"><b>Maximum<br>Service Fee</b></td><td width="15%" align="center"><b>Maximum<br>Aggregate Fee</b></td></tr>
<tr><td colspan="4"><b><u>AIM EQUITY FUNDS</u></b></td></tr>
<tr><td>AIM Capital Development Fund</td><td align="center">0.75%</td><td align="center">0.25%</td><td align="center">1.00%</td></tr>
<tr><td>AIM Charter Fund</td><td align="center">0.75%</td><td align="center">0.25%</td><td align="center">1.00%</td></tr>
</table>
<p align="center">A-1</p>
<hr size="3" noshade style="page-break-after:always">
<table border="0" cellpadding="0" cellspacing="0" width="100%">
<tr><td width="55%"><b><u>Portfolio</u></b></td><td width="15%" align="center"><b>Maximum<br>Asset-Based<br>Sales Charge</b></td><td width="15%" align="center"><b>Maximum<br>Service Fee</b></td><td width="15%" align="center"><b>Maximum<br>Aggregate Fee</b></td></tr>
<tr><td colspan="4"><b><u>AIM EQUITY FUNDS (continued)</u></b></td></tr>
<tr><td>AIM Constellation Fund</td><td align="center">0.75%</td><td align="center">0.25%</td><td align="center">1.00%</td></tr>
<tr><td colspan="4"><b><u>AIM SECTOR FUNDS</u></b></td></tr>
<tr><td>AIM Energy Fund</td><td align="center">0.75%</td><td align="center">0.25%</td><td align="center">1.00%</td></tr>
</table>
<p align="center">A-2</p>
</body></html>
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2009-07-01',
      datedDate: null,
      registrant: null,
      classes: ['B'],
      datedAsOf: null,
      schedules: [['Schedule A', false, 4]],
      rows: [
        'AIM EQUITY FUNDS | AIM Capital Development Fund | B | 0.75 maximum | 0.25 | 1.00',
        'AIM EQUITY FUNDS | AIM Charter Fund | B | 0.75 maximum | 0.25 | 1.00',
        'AIM EQUITY FUNDS | AIM Constellation Fund | B | 0.75 maximum | 0.25 | 1.00',
        'AIM SECTOR FUNDS | AIM Energy Fund | B | 0.75 maximum | 0.25 | 1.00',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't26_mainstay-classABC-plan-amend-html-class-heading-rows.htm',
    about:
      'MainStay .htm plan amendment: class heading rows ("Class A Shares") inside one table, "effective the first day of May, 2009"',
    text: String.raw`<html><body>
<p align="right"><font size="2">EX-99.(m)(4)</font></p>
<p align="center"><b>AMENDMENT NO. 2 TO THE<br>MASTER DISTRIBUTION PLAN<br>(CLASS A, CLASS B AND CLASS C SHARES)</b></p>
<p>The Master Distribution Plan (the &#147;Plan&#148;), dated as of April&nbsp;1, 2008, pursuant to Rule 12b-1, is hereby amended, effective the first day of May, 2009, as follows:</p>
<p>Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align="center"><b>&#147;SCHEDULE A</b></p>
<table width="100%" border="0">
<tr><td><b>Fund</b></td><td align="center"><b>Distribution Fee</b></td><td align="center"><b>Service Fee</b></td></tr>
<tr><td colspan="3"><b>Class A Shares</b></td></tr>
<tr><td>MainStay Balanced Fund</td><td align="center">0.00%</td><td align="center">0.25%</td></tr>
<tr><td>MainStay Income Builder Fund</td><td align="center">0.00%</td><td align="center">0.25%</td></tr>
<tr><td colspan="3"><b>Class B Shares</b></td></tr>
<tr><td>MainStay Balanced Fund</td><td align="center">0.75%</td><td align="center">0.25%</td></tr>
<tr><td colspan="3"><b>Class C Shares</b></td></tr>
<tr><td>MainStay Balanced Fund</td><td align="center">0.75%</td><td align="center">0.25%&#148;</td></tr>
</table>
<p>Dated: April&nbsp;30, 2009</p>
</body></html>
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 2,
      effectiveDate: '2009-05-01',
      datedDate: '2009-04-30',
      registrant: null,
      classes: ['A', 'B', 'C'],
      datedAsOf: '2008-04-01',
      schedules: [['Schedule A', true, 4]],
      rows: [
        '- | MainStay Balanced Fund | A | 0.00 null | 0.25 | null',
        '- | MainStay Income Builder Fund | A | 0.00 null | 0.25 | null',
        '- | MainStay Balanced Fund | B | 0.75 null | 0.25 | null',
        '- | MainStay Balanced Fund | C | 0.75 null | 0.25 | null',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't27_aim-classA-plan-amend-none-and-footnote-with-a-rate.txt',
    about:
      'AIM Class A plan amendment: "NONE" in the asset-based sales charge column, "0.15%**" and a "**" footnote whose sentence states a rate',
    text: String.raw`<PAGE>
                                AMENDMENT NO. 6
                           TO THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                                (CLASS A SHARES)

      The Amended and Restated Master Distribution Plan (the "Plan"), dated as
of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective
October 1, 2004, as follows:

      Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

                                  "SCHEDULE A
                                       TO
                            THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

AIM INVESTMENT SECURITIES FUNDS

                                             Minimum Asset   Maximum    Maximum
                                              Based Sales    Service   Aggregate
                                                 Charge        Fee        Fee
                                             -------------   -------   ---------
Portfolio - Class A Shares
AIM Limited Maturity Treasury Fund               NONE         0.15%**    0.15%
AIM Money Market Fund                            NONE         0.25%      0.25%
AIM Short Term Bond Fund                         0.10%        0.25%      0.35%

----------
**   The Service Fee for AIM Limited Maturity Treasury Fund is 0.15%."

All other terms and provisions of the Plan not amended herein shall remain in
full force and effect.

Dated:  October 1, 2004
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 6,
      effectiveDate: '2004-10-01',
      datedDate: '2004-10-01',
      registrant: null,
      classes: ['A'],
      datedAsOf: '2003-08-18',
      schedules: [['Schedule A', true, 3]],
      rows: [
        'AIM INVESTMENT SECURITIES FUNDS | AIM Limited Maturity Treasury Fund | A | 0.00 minimum | 0.15 | 0.15',
        'AIM INVESTMENT SECURITIES FUNDS | AIM Money Market Fund | A | 0.00 minimum | 0.25 | 0.25',
        'AIM INVESTMENT SECURITIES FUNDS | AIM Short Term Bond Fund | A | 0.10 minimum | 0.25 | 0.35',
      ],
      renames: [],
      footnotes: ['The Service Fee for AIM Limited Maturity Treasury Fund is 0.15%.'],
      complete: true,
    },
  },
  {
    file: 't28_heritage-income-trust-scheduleA-class-lines-under-each-fund.txt',
    about:
      'Heritage Income Trust schedule in aligned text: a class cell per row, the second class of a fund under the first',
    text: String.raw`                                                              EXHIBIT (m)(3)

                            HERITAGE INCOME TRUST
                                DISTRIBUTION PLAN

                               AMENDED SCHEDULE A

     Fund                                   Class        Rule 12b-1 Fee
     ----                                   -----        --------------

     High Yield Bond Fund                   Class A          0.25%
                                            Class C          1.00%
     Intermediate Government Fund           Class A          0.25%
                                            Class C          1.00%



Dated:   December 1, 1993, as amended on November 14, 2003.
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2003-11-14',
      datedDate: '2003-11-14',
      registrant: 'HERITAGE INCOME TRUST',
      classes: ['A', 'C'],
      datedAsOf: '1993-12-01',
      schedules: [['Schedule A', false, 4]],
      rows: [
        'HERITAGE INCOME TRUST | High Yield Bond Fund | A | null null | null | 0.25',
        'HERITAGE INCOME TRUST | High Yield Bond Fund | C | null null | null | 1.00',
        'HERITAGE INCOME TRUST | Intermediate Government Fund | A | null null | null | 0.25',
        'HERITAGE INCOME TRUST | Intermediate Government Fund | C | null null | null | 1.00',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't29_aim-classAC-plan-amend-class-heading-per-table.txt',
    about:
      'AIM Class A/C plan amendment: "(CLASS A SHARES)" and "(CLASS C SHARES)" centred over two <TABLE>s, the second after the first table\'s </TABLE> and a blank line',
    text: String.raw`<PAGE>
                                                                EXHIBIT m(1)(i)

                                AMENDMENT NO. 10
                           TO THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                           (CLASS A AND CLASS C SHARES)

      The Amended and Restated Master Distribution Plan (the "Plan"), dated as
of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective
December 2, 2004, as follows:

      Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

                                  "SCHEDULE A
                                       TO
                            THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                               (CLASS A SHARES)

AIM EQUITY FUNDS
<TABLE>
<CAPTION>
                                            MINIMUM
                                          ASSET-BASED     MAXIMUM       MAXIMUM
                                             SALES        SERVICE      AGGREGATE
PORTFOLIO                                   CHARGE          FEE           FEE
---------                                 -----------    --------     ---------
<S>                                       <C>            <C>          <C>
AIM Charter Fund                             0.00%         0.25%         0.25%
AIM Constellation Fund                       0.00%         0.25%         0.25%
</TABLE>

                               (CLASS C SHARES)

AIM EQUITY FUNDS
<TABLE>
<CAPTION>
                                            MAXIMUM
                                          ASSET-BASED     MAXIMUM       MAXIMUM
                                             SALES        SERVICE      AGGREGATE
PORTFOLIO                                   CHARGE          FEE           FEE
---------                                 -----------    --------     ---------
<S>                                       <C>            <C>          <C>
AIM Charter Fund                             0.75%         0.25%         1.00%
AIM Constellation Fund                       0.75%         0.25%         1.00%"
</TABLE>

All other terms and provisions of the Plan not amended herein shall remain in
full force and effect.

Dated:  December 2, 2004
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 10,
      effectiveDate: '2004-12-02',
      datedDate: '2004-12-02',
      registrant: null,
      classes: ['A', 'C'],
      datedAsOf: '2003-08-18',
      schedules: [['Schedule A', true, 4]],
      rows: [
        'AIM EQUITY FUNDS | AIM Charter Fund | A | 0.00 minimum | 0.25 | 0.25',
        'AIM EQUITY FUNDS | AIM Constellation Fund | A | 0.00 minimum | 0.25 | 0.25',
        'AIM EQUITY FUNDS | AIM Charter Fund | C | 0.75 maximum | 0.25 | 1.00',
        'AIM EQUITY FUNDS | AIM Constellation Fund | C | 0.75 maximum | 0.25 | 1.00',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't30_invesco-classR-plan-amend-html-layout-table-title.htm',
    about:
      'Invesco .htm Class R amendment: the exhibit label in a layout table, mixed-case Registrant rows, "effective as of the 1st day of June, 2010"',
    text: String.raw`<html><head><title>ex99m1</title></head><body>
<table width="100%"><tr><td width="50%">&nbsp;</td><td width="50%" align="right"><font size="2"><b>Exhibit 99.(m)(1)</b></font></td></tr></table>
<p align="center"><b><font size="3">AMENDMENT NO. 3<br>TO THE<br>AMENDED AND RESTATED MASTER DISTRIBUTION PLAN<br>(CLASS R SHARES)</font></b></p>
<p style="text-indent:0.5in">The Amended and Restated Master Distribution Plan (the &#8220;Plan&#8221;), dated as of July&nbsp;1, 2008, pursuant to Rule&nbsp;12b-1, is hereby amended, effective as of the 1st day of June, 2010, as follows:</p>
<p style="text-indent:0.5in">Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align="center"><b>&#8220;SCHEDULE A<br>TO THE<br>AMENDED AND RESTATED MASTER DISTRIBUTION PLAN<br>(CLASS R SHARES)</b></p>
<table width="100%" border="0" cellspacing="0" cellpadding="2">
<tr valign="bottom"><td width="52%"><p><b><u>Portfolio</u></b></p></td><td width="16%" align="center"><p><b>Minimum<br>Asset-Based<br><u>Sales Charge</u></b></p></td><td width="16%" align="center"><p><b>Maximum<br><u>Service Fee</u></b></p></td><td width="16%" align="center"><p><b>Maximum<br><u>Aggregate Fee</u></b></p></td></tr>
<tr><td colspan="4"><p><b><u>AIM Investment Securities Funds</u></b></p></td></tr>
<tr valign="top"><td><p>Invesco Global Real Estate Fund</p></td><td align="center"><p>0.25%</p></td><td align="center"><p>0.25%</p></td><td align="center"><p>0.50%</p></td></tr>
<tr valign="top"><td><p>Invesco Real Estate Fund</p></td><td align="center"><p>0.25%</p></td><td align="center"><p>0.25%</p></td><td align="center"><p>0.50%</p></td></tr>
<tr><td colspan="4"><p><b><u>AIM Sector Funds</u></b></p></td></tr>
<tr valign="top"><td><p>Invesco Leisure Fund</p></td><td align="center"><p>0.25%</p></td><td align="center"><p>0.25%</p></td><td align="center"><p>0.50%&#8221;</p></td></tr>
</table>
<p style="text-indent:0.5in">All other terms and provisions of the Plan not amended herein shall remain in full force and effect.</p>
<p>Dated: June&nbsp;1, 2010</p>
</body></html>
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 3,
      effectiveDate: '2010-06-01',
      datedDate: '2010-06-01',
      registrant: null,
      classes: ['R'],
      datedAsOf: '2008-07-01',
      schedules: [['Schedule A', true, 3]],
      rows: [
        'AIM Investment Securities Funds | Invesco Global Real Estate Fund | R | 0.25 minimum | 0.25 | 0.50',
        'AIM Investment Securities Funds | Invesco Real Estate Fund | R | 0.25 minimum | 0.25 | 0.50',
        'AIM Sector Funds | Invesco Leisure Fund | R | 0.25 minimum | 0.25 | 0.50',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't31_aim-classAC-MDA-amend-appendixA-class-headings-in-parentheses.txt',
    about:
      'AIM Class A/C agreement amendment: plain lists under "(CLASS A SHARES)" and "(CLASS C SHARES)" after a blank line \u2014 headings, no class of the fund above',
    text: String.raw`<PAGE>
                                AMENDMENT NO. 2
                                       TO
                    FIRST AMENDED AND RESTATED MASTER DISTRIBUTION
                                    AGREEMENT
                    (APPLICABLE TO CLASS A AND CLASS C SHARES)

      The First Amended and Restated Master Distribution Agreement (the
"Agreement"), dated July 1, 2000, by and between AIM Funds Group, a Delaware
business trust, and A I M Distributors, Inc., a Delaware corporation, is hereby
amended, effective as of June 2, 2003, as follows:

      Appendix A to the Agreement is hereby deleted in its entirety and replaced
with the following:

                                  "APPENDIX A
                                       TO
                  FIRST AMENDED AND RESTATED MASTER DISTRIBUTION
                                   AGREEMENT

                               (CLASS A SHARES)

AIM Balanced Fund
AIM Global Value Fund

                               (CLASS C SHARES)

AIM Balanced Fund
AIM Global Value Fund"

      All other terms and provisions of the Agreement not amended herein shall
remain in full force and effect.

Dated:  June 2, 2003
`,
    expected: {
      kind: 'agreement-amendment',
      amendmentNumber: 2,
      effectiveDate: '2003-06-02',
      datedDate: '2003-06-02',
      registrant: 'AIM Funds Group',
      classes: ['A', 'C'],
      datedAsOf: '2000-07-01',
      schedules: [['Appendix A', true, 4]],
      rows: [
        'AIM Funds Group | AIM Balanced Fund | A | null null | null | null',
        'AIM Funds Group | AIM Global Value Fund | A | null null | null | null',
        'AIM Funds Group | AIM Balanced Fund | C | null null | null | null',
        'AIM Funds Group | AIM Global Value Fund | C | null null | null | null',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't32_aim-classAC-plan-amend-html-class-heading-per-table.htm',
    about:
      'AIM .htm Class A/C amendment: "(CLASS A SHARES)" and "(CLASS C SHARES)" paragraphs over two tables, the Registrant in the heading row',
    text: String.raw`<html><body>
<p align="center"><b>AMENDMENT NO. 11<br>TO THE<br>AMENDED AND RESTATED MASTER DISTRIBUTION PLAN<br>(CLASS A AND CLASS C SHARES)</b></p>
<p>The Amended and Restated Master Distribution Plan (the &#8220;Plan&#8221;), dated as of August&nbsp;18, 2003, pursuant to Rule&nbsp;12b-1, is hereby amended, effective as of March&nbsp;1, 2005, as follows:</p>
<p>Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align="center"><b>&#8220;SCHEDULE A<br>TO THE<br>AMENDED AND RESTATED MASTER DISTRIBUTION PLAN</b></p>
<p align="center"><b>(CLASS A SHARES)</b></p>
<table width="100%">
<tr><td><b>AIM EQUITY FUNDS</b></td><td align="center"><b>Minimum<br>Asset-Based<br>Sales Charge</b></td><td align="center"><b>Maximum<br>Service Fee</b></td><td align="center"><b>Maximum<br>Aggregate Fee</b></td></tr>
<tr><td>AIM Charter Fund</td><td align="center">0.00%</td><td align="center">0.25%</td><td align="center">0.25%</td></tr>
<tr><td>AIM Constellation Fund</td><td align="center">0.00%</td><td align="center">0.25%</td><td align="center">0.25%</td></tr>
</table>
<p align="center"><b>(CLASS C SHARES)</b></p>
<table width="100%">
<tr><td><b>AIM EQUITY FUNDS</b></td><td align="center"><b>Maximum<br>Asset-Based<br>Sales Charge</b></td><td align="center"><b>Maximum<br>Service Fee</b></td><td align="center"><b>Maximum<br>Aggregate Fee</b></td></tr>
<tr><td>AIM Charter Fund</td><td align="center">0.75%</td><td align="center">0.25%</td><td align="center">1.00%</td></tr>
<tr><td>AIM Constellation Fund</td><td align="center">0.75%</td><td align="center">0.25%</td><td align="center">1.00%&#8221;</td></tr>
</table>
<p>All other terms and provisions of the Plan not amended herein shall remain in full force and effect.</p>
<p>Dated: March&nbsp;1, 2005</p>
</body></html>
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 11,
      effectiveDate: '2005-03-01',
      datedDate: '2005-03-01',
      registrant: null,
      classes: ['A', 'C'],
      datedAsOf: '2003-08-18',
      schedules: [['Schedule A', true, 4]],
      rows: [
        'AIM EQUITY FUNDS | AIM Charter Fund | A | 0.00 minimum | 0.25 | 0.25',
        'AIM EQUITY FUNDS | AIM Constellation Fund | A | 0.00 minimum | 0.25 | 0.25',
        'AIM EQUITY FUNDS | AIM Charter Fund | C | 0.75 maximum | 0.25 | 1.00',
        'AIM EQUITY FUNDS | AIM Constellation Fund | C | 0.75 maximum | 0.25 | 1.00',
      ],
      renames: [],
      footnotes: [],
      complete: true,
    },
  },
  {
    file: 't33_pacificlife-classB-scheduleA-words-restated-and-numbered-footnote.txt',
    about:
      'Pacific Life Schedule A "(Amended and Restated as of the first day of May, 2004)", a fund marked "(1)" and its footnote "(1)  Closed to new investors." ending the document',
    text: String.raw`                                                              EXHIBIT (m)(2)(c)

                 CLASS B DISTRIBUTION AND SERVICE PLAN

                               SCHEDULE A

            (Amended and Restated as of the first day of May, 2004)

                       PF AIM Blue Chip Fund
                       PF AIM Aggressive Growth Fund
                       PF Janus Growth LT Fund(1)

(1)  Closed to new investors.
`,
    expected: {
      kind: 'schedule',
      amendmentNumber: null,
      effectiveDate: '2004-05-01',
      datedDate: null,
      registrant: null,
      classes: ['B'],
      datedAsOf: null,
      schedules: [['Schedule A', false, 3]],
      rows: [
        '- | PF AIM Blue Chip Fund | B | null null | null | null',
        '- | PF AIM Aggressive Growth Fund | B | null null | null | null',
        '- | PF Janus Growth LT Fund | B | null null | null | null',
      ],
      renames: [],
      footnotes: ['Closed to new investors.'],
      complete: true,
    },
  },
  {
    file: 't34_aim-classC-plan-amend-formerly-in-a-marked-footnote.txt',
    about:
      'AIM Class C plan amendment: "AIM Energy Fund*" with "*    Formerly INVESCO Energy Fund." under the table, and a "0.25%(1)" rate with its "(1)" footnote',
    text: String.raw`<PAGE>
                                AMENDMENT NO. 8
                           TO THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                                (CLASS C SHARES)

      The Amended and Restated Master Distribution Plan (the "Plan"), dated as
of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective
September 1, 2005, as follows:

      Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

                                  "SCHEDULE A
                                       TO
                            THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

AIM SECTOR FUNDS

                                             Maximum Asset   Maximum    Maximum
                                              Based Sales    Service   Aggregate
                                                 Charge        Fee        Fee
                                             -------------   -------   ---------
Portfolio - Class C Shares
AIM Energy Fund*                                 0.75%        0.25%      1.00%
AIM Gold & Precious Metals Fund                  0.75%        0.25%(1)   1.00%
AIM Leisure Fund                                 0.75%        0.25%      1.00%

*    Formerly INVESCO Energy Fund.
(1)  The Service Fee is paid from the Distribution Fee."

All other terms and provisions of the Plan not amended herein shall remain in
full force and effect.

Dated:  September 1, 2005
`,
    expected: {
      kind: 'plan-amendment',
      amendmentNumber: 8,
      effectiveDate: '2005-09-01',
      datedDate: '2005-09-01',
      registrant: null,
      classes: ['C'],
      datedAsOf: '2003-08-18',
      schedules: [['Schedule A', true, 3]],
      rows: [
        'AIM SECTOR FUNDS | AIM Energy Fund | C | 0.75 maximum | 0.25 | 1.00',
        'AIM SECTOR FUNDS | AIM Gold & Precious Metals Fund | C | 0.75 maximum | 0.25 | 1.00',
        'AIM SECTOR FUNDS | AIM Leisure Fund | C | 0.75 maximum | 0.25 | 1.00',
      ],
      renames: [{ from: 'INVESCO Energy Fund', to: 'AIM Energy Fund' }],
      footnotes: ['Formerly INVESCO Energy Fund.', 'The Service Fee is paid from the Distribution Fee.'],
      complete: true,
    },
  },
];
