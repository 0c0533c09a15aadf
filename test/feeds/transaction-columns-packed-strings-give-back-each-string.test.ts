import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedStrings } from '../../src/import/transactionColumns.js';

// Issue 14: a transactions file's txn_ids are held packed, one string per decoded slice and each
// id's start in it. Every id must come back as given, in order, whatever the slices: empty
// strings, characters of any width, one-item and empty slices, more items than the capacity.
describe('packed strings', () => {
  it('give back each string pushed, in order', () => {
    const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', 'é', '名前', '😀x', 'T-000123'));
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { maxLength: 9 }), { maxLength: 8 }),
        fc.nat(20),
        (slices, capacity) => {
          const packed = new PackedStrings(capacity);
          for (const s of slices) packed.push(s);
          const all = slices.flat();
          expect(packed.length).toBe(all.length);
          expect(all.map((_, i) => packed.get(i))).toEqual(all);
          expect([...packed]).toEqual(all);
        },
      ),
      { numRuns: 500 },
    );
  });
});
