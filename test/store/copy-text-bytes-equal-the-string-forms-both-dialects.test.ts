import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CopyValue, decodeCopyRows, encodeCopyRows, encodeCopyValue } from '../../src/store/copyText.js';
import { CopyTextBytes, encodeCopyRowsBytes } from '../../src/store/copyTextBytes.js';
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

// The stored Class B ledger's COPY lines are written as bytes (src/store/copyTextBytes.ts): they
// must be, byte for byte, the UTF-8 of the string forms (copyText.ts, pgArrayText.ts, which the
// array test holds to PostgreSQL's own output), and PostgreSQL must read them as the same values.

const utf8 = new TextEncoder();
const strings = fc.array(hostile, { maxLength: 12 });
const safeInts = fc.array(
  // every magnitude: the whole safe range, and around int32's, where the writer changes arithmetic
  fc
    .oneof(fc.maxSafeInteger(), fc.integer({ min: -(2 ** 32), max: 2 ** 32 }))
    .map((v) => (Object.is(v, -0) ? 0 : v)),
  { maxLength: 12 },
);
const bools = fc.array(fc.boolean(), { maxLength: 12 });
/** Some indexes of an array of length n, in any order, repeats allowed (as a lot order is). */
const orderOf = (n: number) => fc.array(fc.nat({ max: Math.max(0, n - 1) }), { maxLength: n === 0 ? 0 : 12 });

/** One line as the strings would write it: the reference. */
function lineByStrings(
  s: readonly string[],
  i: readonly number[],
  b: readonly number[],
  text: string,
): string {
  return `${i.length}\t${encodeCopyValue(text)}\t${encodeIntArray(i)}\t${encodeCopyValue(encodeTextArray(s))}\t${encodeBoolArray(b)}\n`;
}

function lineByBytes(
  w: CopyTextBytes,
  s: readonly string[],
  i: readonly number[],
  b: readonly number[],
  text: string,
): void {
  w.int(i.length).tab().text(text).tab().intArray(i).tab().textArray(s).tab().boolArray(b).newline();
}

