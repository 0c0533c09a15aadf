import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonReference } from '../../src/audit/closeSeal.js';

/**
 * The seal's canonical JSON (issue 9; made lean in issue 14): the fast form gives the reference's
 * text for any value a close can hash — JSON values, records with undefined fields, keys in any
 * order (and keys such as "__proto__" or non-ASCII), arrays of rows, holes, and values JSON
 * turns into null.
 */
describe('canonicalJson equals the reference', () => {
  const keyArb = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('__proto__', 'constructor', 'a', 'b', 'B', 'é', '10', '2', ''),
  );
  const leaf = fc.oneof(
    fc.jsonValue({ maxDepth: 0 }),
    fc.constant(undefined),
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('sparse'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }),
    sparse: fc.sparseArray(tie('value'), { maxLength: 5 }),
    object: fc.dictionary(keyArb, tie('value'), { maxKeys: 6 }),
  }));

  it('for generated values', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(canonicalJsonReference(v));
      }),
      { numRuns: 3_000, seed: 14 },
    );
  });

  it('for records of a few shapes one after another (keys not in order, some left out)', () => {
    const shape = fc.record(
      { txnId: fc.string(), net: leaf, waiver: leaf, account: leaf, Zeta: leaf, ä: leaf },
      { requiredKeys: ['txnId', 'net'] },
    );
    const piece = fc.record({ lotId: fc.string(), cdsc: leaf, doi: leaf });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(shape, piece, fc.tuple(shape, fc.array(piece))), { maxLength: 12 }),
        (rows) => {
          for (const r of rows) expect(canonicalJson(r)).toBe(canonicalJsonReference(r));
          expect(canonicalJson(rows)).toBe(canonicalJsonReference(rows));
        },
      ),
      { numRuns: 500, seed: 16 },
    );
  });

  it('for JSON read back (own "__proto__" keys) and the shapes a close hashes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const parsed: unknown = JSON.parse(JSON.stringify(v));
        expect(canonicalJson(parsed)).toBe(canonicalJsonReference(parsed));
      }),
      { numRuns: 1_000, seed: 15 },
    );
    const withProto: unknown = JSON.parse('{"b":1,"__proto__":{"z":[1,{"y":2,"x":null}]},"a":[3,"x"]}');
    expect(canonicalJson(withProto)).toBe('{"__proto__":{"z":[1,{"x":null,"y":2}]},"a":[3,"x"],"b":1}');
    // a row of the month's inputs, and a redemption with a piece
    expect(canonicalJson(['T1', null, '2025-12-01', '10.0000'])).toBe('["T1",null,"2025-12-01","10.0000"]');
    expect(
      canonicalJson({ txnId: 'R1', net: '9.50', waiver: undefined, pieces: [{ lotId: 'P1', cdsc: '0.50' }] }),
    ).toBe('{"net":"9.50","pieces":[{"cdsc":"0.50","lotId":"P1"}],"txnId":"R1"}');
  });

  it('for holes, undefined and values JSON writes as null', () => {
    const holes: unknown[] = [1];
    holes[2] = 3; // a hole at 1
    const cases: unknown[] = [
      holes,
      [undefined, () => 1, Symbol('s'), Number.NaN],
      { f: () => 1, s: Symbol('s'), u: undefined, n: Number.NaN },
      [[], {}, [[]], [{}]],
      Object.assign([1, 2], { extra: 'ignored' }),
    ];
    for (const [i, c] of cases.entries())
      expect(canonicalJson(c), `case ${i}`).toBe(canonicalJsonReference(c));
    expect(canonicalJson(holes)).toBe('[1,,3]');
  });
});
