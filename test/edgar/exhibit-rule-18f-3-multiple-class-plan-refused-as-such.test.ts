import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Rule 18f-3 multiple class plans are filed beside 12b-1 plans (exhibit (n)); their schedules list
// each class's sales charges and CDSC beside its 12b-1 fee. Names and rates are our own.
const table = `|
Fund
|
Class
|
Maximum Initial Sales Charge
|
Maximum CDSC
|
Maximum 12b-1 Fee
|
Lakeview Bond Fund
|
Class A
|
4.50%
|
None
|
0.25%
`;

describe('a Rule 18f-3 multiple class plan is refused as one, not read as a 12b-1 fee schedule', () => {
  it.each([
    [
      'titled above its schedule',
      `EXHIBIT (n)\nMULTIPLE CLASS PLAN PURSUANT TO RULE 18f-3\nSCHEDULE A\n${table}`,
      2,
    ],
    [
      'named under a schedule heading printed first',
      `APPENDIX A\nRULE 18f-3 MULTI-CLASS PLAN\nLAKEVIEW FUNDS TRUST\n${table}`,
      2,
    ],
    ['titled in lower case', `18f-3 Multiple Class Plan\nSCHEDULE A\n${table}`, 1],
  ])('%s: refused at the line that names it', (_shape, text, line) => {
    expect(() => parseExhibit(text, 'n.htm.txt')).toThrow(
      new RegExp(
        `^n\\.htm\\.txt:${line}: a Rule 18f-3 multiple class plan \\(".+"\\), not a Rule 12b-1 plan`,
      ),
    );
  });

  it('a 12b-1 plan whose title names the multiple class plan too is read', () => {
    const doc = parseExhibit(
      `AMENDED AND RESTATED MULTIPLE CLASS AND DISTRIBUTION PLAN
SCHEDULE A
Dated: May 3, 2012
|
Fund
|
Class
|
Distribution Fee
|
Lakeview Bond Fund
|
Class C
|
0.75%
`,
      'plan.htm.txt',
    );
    expect(doc.schedules[0]!.entries.map((e) => `${e.portfolio} | ${e.class}`)).toEqual([
      'Lakeview Bond Fund | C',
    ]);
  });
});