describe('COPY text written as bytes', () => {
  it('worked example: integers, signs, quoting and escapes, byte for byte', () => {
    const w = new CopyTextBytes(8); // grows from a small buffer
    w.int(0).tab().int(-7).tab().int(9_007_199_254_740_991).tab().int(-9_007_199_254_740_991).newline();
    w.intArray([3, -2, 10], [2, 0]).tab().boolArray([1, 0, 1]).tab().intArray([]).newline();
    // either side of the int32 path's bound, and of 2^32
    w.intArray([
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31),
      -(2 ** 31) - 1,
      2 ** 32 + 5,
      10,
      100,
      1_000_000_007,
    ]).newline();
    // bare, empty, NULL, a space, a quote, a backslash (escaped for the array, then for COPY), a tab, é
    w.textArray(['T-1', '', 'NULL', 'a b', 'x"y', 'p\\q', 't\tu', 'é'])
      .tab()
      .text('a\\b\tc\nd\re€')
      .newline();
    const expected =
      '0\t-7\t9007199254740991\t-9007199254740991\n' +
      '{10,3}\t{t,f,t}\t{}\n' +
      '{2147483647,2147483648,-2147483648,-2147483649,4294967301,10,100,1000000007}\n' +
      '{T-1,"","NULL","a b","x\\\\"y","p\\\\\\\\q","t\\tu",é}\ta\\\\b\\tc\\nd\\re€\n';
    expect(new TextDecoder().decode(w.bytes())).toBe(expected);
    expect(w.byteLength).toBe(utf8.encode(expected).length);
  });

  it('refuses what encodeIntArray refuses: a number that is not a safe integer', () => {
    for (const v of [0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      expect(() => new CopyTextBytes().intArray([1, v])).toThrow(RangeError);
  });

  it('equals the UTF-8 of the string forms for any values, orders and lengths', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(strings, safeInts, bools, hostile), { maxLength: 8 }), (lines) => {
        const w = new CopyTextBytes(16);
        let reference = '';
        for (const [s, i, b, t] of lines) {
          lineByBytes(w, s, i, b.map(Number), t);
          reference += lineByStrings(s, i, b.map(Number), t);
        }
        expect(Buffer.from(w.bytes()).equals(Buffer.from(utf8.encode(reference)))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it("rows of any values: encodeCopyRows' text, as bytes", () => {
    const value: fc.Arbitrary<CopyValue> = fc.oneof(
      hostile,
      fc.maxSafeInteger(),
      fc.double(),
      fc.constantFrom(-0, 2 ** 53, -(2 ** 60), 1e21, 0.1),
      fc.bigInt(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 8 }), { maxLength: 12 }), (rows) => {
        const bytes = encodeCopyRowsBytes(rows, 8);
        expect(Buffer.from(bytes).equals(Buffer.from(utf8.encode(encodeCopyRows(rows))))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('picks elements in the given order, as the string forms do', () => {
    fc.assert(
      fc.property(
        strings.chain((s) => fc.tuple(fc.constant(s), orderOf(s.length))),
        safeInts.chain((i) => fc.tuple(fc.constant(i), orderOf(i.length))),
        ([s, so], [i, io]) => {
          const w = new CopyTextBytes(4).textArray(s, so).tab().intArray(i, io).tab().boolArray(i, io);
          const reference = `${encodeCopyValue(encodeTextArray(s, so))}\t${encodeIntArray(i, io)}\t${encodeBoolArray(i, io)}`;
          expect(new TextDecoder().decode(w.bytes())).toBe(reference);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe.each(dialects)('COPY text bytes into %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await db.query(
      'CREATE TABLE copy_bytes (id bigint PRIMARY KEY, t text, i bigint[], s text[], b boolean[])',
    );
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('COPY FROM the bytes stores the values; COPY TO gives them back', async () => {
    let id = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(strings, safeInts, bools, hostile), { maxLength: 6 }),
        async (rows) => {
          await db.query('DELETE FROM copy_bytes');
          const w = new CopyTextBytes(32);
          const from = id;
          for (const [s, i, b, t] of rows)
            w.int(id++)
              .tab()
              .text(t)
              .tab()
              .intArray(i)
              .tab()
              .textArray(s)
              .tab()
              .boolArray(b.map(Number))
              .newline();
          const copied = await db.copyIn('copy_bytes', ['id', 't', 'i', 's', 'b'], w.bytes());
          expect(copied).toBe(rows.length);
          const back = decodeCopyRows(await db.copyOut('SELECT t, i, s, b FROM copy_bytes ORDER BY id'));
          expect(back.length).toBe(rows.length);
          rows.forEach(([s, i, b, t], k) => {
            const [tb, ib, sb, bb] = back[k]!;
            expect(tb).toBe(t);
            expect(decodeIntArray(ib!)).toEqual(i);
            expect(decodeTextArray(sb!)).toEqual(s);
            expect(decodeIntArray(bb!)).toEqual(b.map(Number));
          });
          expect(id - from).toBe(rows.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a bad byte sequence is refused whole, nothing stored', async () => {
    await db.query('DELETE FROM copy_bytes');
    const good = new CopyTextBytes()
      .int(1)
      .tab()
      .text('a')
      .tab()
      .intArray([1])
      .tab()
      .textArray(['x'])
      .tab()
      .boolArray([1])
      .newline();
    const bytes = new Uint8Array([...good.bytes(), ...utf8.encode('2\tb\t{1,x}\t{y}\t{t}\n')]);
    await expect(db.copyIn('copy_bytes', ['id', 't', 'i', 's', 'b'], bytes)).rejects.toThrow();
    expect(await db.query('SELECT count(*)::int AS n FROM copy_bytes')).toEqual([{ n: 0 }]);
  });
});
