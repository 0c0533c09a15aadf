import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/** A fund's class cells under a "Shares" column, as EDGAR's HTML renders the table. */
function fund(name: string, classes: readonly string[], closesQuote = false): string[] {
  const cells = classes.flatMap((c, i) => [
    `|Class ${c} Shares${closesQuote && i === classes.length - 1 ? '”' : ''}`,
    ...(i < classes.length - 1 ? ['|', '|'] : []),
  ]);
  return [name, '|', ...cells, ...(closesQuote ? [] : ['|', '|', '|', '|'])];
}

const heading = ['|', '|', '|', '|Portfolio', '|', '|Shares', '|'];

const doc = [
  'AMENDMENT NO. 3',
  'TO',
  'PLAN OF DISTRIBUTION',
  'PURSUANT TO RULE 12b-1',
  '(Class A Shares, Class B Shares, Class C Shares)',
  '(Reimbursement)',
  'The Plan of Distribution (the “Plan”), dated March 3, 2015, pursuant to Rule 12b-1, is',
  'hereby amended, effective June 1, 2021, as follows:',
  'NOW THEREFORE, Schedule A to the Plan is hereby deleted and replaced in its entirety with the',
  'following:',
  '“SCHEDULE A',
  'PLAN OF DISTRIBUTION PURSUANT TO RULE 12B-1',
  'ALDER COUNSELOR TRUST',
  ...heading,
  ...fund('Alder Municipal Income Fund', ['A', 'B', 'C']),
  ...fund('Alder Equal Weight Fund', ['A', 'C']),
  'BIRCH GROWTH TRUST',
  ...heading,
  ...fund('Birch Convertible Fund', ['A', 'B', 'C'], true),
  'All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.',
  '',
].join('\n');

describe('a fund list whose classes stand in a "Shares" column, cell under cell', () => {
  it("gives each fund its own classes, not the first fund's title classes and the last cell's class after it", () => {
    const d = parseExhibit(
      doc.replace(/\|Class C Shares\n(?=\nAll other)/, '|Class C Shares”\n'),
      'shares.htm.txt',
    );
    expect(d.schedules[0]!.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)).toEqual([
      'ALDER COUNSELOR TRUST | Alder Municipal Income Fund | A',
      'ALDER COUNSELOR TRUST | Alder Municipal Income Fund | B',
      'ALDER COUNSELOR TRUST | Alder Municipal Income Fund | C',
      'ALDER COUNSELOR TRUST | Alder Equal Weight Fund | A',
      'ALDER COUNSELOR TRUST | Alder Equal Weight Fund | C',
      'BIRCH GROWTH TRUST | Birch Convertible Fund | A',
      'BIRCH GROWTH TRUST | Birch Convertible Fund | B',
      'BIRCH GROWTH TRUST | Birch Convertible Fund | C',
    ]);
    expect(d.completeness.complete).toBe(true);
  });
});
