import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { decodeCsvFeed } from '../../src/import/csvFeed.js';
import { isoDateField, moneyField, nameField } from '../../src/import/feedFields.js';

// SPEC §12: a bad file fails whole with every problem listed (file, line, field, reason). Hostile
// run: a file with a record a cell too many on line 2 and one a cell short on line 4 named only
// line 2 (csv-parse's "Invalid Record Length: expect 4, got 5 on line 2", then it stopped); an
// opening quote never closed on line 3 of a four-line file was reported on line 4, where csv-parse
// ran out of file, not where the quote is.
const COLUMNS = {
  date: { type: isoDateField() },
  portfolio: { type: nameField('portfolio') },
  class: { type: nameField('class') },
  net_assets: { type: moneyField() },
};
const bytes = (t: string) => new TextEncoder().encode(t);

describe('CSV records of the wrong width and quotes never closed (SPEC §12)', () => {
  it('lists every record whose cells do not match the header, each on its line, with the other rows problems', () => {
    const text = [
      'date,portfolio,class,net_assets',
      '2025-01-02,Summit Fund,A,1000.00,extra',
      '2025-01-03,Summit Fund,A,1000.00',
      '2025-01-06,Summit Fund,A',
      '2025-13-07,Summit Fund,A,1000.00',
      '2025-01-08,Summit Fund, Inc.,A,1000.00',
      '',
    ].join('\n');
    const { rows, problems } = decodeCsvFeed('na.csv', bytes(text), COLUMNS);
    expect(rows.map((r) => r.line)).toEqual([3]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, null],
      [4, null],
      [5, 'date'],
      [6, null],
    ]);
    expect(problems[0]!.reason).toBe(
      'not valid CSV: this record has 5 cells where the header has 4; a cell holding a comma must be in double quotes',
    );
    expect(problems[1]!.reason).toContain('has 3 cells where the header has 4');
  });

  it('names the line an unclosed quote opens on, not the last line of the file', () => {
    const text = [
      'date,portfolio,class,net_assets',
      '2025-01-02,Summit Fund,A,1000.00',
      '2025-01-03,"Summit Fund,A,1000.00',
      '2025-01-06,Summit Fund,A,1000.00',
      '2025-01-07,Summit Fund,A,1000.00',
      '',
    ].join('\r\n');
    let error: unknown;
    try {
      decodeCsvFeed('na.csv', bytes(text), COLUMNS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).problems).toEqual([
      expect.objectContaining({
        file: 'na.csv',
        line: 3,
        reason: expect.stringContaining('is never closed'),
      }),
    ]);
  });
});
