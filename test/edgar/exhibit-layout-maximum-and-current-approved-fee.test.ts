import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

const appendix = (...rowCells: string[]) =>
  [
    'Exhibit m.2.b',
    'ALDER FUNDS TRUST',
    'AMENDMENT NO. 2 TO',
    'CLASS A SHARES',
    'DISTRIBUTION PLAN PURSUANT TO RULE 12b-1',
    'THIS AMENDMENT made effective as of the 9th day of March, 2019 amends that certain Class A Shares Distribution Plan, dated May 2, 2016, by and for the Funds (the “Plan”) as herein below provided.',
    '1. Appendix A to the Plan is hereby replaced with Appendix A attached hereto and made a part hereof.',
    'Adopted as of: March 9, 2019',
    'APPENDIX A',
    '|Fund',
    '|Maximum',
    'Fee',
    '|Current',
    'Approved Fee',
    ...rowCells,
    '',
  ].join('\n');

describe('an appendix of maximum and current approved fees', () => {
  it('reads the maximum as the schedule rate and says the current fee is set aside', () => {
    const doc = parseExhibit(
      appendix(
        '|Alder Large Cap Value Fund',
        '|0.25',
        '|%',
        '|0.20',
        '|%',
        '|Alder Municipal Bond Fund',
        '|0.25',
        '|%',
        '|0.15',
        '|%',
      ),
      'max-current.htm.txt',
    );
    expect(doc.schedules[0]!.entries.map((e) => `${e.portfolio} ${e.class} ${e.aggregateFeePct}`)).toEqual([
      'Alder Large Cap Value Fund A 0.25',
      'Alder Municipal Bond Fund A 0.25',
    ]);
    expect(doc.warnings).toContainEqual(expect.stringMatching(/current approved fee/));
  });

  it('a document cut inside the last rate ("0.") is read only in part, naming the cut line', () => {
    const doc = parseExhibit(
      appendix(
        '|Alder Large Cap Value Fund',
        '|0.25',
        '|%',
        '|0.20',
        '|%',
        '|Alder Municipal Bond Fund',
        '|0.',
      ),
      'max-current-cut.htm.txt',
    );
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual(['Alder Large Cap Value Fund']);
    expect(doc.completeness.gaps.map((g) => g.reason)).toContainEqual(
      expect.stringMatching(/ends inside Appendix A after 1 entry; its last line \("0\."\) is cut/),
    );
  });
});
