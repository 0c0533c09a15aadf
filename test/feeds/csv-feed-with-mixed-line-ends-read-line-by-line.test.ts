import { describe, expect, it } from 'vitest';
import { decodeCsvFeed } from '../../src/import/csvFeed.js';
import { isoDateField, moneyField, nameField } from '../../src/import/feedFields.js';

// FORMATS.md (Inputs): Windows (CRLF), Unix (LF) and old Mac (CR) line ends are read — in one file
// too, as two exports joined into one (`cat jan.csv feb.csv`) or a header typed on another machine
// give. Hostile run: a CRLF header over LF rows was refused as "not valid CSV: Invalid Record
// Length: expect 4, got 7 on line 3" (csv-parse took the first line end as the only one, so two
// rows read as one, and the line named was not the one at fault).
const COLUMNS = {
  date: { type: isoDateField() },
  portfolio: { type: nameField('portfolio') },
  net_assets: { type: moneyField() },
} as const;

describe('a CSV feed whose lines end in CRLF, LF and CR at once', () => {
  for (const slice of [1, 1_000_000]) {
    it(`reads each line as a record, with its own line number (${slice === 1 ? 'a record a slice' : 'the file whole'})`, () => {
      const text =
        '\ufeffdate,portfolio,net_assets\r\n' +
        '2025-01-02,Alpha Fund,100.00\n' +
        '2025-01-03,"Beta\r\nFund",bad\r' +
        '2025-01-06,Alpha Fund,101.00\r\n' +
        '\n' +
        '2025-01-07,Alpha Fund,12.345\n';
      const { rows, problems } = decodeCsvFeed('mixed.csv', Buffer.from(text), COLUMNS, slice);
      // by hand: the quoted CRLF is one line end inside line 3's record, which ends on line 4;
      // line 6 is blank, so the last record is on line 7
      expect(rows.map((r) => [r.line, r.row.date, r.row.portfolio, r.row.net_assets])).toEqual([
        [2, '2025-01-02', 'Alpha Fund', 10_000n],
        [5, '2025-01-06', 'Alpha Fund', 10_100n],
      ]);
      expect(problems.map((p) => [p.file, p.line, p.field, p.value])).toEqual([
        // a name holds no line break, even quoted; the quoted CRLF is the cell's, not a line end
        ['mixed.csv', 3, 'portfolio', 'Beta\r\nFund'],
        ['mixed.csv', 3, 'net_assets', 'bad'],
        ['mixed.csv', 7, 'net_assets', '12.345'],
      ]);
    });
  }
});
