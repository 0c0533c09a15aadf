import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCopyField, decodeCopyRows, encodeCopyValue } from '../../src/store/copyText.js';
import type { Database } from '../../src/store/database.js';
import {
  decodeIntArray,
  decodeTextArray,
  encodeBoolArray,
  encodeIntArray,
  encodeTextArray,
} from '../../src/store/pgArrayText.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { hostile } from '../support/hostileStrings.js';

// The array literal codec of the stored Class B ledger (one row per account, its lots as arrays;
// txn_ids are user input): what it writes PostgreSQL reads as the same elements and prints back
// as the same text, and what PostgreSQL prints (alone or inside COPY text) it reads back.

const strings = fc.array(hostile, { maxLength: 12 });
const safeInts = fc.array(
  fc.maxSafeInteger().map((v) => (Object.is(v, -0) ? 0 : v)),
  { maxLength: 12 },
);
const int32s = fc.array(fc.integer(), { maxLength: 12 });
const bools = fc.array(fc.boolean(), { maxLength: 12 });

describe('PostgreSQL array literals, by hand', () => {
  it('worked example: what needs quotes is quoted, the rest is not', () => {
    const values = ['T-1', '', 'NULL', 'null', 'a b', 'x"y', 'p\\q', '{', 'a,b', 'é€', ' lead'];
    const text = '{T-1,"","NULL","null","a b","x\\"y","p\\\\q","{","a,b",é€," lead"}';
    expect(encodeTextArray(values)).toBe(text);
    expect(decodeTextArray(text)).toEqual(values);
    expect(encodeTextArray([])).toBe('{}');
    expect(decodeTextArray('{}')).toEqual([]);
    expect(encodeIntArray([3, -2, 9_007_199_254_740_991])).toBe('{3,-2,9007199254740991}');
    expect(decodeIntArray('{3,-2,9007199254740991}')).toEqual([3, -2, 9_007_199_254_740_991]);
    expect(encodeBoolArray([1, 0])).toBe('{t,f}');
    expect(decodeIntArray('{t,f}')).toEqual([1, 0]);
    expect(encodeIntArray([10, 20, 30], [2, 0])).toBe('{30,10}');
  });

  it('refuses what it must not guess: NULL elements, nesting, bounds, unsafe integers', () => {
    expect(() => decodeTextArray('{a,NULL}')).toThrow(/NULL/);
    expect(() => decodeTextArray('{{a},{b}}')).toThrow();
    expect(() => decodeIntArray('[0:1]={1,2}')).toThrow();
    expect(() => decodeIntArray('{1,NULL}')).toThrow();
    expect(() => decodeIntArray('{99999999999999999}')).toThrow(/safe integer/);
    expect(() => encodeIntArray([0.5])).toThrow(RangeError);
  });

  it('decode(encode(x)) = x for any strings and integers', () => {
    fc.assert(
      fc.property(strings, safeInts, bools, (s, i, b) => {
        expect(decodeTextArray(encodeTextArray(s))).toEqual(s);
        expect(decodeIntArray(encodeIntArray(i))).toEqual(i);
        expect(decodeIntArray(encodeBoolArray(b.map(Number)))).toEqual(b.map(Number));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe.each(dialects)('PostgreSQL array literals through %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await db.query(
      'CREATE TABLE array_round_trip (id integer PRIMARY KEY, t text[], i bigint[], n integer[], b boolean[])',
    );
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it("SELECT $1::text[]: PostgreSQL reads the encoded strings as the same elements, and prints the encoder's text", async () => {
    await fc.assert(
      fc.asyncProperty(strings, async (s) => {
        const literal = encodeTextArray(s);
        const elements = await db.query<{ x: string }>(
          'SELECT x FROM unnest($1::text[]) WITH ORDINALITY AS u(x, i) ORDER BY i',
          [literal],
        );
        expect(elements.map((r) => r.x)).toEqual(s);
        const [row] = await db.query<{ t: string }>('SELECT ($1::text[])::text AS t', [literal]);
        expect(row!.t).toBe(literal);
        expect(decodeTextArray(row!.t)).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });

  it('COPY in and out: text, bigint, integer and boolean arrays come back as written', async () => {
    let id = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(strings, safeInts, int32s, bools), { maxLength: 6 }),
        async (rows) => {
          await db.query('DELETE FROM array_round_trip');
          const from = id;
          const lines = rows.map(
            ([s, i, n, b]) =>
              `${id++}\t${encodeCopyValue(encodeTextArray(s))}\t${encodeIntArray(i)}\t${encodeIntArray(n)}\t${encodeBoolArray(b.map(Number))}\n`,
          );
          if (lines.length > 0)
            await db.copyIn('array_round_trip', ['id', 't', 'i', 'n', 'b'], lines.join(''));
          const text = await db.copyOut('SELECT id, t, i, n, b FROM array_round_trip ORDER BY id');
          // as the ledger state read takes a text array field: COPY's escapes undone, then the literal
          const fields =
            text === ''
              ? []
              : text
                  .replace(/\n$/, '')
                  .split('\n')
                  .map((l) => l.split('\t'));
          expect(
            fields.map(([k, t, i, n, b]) => [
              Number(k) - from,
              decodeTextArray(decodeCopyField(t!)),
              decodeIntArray(i!),
              decodeIntArray(n!),
              decodeIntArray(b!).map(Boolean),
            ]),
          ).toEqual(rows.map(([s, i, n, b], k) => [k, s, i, n, b]));
          // and the rows as PostgreSQL stored them: the same elements
          const stored = await db.query<{ t: string[] | string }>(
            'SELECT t::text AS t FROM array_round_trip ORDER BY id',
          );
          expect(stored.map((r) => decodeTextArray(r.t as string))).toEqual(rows.map(([s]) => s));
          expect(decodeCopyRows(text).map((r) => decodeTextArray(r[1]!))).toEqual(rows.map(([s]) => s));
        },
      ),
      { numRuns: 100 },
    );
  });
});
