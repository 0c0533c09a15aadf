import { describe, expect, it } from 'vitest';
import { decodeCsvFeed } from '../../src/import/csvFeed.js';
import { isoDateField, nameField, sharesField } from '../../src/import/feedFields.js';

// SPEC §12: a bad file fails whole with every problem listed (file, line, field, reason) — every
// bad cell of a row, not only its first, and the cells after a bad one still checked.
const COLUMNS = {
  date: { type: isoDateField() },
  account: { type: nameField('account') },
  shares: { type: sharesField({ positive: true }) },
} as const;

describe('a CSV feed row with several bad cells', () => {
  for (const slice of [1, 1_000_000]) {
    it(`lists each of them, in column order, and the good rows around it (${slice === 1 ? 'a record a slice' : 'the file whole'})`, () => {
      // repeated values too: a value seen before is taken from the decoder's cache, bad ones never are
      const text =
        'date,account,shares\n2025-12-01,A1,1.0000\n2025-13-01,A1,-3\n2025-12-01,A1,abc\n2025-13-01,,1.0000\n2025-12-02,A2,2.5\n';
      const { rows, problems } = decodeCsvFeed('f.csv', Buffer.from(text), COLUMNS, slice);
      expect(rows.map((r) => r.line)).toEqual([2, 6]);
      expect(problems.map((p) => [p.file, p.line, p.field, p.value])).toEqual([
        ['f.csv', 3, 'date', '2025-13-01'],
        ['f.csv', 3, 'shares', '-3'],
        ['f.csv', 4, 'shares', 'abc'],
        ['f.csv', 5, 'date', '2025-13-01'],
        ['f.csv', 5, 'account', ''],
      ]);
      expect(problems.every((p) => p.reason.length > 0)).toBe(true);
    });
  }
});
