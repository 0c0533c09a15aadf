import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/closeSeal.js';
import { copyTextRowsJson } from '../../src/audit/copyTextRowsJson.js';
import { decodeCopyRows, encodeCopyRows } from '../../src/store/copyText.js';

/**
 * Issue 14: the close digests a month's inputs from PGlite's COPY bytes (copyTextRowsJson) instead
 * of decoding every value into a string and canonicalising every row. The digest must not change:
 * the bytes written are the UTF-8 of what decoding and canonicalJson give.
 */
const utf8 = new TextEncoder();
const text = new TextDecoder();

/** The reference: decoded, each row canonical JSON, joined by commas. */
function reference(copy: Uint8Array): { json: string; rows: number } {
  const rows = decodeCopyRows(new TextDecoder('utf-8', { fatal: true }).decode(copy));
  return { json: rows.map(canonicalJson).join(','), rows: rows.length };
}

/** What copyTextRowsJson hands over, its pieces copied (it writes them again in its buffer). */
function ofBytes(copy: Uint8Array, opts: { afterRows?: boolean } = {}): { json: string; rows: number } {
  const pieces: Uint8Array[] = [];
  const rows = copyTextRowsJson(copy, (json) => pieces.push(json.slice()), opts);
  return { json: text.decode(Buffer.concat(pieces)), rows };
}

describe('the inputs digest text from COPY bytes equals the decoded rows canonicalised', () => {
  it('worked examples, written by hand', () => {
    expect(ofBytes(utf8.encode('T-1\tA-1\t\\N\n'))).toEqual({ json: '["T-1","A-1",null]', rows: 1 });
    // escapes undone, then JSON's own: a tab, a newline, a backslash, a quote
    expect(ofBytes(utf8.encode('a\\tb\\nc\\\\d"e\n'))).toEqual({ json: '["a\\tb\\nc\\\\d\\"e"]', rows: 1 });
    // two rows, CRLF line ends, an empty value, the end marker and what follows it left out
    expect(ofBytes(utf8.encode('x\t\r\n\\N\r\n\\.\nafter\n'))).toEqual({ json: '["x",""],[null]', rows: 2 });
    // octal and hex escapes: \101 is A, \x41 is A, \351 is é (U+00E9, two UTF-8 bytes)
    expect(ofBytes(utf8.encode('\\101\\x41\\351\n'))).toEqual({ json: '["AAé"]', rows: 1 });
    // a control character without a short escape, as JSON.stringify writes it; DEL as it is
    expect(ofBytes(utf8.encode('\\x01\x7f\\v\n'))).toEqual({ json: '["\\u0001\x7f\\u000b"]', rows: 1 });
    // non-ASCII as it is; a backslash ending a value stands for itself
    expect(ofBytes(utf8.encode('€𝄞\tz\\\n'))).toEqual({ json: '["€𝄞","z\\\\"]', rows: 1 });
    expect(ofBytes(new Uint8Array())).toEqual({ json: '', rows: 0 });
    // after rows of the same kind: led by a comma, unless there is no row
    expect(ofBytes(utf8.encode('a\n'), { afterRows: true })).toEqual({ json: ',["a"]', rows: 1 });
    expect(ofBytes(new Uint8Array(), { afterRows: true })).toEqual({ json: '', rows: 0 });
  });

  it('hands over pieces of a bounded buffer, the same text however long the rows', () => {
    // 40,000 rows (over 1 MB of JSON, several pieces) and one row of 1 MB (a piece of its own)
    const many = Array.from({ length: 40_000 }, (_, i) => [`T-${i}`, i % 7 === 0 ? null : 'x"\\y\tz']);
    const long = [['é'.repeat(500_000), 'a']];
    for (const rows of [many, long, [...many, ...long, ...many]]) {
      const copy = utf8.encode(encodeCopyRows(rows));
      const sizes: number[] = [];
      const got = ofBytes(copy);
      copyTextRowsJson(copy, (json) => sizes.push(json.length));
      expect(got).toEqual(reference(copy));
      expect(got.json).toBe(rows.map((r) => JSON.stringify(r)).join(','));
      expect(Math.max(...sizes)).toBeLessThanOrEqual(Math.max(256 * 1024, 2 + 6 * 1_000_010));
    }
  });

  it('equals the reference for any rows written as COPY text', () => {
    const value = fc.option(fc.string({ unit: 'binary' }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
        // a row of one empty value is an empty line, which reads back as that row
        const copy = utf8.encode(encodeCopyRows(rows));
        expect(ofBytes(copy)).toEqual(reference(copy));
        expect(ofBytes(copy).rows).toBe(rows.length);
      }),
      { numRuns: 1_500 },
    );
  });

  it('equals the reference for any COPY text, escapes of every kind included', () => {
    const unit = fc.constantFrom(
      ...['\\', '\\', 't', 'n', 'r', 'b', 'f', 'v', 'N', 'x', 'X', '0', '1', '4', '7', '8', 'a', 'F', 'g'],
      ...['\t', '\n', '\r', '.', '"', ',', '[', ' ', '\u0000', '\u0001', '\u001f', '\u007f', '\u0080'],
      ...['é', '€', '𝄞', '\u2028', '\uffff'],
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
        const copy = utf8.encode(s);
        expect(ofBytes(copy)).toEqual(reference(copy));
      }),
      { numRuns: 6_000 },
    );
  });

  it('refuses bytes that are not UTF-8, as the decoding reference does', () => {
    for (const bad of [
      [0x41, 0xff, 0x0a],
      [0xc3, 0x0a],
      [0xed, 0xa0, 0x80, 0x0a],
    ]) {
      const copy = Uint8Array.from(bad);
      expect(() => reference(copy)).toThrow(TypeError);
      const written: Uint8Array[] = [];
      expect(() => copyTextRowsJson(copy, (json) => written.push(json))).toThrow(TypeError);
      expect(written).toEqual([]);
    }
  });
});
