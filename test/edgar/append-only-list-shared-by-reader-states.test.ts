import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppendOnlyList } from '../../src/edgar/appendOnlyList.js';

/** The reader's states share one array; each must see exactly what a copied array would hold. */
describe('an append-only list shared by the reader’s states', () => {
  it('appending to an older state leaves the newer one as it was', () => {
    const a = AppendOnlyList.empty<number>().append([1, 2]);
    const b = a.append([3]);
    const c = a.append([9]);
    expect(b.toArray()).toEqual([1, 2, 3]);
    expect(c.toArray()).toEqual([1, 2, 9]);
    expect(a.toArray()).toEqual([1, 2]);
    expect(b.take(1).append([7]).toArray()).toEqual([1, 7]);
    expect(b.toArray()).toEqual([1, 2, 3]);
    expect([b.last(), b.get(0), b.get(3), b.slice(1), b.slice(-2, -1)]).toEqual([
      3,
      1,
      undefined,
      [2, 3],
      [2],
    ]);
  });

  it('any sequence of appends and takes from any earlier state equals the same on copied arrays (property)', () => {
    const op = fc.oneof(
      fc.record({ from: fc.nat(), append: fc.array(fc.integer(), { maxLength: 4 }) }),
      fc.record({ from: fc.nat(), take: fc.nat(8) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const lists = [AppendOnlyList.empty<number>()];
        const arrays: number[][] = [[]];
        for (const o of ops) {
          const i = o.from % lists.length;
          if ('append' in o) {
            lists.push(lists[i]!.append(o.append));
            arrays.push([...arrays[i]!, ...o.append]);
          } else {
            lists.push(lists[i]!.take(o.take));
            arrays.push(arrays[i]!.slice(0, o.take));
          }
        }
        return lists.every(
          (l, i) =>
            JSON.stringify(l.toArray()) === JSON.stringify(arrays[i]) &&
            l.length === arrays[i]!.length &&
            l.last() === arrays[i]!.at(-1) &&
            JSON.stringify(l.slice(1, -1)) === JSON.stringify(arrays[i]!.slice(1, -1)),
        );
      }),
      { numRuns: 300 },
    );
  });
});
