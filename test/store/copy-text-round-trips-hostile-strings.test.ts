import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CopyValue,
  decodeCopyField,
  decodeCopyRows,
  encodeCopyRows,
  encodeCopyValue,
  sqlTextArrayLiteral,
} from '../../src/store/copyText.js';
import { dialects, freshDatabase } from '../support/databases.js';

/** Strings made of the characters COPY text treats specially, and some that it does not. */
const hostile = fc.oneof(
  fc.string({
    unit: fc.constantFrom('\t', '\n', '\r', '\\', 'N', '.', ',', '"', "'", '{', '}', 'a', 'é', '€', '𝄞', ' '),
  }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', '\\N', '\\.', 'NULL', '\\', '\t', '\n'),
);
const field = fc.option(hostile, { nil: null });
const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 20 });

describe('COPY text format', () => {
  it('worked example: tab, newline, backslash, empty and NULL', () => {
    // PostgreSQL docs, COPY text format: \t \n \\ escaped, NULL is \N, the empty string is nothing.
    expect(encodeCopyRows([['a\tb', 'c\nd', 'e\\f', '', null]])).toBe('a\\tb\tc\\nd\te\\\\f\t\t\\N\n');
    expect(decodeCopyRows('a\\tb\tc\\nd\te\\\\f\t\t\\N\n')).toEqual([['a\tb', 'c\nd', 'e\\f', '', null]]);
  });

  it('encodes non-text values in their text form', () => {
    expect([true, false, 12, 34n, '1.5000'].map((v) => encodeCopyValue(v as CopyValue))).toEqual([
      't',
      'f',
      '12',
      '34',
      '1.5000',
    ]);
  });

  it('decodes every escape PostgreSQL may write', () => {
    expect(decodeCopyField('\\b\\f\\v\\r\\101\\x41\\q')).toBe('\b\f\v\rAAq');
    expect(decodeCopyRows('x\n\\.\nignored\n')).toEqual([['x']]);
  });

  it('round-trips any rows of hostile strings and NULLs', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        expect(decodeCopyRows(encodeCopyRows(rs))).toEqual(rs);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the empty string apart from NULL', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<string | null>('', null), { minLength: 1, maxLength: 6 }),
        (row) => {
          expect(decodeCopyRows(encodeCopyRows([row]))).toEqual([row]);
        },
      ),
    );
  });
});

describe.each(dialects)('COPY through the store (%s)', (dialect) => {
  it('a table copied in and out gives back the same strings, and the array literal finds them', async () => {
    const t = await freshDatabase(dialect);
    const db = await t.open();
    try {
      await db.query('CREATE TABLE copy_probe (n integer PRIMARY KEY, a text, b text)');
      const sample = fc.sample(fc.tuple(field, field), { numRuns: 300, seed: 42 });
      const data = sample.map(([a, b], n) => [n, a, b] as const);
      await db.transaction((tx) => tx.copyIn('copy_probe', ['n', 'a', 'b'], data));
      const back = await db.textRows('SELECT n, a, b FROM copy_probe ORDER BY n');
      expect(back).toEqual(data.map(([n, a, b]) => [String(n), a, b]));
      // COPY TO on its own, decoded here, gives the same on both stores
      expect(decodeCopyRows(await db.copyOut('SELECT n, a, b FROM copy_probe ORDER BY n'))).toEqual(back);
      // the same through query(): COPY did not change what was stored
      const viaQuery = await db.query<{ a: string | null }>('SELECT a FROM copy_probe ORDER BY n');
      expect(viaQuery.map((r) => r.a)).toEqual(data.map((d) => d[1]));
      const wanted = [...new Set(data.flatMap(([, a]) => (a === null ? [] : [a])))];
      const found = await db.textRows(
        `SELECT DISTINCT a FROM copy_probe WHERE a = ANY(${sqlTextArrayLiteral(wanted)})`,
      );
      expect(found.map((r) => r[0]).sort()).toEqual([...wanted].sort());
    } finally {
      await db.close();
      await t.drop();
    }
  });
});
