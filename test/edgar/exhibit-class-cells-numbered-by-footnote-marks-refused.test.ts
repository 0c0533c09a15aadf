import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { footnoteMarkedClasses } from '../../src/edgar/footnoteMarkedClasses.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Wells Fargo's Appendix A prints a footnote number against a fund's last class cell: "Class R1",
// "Class R2", "Class R3", … one a fund, in the order of the rows, where other funds have a bare
// "Class R". Read as written they are classes no fund has; read as "Class R" the number is guessed
// away. The document is refused at the first of them. Invented fixture in that style.
const fund = (name: string, classes: string[], rates: string[]) =>
  `|\n${name}\n${classes.join('\n')}\n|\n${rates.join('\n')}\n`;

const appendix = (marked: boolean) => `APPENDIX A
DISTRIBUTION PLAN
BRAMBLE FUNDS TRUST
|
Funds Trust
Funds and Share Classes
|
Maximum
Rule 12b-1 Fee
${fund('Bramble Balanced Fund', ['Class C', 'Class R'], ['0.75', '0.25'])}${fund('Bramble Target Today Fund', ['Class C', marked ? 'Class R1' : 'Class R'], ['0.75', '0.25'])}${fund('Bramble Target 2030 Fund', ['Class C', marked ? 'Class R2' : 'Class R'], ['0.75', '0.25'])}${fund('Bramble Target 2040 Fund', [marked ? 'Class R3' : 'Class R'], ['0.25'])}${fund('Bramble Core Bond Fund', ['Class C', 'Class R'], ['0.75', '0.25'])}Dated: May 1, 2013
`;

describe('class cells numbered 1, 2, 3 … in row order beside a bare class', () => {
  it('are footnote marks, not classes: refused at the first, naming them', () => {
    const text = appendix(true);
    let error: unknown;
    try {
      parseExhibit(text, 'bramble-appendix-a.htm');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExhibitParseError);
    const e = error as ExhibitParseError;
    expect(e.line).toBe(text.split('\n').indexOf('Class R1') + 1);
    expect(e.reason).toMatch(/Class R1, R2, R3 .*footnote marks/);
  });

  it('the same table with bare classes reads', () => {
    const doc = parseExhibit(appendix(false), 'bramble-plain.htm');
    expect(new Set(doc.schedules.flatMap((s) => s.entries.map((e) => e.class)))).toEqual(new Set(['C', 'R']));
  });

  it('real numbered classes that repeat from fund to fund are classes', () => {
    expect(footnoteMarkedClasses(['A', 'R', 'R3', 'R4', 'A', 'R', 'R3', 'R4'])).toBeNull();
    expect(footnoteMarkedClasses(['A', 'R1', 'R2'])).toBeNull();
    // one fund's own "R | R1 | R2 | R3": classes of that fund
    expect(
      footnoteMarkedClasses(['R', 'R1', 'R2', 'R3'], ['X Fund', 'X Fund', 'X Fund', 'X Fund']),
    ).toBeNull();
    expect(footnoteMarkedClasses(['C', 'R1', 'C', 'R2', 'R', 'R3'])).toEqual({
      base: 'R',
      codes: ['R1', 'R2', 'R3'],
    });
  });
});
