import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordStarts, recordStartsByteByByte } from '../../src/import/csvRecordStarts.js';

const enc = new TextEncoder();

/** Files made of the bytes that matter: line ends of every kind, quotes (balanced or not), a BOM, UTF-8. */
const file = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.constantFrom('a', ',', '"', '""', '\r', '\n', '\r\n', '\n\n', 'é', '\ufeff', ' ', '1'), {
      maxLength: 80,
    }),
  )
  .map(([bom, parts]) => enc.encode(`${bom ? '\ufeff' : ''}${parts.join('')}`));

describe('where CSV records start, a line at a time (issue 14)', () => {
  it('is the byte-by-byte reference for any file', () => {
    fc.assert(
      fc.property(file, (bytes) => {
        expect(recordStarts(bytes)).toEqual(recordStartsByteByByte(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('a worked example: quoted line breaks, CRLF, a bare CR, empty lines and a BOM', () => {
    const text = '\ufeffdate,name\r\n2025-12-01,"two\nlines"\n\n2025-12-02,x\r2025-12-03,"y"';
    const bytes = enc.encode(text);
    const got = recordStarts(bytes);
    // records start on lines 1, 2, 5 and 6 (the quoted break is line 3, the empty line 4)
    expect(got.lines).toEqual([1, 2, 5, 6]);
    const at = (s: string) => enc.encode(text.slice(0, text.indexOf(s))).length;
    expect(got.offsets).toEqual([3, at('2025-12-01'), at('2025-12-02'), at('2025-12-03')]);
  });

  it("a month's file of 200,000 records, with LF and with CRLF line ends, agrees with the reference", () => {
    const lines = ['date,txn_id,account,portfolio'];
    for (let i = 0; i < 200_000; i++) lines.push(`2025-12-01,M${i},A${i},"Summit ""Core"" Fund"`);
    for (const end of ['\n', '\r\n']) {
      const bytes = enc.encode(`${lines.join(end)}${end}`);
      const got = recordStarts(bytes);
      expect(got).toEqual(recordStartsByteByByte(bytes));
      expect(got.lines).toHaveLength(200_001);
    }
  });
});
