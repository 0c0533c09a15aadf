import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1 reads 12b-1 plans and distribution agreements; a Rule 18f-3 plan (exhibit (n)) is neither,
// and where its title or first lines say so the refusal says so, at that line — not "no schedule
// found" or "no title in capitals". Titles as Putnam, Lord Abbett, Goldman Sachs, Janus, BlackRock
// and Nuveen print them (real-exhibits-7 07, 18); trust names and the rest are our own.
const body = `Each class of shares of each Fund will have the same relative rights and privileges and be subject to the same sales charges, fees and expenses except as set forth below.
CLASS A SHARES
Class A shares pay distribution and service fees pursuant to plans adopted pursuant to Rule 12b-1 under the Investment Company Act of 1940.
`;

describe('a Rule 18f-3 plan its title names by the rule alone is refused as one, at the line that names it', () => {
  it.each([
    [
      'in the rendering’s cells',
      `|LAKEVIEW FUNDS\n|Plan pursuant to Rule 18f-3(d) under the\n|Investment Company Act of 1940\n|Effective November 1, 1999\n${body}`,
      2,
      'Plan pursuant to Rule 18f-3(d) under the',
    ],
    [
      'under the filer’s exhibit label',
      `Exhibit 28(n)\n\nRule 18f-3 Plan. Amended and Restated Rule 18f-3 Plan as of July 1, 2008.\n\nThe Lakeview Family of Funds\n${body}`,
      3,
      'Rule 18f-3 Plan. Amended and Restated Rule 18f-3 Plan as of July 1, 2008.',
    ],
    [
      'on the line under "Amended and Restated Plan as of …"',
      `The Lakeview Family of Funds\nAmended and Restated Plan as of August 1, 2018\nPursuant to Rule 18f-3(d)\nunder the Investment Company Act of 1940\n${body}`,
      3,
      'Pursuant to Rule 18f-3(d)',
    ],
    [
      'as "Plan in Accordance with Rule 18f-3"',
      `Lakeview Trust\nPlan in Accordance with Rule 18f-3\n(the “Plan”)\nAmended and Restated as of June 11, 2015\n${body}`,
      2,
      'Plan in Accordance with Rule 18f-3',
    ],
    [
      'as "AMENDED RULE 18f-3 PLAN"',
      `Exhibit (n)(6)\nAMENDED RULE 18f-3 PLAN\nLakeview Investment Fund\n${body}`,
      2,
      'AMENDED RULE 18f-3 PLAN',
    ],
    [
      'as a schedule "TO MULTIPLE CLASS OF SHARES PLAN" (Fidelity’s, real-exhibits-5 18)',
      `Exhibit (n)(2)\nSCHEDULE I, DATED July 21, 2005 TO MULTIPLE CLASS OF SHARES PLAN\n(LAKEVIEW PRIME FUND), dated July 21, 2005\n|\nFUND/CLASS\n|\nSALES CHARGE\n|\nDISTRIBUTION FEE\n|\nLakeview Prime Fund:\n|\nDaily Money Class\n|\nnone\n|\n0.00\n`,
      2,
      'SCHEDULE I, DATED July 21, 2005 TO MULTIPLE CLASS OF SHARES PLAN',
    ],
    [
      'under a list of more registrants than six lines hold',
      `${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'].map((n) => `LAKEVIEW INVESTMENT TRUST ${n}`).join('\n')}\nMULTIPLE CLASS PLAN\nADOPTED PURSUANT TO RULE 18F-3\n${body}`,
      9,
      'MULTIPLE CLASS PLAN',
    ],
  ])('%s', (_where, text, line, named) => {
    expect(() => parseExhibit(text, 'n.htm.txt')).toThrow(
      `n.htm.txt:${line}: a Rule 18f-3 multiple class plan ("${named}"), not a Rule 12b-1 plan`,
    );
  });

  it('a 12b-1 plan whose body cites Rule 18f-3 is no 18f-3 plan: read', () => {
    const doc = parseExhibit(
      `LAKEVIEW FUNDS TRUST
CLASS C DISTRIBUTION PLAN
For purposes of Rule 18f-3 under the Act, the Class C Shares of each Portfolio listed on Schedule A bear the fee below.
SCHEDULE A
|
Fund
|
Distribution Fee
|
Lakeview Bond Fund
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
