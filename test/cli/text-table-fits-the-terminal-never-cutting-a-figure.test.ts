import { describe, expect, it } from 'vitest';
import { clauseLines, proseLines, tableLines, wrapText } from '../../src/cli/table.js';

/**
 * Standing rule 7 (users first): a text answer fits an 80-column terminal. `printTable` padded every
 * column to its widest cell, and most tables of the demo were 90 to 300 columns wide. The table now
 * narrows and wraps its text columns, groups rows under a repeated first column, moves a long text
 * under its row, and only then prints a block a row — a figure is never wrapped, cut or moved.
 */
const widest = (lines: readonly string[]) => Math.max(...lines.map((l) => [...l].length));

describe('a text table within the width', () => {
  it('a table that fits is as it always was: columns two spaces apart, figures right-aligned', () => {
    // widths: Portfolio = max(9, 11) = 11, Fee = max(3, 6) = 6 → 11 + 2 + 6 = 19 columns; a heading
    // is left-aligned unless it looks like a figure itself
    expect(
      tableLines(
        ['Portfolio', 'Fee'],
        [
          ['Energy Fund', '12.50'],
          ['Bond Fund', '103.00'],
        ],
        80,
      ),
    ).toEqual(['Portfolio    Fee', '-----------  ------', 'Energy Fund   12.50', 'Bond Fund    103.00']);
  });

  it('a repeated first column becomes a heading line over its rows, the rest indented two', () => {
    // one line a row: 26 + 2 + 5 + 2 + 12 = 47 > 40; grouped, Class (5) + 2 + Fee (12) = 19 ≤ 38
    const rows = [
      ['Summit Capital Growth Fund', 'A', '127511.99'],
      ['Summit Capital Growth Fund', 'B', '1225153.43'],
      ['Summit Core Bond Fund', 'A', '0.00'],
    ];
    expect(tableLines(['Portfolio', 'Class', 'Distribution'], rows, 40)).toEqual([
      'Portfolio',
      '  Class  Distribution',
      '  -----  ------------',
      'Summit Capital Growth Fund',
      '  A         127511.99',
      '  B        1225153.43',
      'Summit Core Bond Fund',
      '  A              0.00',
    ]);
  });

  it('a text column is wrapped over two lines, a heading over more; a figure stays whole', () => {
    // one line: 26 + 2 + 16 = 44 > 30. The least each column may take: Portfolio ceil(26 / 2) = 13,
    // widened until each name takes two lines at most ("Summit Capital" is 14) → 14; the fee its
    // figure (10) or its longest heading word ("Distribution", 12) → 12. 14 + 2 + 12 = 28 ≤ 30, so
    // the widest column is narrowed one column at a time: Portfolio 26 → 16, then the two in turn,
    // 16 + 16 → 14 + 14: 14 + 2 + 14 = 30.
    const lines = tableLines(
      ['Portfolio', 'Distribution fee'],
      [
        ['Summit Capital Growth Fund', '1225153.43'],
        ['Summit Energy Fund', '245006.90'],
      ],
      30,
    );
    expect(lines).toEqual([
      'Portfolio         Distribution',
      '                           fee',
      '--------------  --------------',
      'Summit Capital      1225153.43',
      'Growth Fund',
      '',
      'Summit Energy        245006.90',
      'Fund',
    ]);
    expect(widest(lines)).toBeLessThanOrEqual(30);
  });

  it('a long text goes under its row, wrapped; the figures stay in their columns', () => {
    // Source (54 long) over two lines needs 33 ("Schedule A-2, Master Distribution"), and
    // 9 + 1 + 4 + 1 + 33 = 48 > 40 even one space apart: it goes under the row, after its heading
    // (2 + 6 + 2 = 10 in), wrapped at 40 - 10 = 30.
    const source = 'Schedule A-2, Master Distribution Agreement 2024-01-02';
    const lines = tableLines(['Portfolio', 'Rate %', 'Source'], [['Energy Fund', '0.75', source]], 40);
    expect(lines).toEqual([
      'Portfolio    Rate %',
      '-----------  ------',
      'Energy Fund    0.75',
      '  Source  Schedule A-2, Master',
      '          Distribution Agreement',
      '          2024-01-02',
    ]);
    expect(widest(lines)).toBeLessThanOrEqual(40);
  });

  it('figures that cannot fit side by side: a block a row, every figure whole', () => {
    // four figures of 12 digits: 4 × 12 + 3 = 51 > 30 even one space apart
    const n = '123456789.12';
    const lines = tableLines(['Portfolio', 'A', 'B', 'C', 'D'], [['Energy Fund', n, n, n, n]], 30);
    expect(lines).toEqual(['Portfolio: Energy Fund', `  A  ${n}`, `  B  ${n}`, `  C  ${n}`, `  D  ${n}`]);
  });

  it('prose wraps at spaces, each further line indented two; a word is broken only when longer than a line', () => {
    expect(
      proseLines('Due 2026-01-15. Totals: Distribution Fees 8191268.14; Earned CDSC 22764.37', 40),
    ).toEqual(['Due 2026-01-15. Totals: Distribution', '  Fees 8191268.14; Earned CDSC 22764.37']);
    expect(proseLines('short', 40)).toEqual(['short']);
    expect(wrapText('x'.repeat(12), 5)).toEqual(['xxxxx', 'xxxxx', 'xx']);
  });

  it('a line of clauses wraps between clauses, a label never parted from its figure', () => {
    const clauses = [
      'Due 2004-02-13. Totals: Distribution Fees 22500.00', // 50 columns
      "Distributor's 12b-1 Share 22500.00", // 34
      'Earned CDSC 0.00', // 16
    ];
    // 50 + 2 + 34 + 2 + 16 = 104 > 80: the first clause and its ";" (51), then 2 + 34 + 2 + 16 = 54
    expect(clauseLines(clauses, 80)).toEqual([
      'Due 2004-02-13. Totals: Distribution Fees 22500.00;',
      "  Distributor's 12b-1 Share 22500.00; Earned CDSC 0.00",
    ]);
    // wide enough: one line, as it was
    expect(clauseLines(clauses, 104)).toEqual([clauses.join('; ')]);
    // 54 columns: 50 + ";" fits; then 2 + 34 + 2 + 16 = 54 fits exactly (the last line needs no ";")
    expect(clauseLines(clauses, 54)).toHaveLength(2);
    // 53: each clause a line of its own
    expect(clauseLines(clauses, 53)).toEqual([
      'Due 2004-02-13. Totals: Distribution Fees 22500.00;',
      "  Distributor's 12b-1 Share 22500.00;",
      '  Earned CDSC 0.00',
    ]);
  });
});
