import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { entryShape } from './realExhibitChecks.js';

/**
 * SPEC §2.1: EDGAR text tables, `<CAPTION>` headings over several lines. Neuberger Berman's Class C
 * Schedule A (2008, real-exhibits-13/04) wraps its rate heading so that its parenthesis closes on
 * the line of the fund column's heading: "Series …  Class C)" under the first table, "Series …  C)"
 * under the second. "Class C)" was read as a class row ("class C has no rates before …", refused
 * for an untrue reason) and "C)" as the start of a fund's name ("C) Neuberger Berman Equity Income
 * Fund"). Both end their heading. Invented fixture in that layout.
 */
const pad = (left: string, right: string) => `${left.padEnd(64)}${right}`;
const row = (name: string, rate: string) => `${name.padEnd(76)}${rate}`;
const TEXT = `                         HOLLOWAY CREST FUNDS
                                    CLASS C
                          PLAN PURSUANT TO RULE 12B-1

                                   SCHEDULE A

Class C of the following series of Holloway Crest Funds are subject to
this Plan Pursuant to 12b-1, at the fee rates specified:

<TABLE>
<CAPTION>

${pad('', 'Distribution Fee (as a Percentage')}
${pad('', 'of Average Daily Net Assets of')}
${pad('Series', 'Class C)')}
--------------------------------------------------------------------------------
<S>                                                             <C>

${row('Holloway Crest Quarry Point Fund', '0.75%')}
${row('Holloway Crest Long Horizon Fund', '0.75%')}

</TABLE>

<TABLE>
<CAPTION>
${pad('', 'Service Fee (as a Percentage of')}
${pad('', 'Average Daily Net Assets of Class')}
${pad('Series', 'C)')}
--------------------------------------------------------------------------------
<S>                                                             <C>

${row('Holloway Crest Quarry Point Fund', '0.25%')}
${row('Holloway Crest Long Horizon Fund', '0.25%')}

</TABLE>

Dated: December 28, 2009
`;

describe('a text table caption whose parenthesis closes beside the "Series" heading', () => {
  it('ends the heading: one entry per fund, its distribution fee and its service fee', () => {
    const doc = parseExhibit(TEXT, 'holloway-crest-class-c.txt');
    expect(doc.completeness).toEqual({ complete: true, gaps: [] });
    expect(doc.effectiveDate).toBe('2009-12-28');
    // each fund: 0.75% from the first table, 0.25% from the second
    expect(doc.schedules.flatMap((s) => s.entries.map(entryShape))).toEqual(
      ['Holloway Crest Quarry Point Fund', 'Holloway Crest Long Horizon Fund'].map((portfolio) => ({
        registrant: 'Holloway Crest Funds',
        portfolio,
        class: 'C',
        rates: ['0.75', '0.25'],
      })),
    );
  });
});
