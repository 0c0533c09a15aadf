import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSharesFirstThenOldestCommission, type OrderedLot } from '../../src/class-b/redemptionOrder.js';

interface L extends OrderedLot {
  readonly name: string;
  readonly rate: bigint;
}
const lot = (name: string, kind: 'commission' | 'free', doi: string, sequence: number, ratePct = 0): L => ({
  name,
  kind,
  dateOfOriginalIssuance: doi,
  sequence,
  arrival: sequence,
  rate: BigInt(ratePct * 1_000_000),
});

describe('freeSharesFirstThenOldestCommission (SPEC §6 redemption order)', () => {
  it('Free Shares oldest first, then Commission Shares past the CDSC period, then those bearing one', () => {
    const lots = [
      lot('c-2004-bearing-3%', 'commission', '2004-01-15', 0, 3),
      lot('free-2005', 'free', '2005-12-20', 1),
      lot('c-1997-past', 'commission', '1997-05-01', 2, 0),
      lot('c-2005-bearing-5%', 'commission', '2005-06-10', 3, 5),
      lot('free-2003', 'free', '2003-12-20', 4),
      // a schedule of another portfolio (data): an older lot may still bear a CDSC while a younger is past
      lot('c-2000-bearing-1%', 'commission', '2000-03-01', 5, 1),
      lot('c-2001-past-other-schedule', 'commission', '2001-03-01', 6, 0),
    ];
    expect(freeSharesFirstThenOldestCommission(lots, (l) => l.rate).map((l) => l.name)).toEqual([
      'free-2003',
      'free-2005',
      'c-1997-past',
      'c-2001-past-other-schedule',
      'c-2000-bearing-1%',
      'c-2004-bearing-3%',
      'c-2005-bearing-5%',
    ]);
  });

  it('lots with the same DOI go in the order they were created', () => {
    const lots = [
      lot('second', 'commission', '2004-01-15', 7, 3),
      lot('first', 'commission', '2004-01-15', 2, 3),
    ];
    expect(freeSharesFirstThenOldestCommission(lots, (l) => l.rate).map((l) => l.name)).toEqual([
      'first',
      'second',
    ]);
  });

  it('for any lots: a permutation, free before commission, no CDSC before CDSC, oldest first within each', () => {
    const arb = fc.array(
      fc.record({
        kind: fc.constantFrom('commission' as const, 'free' as const),
        day: fc.integer({ min: 0, max: 5000 }),
        rate: fc.constantFrom(0, 1, 3, 5),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const lots = xs.map((x, i) =>
          lot(
            `l${i}`,
            x.kind,
            new Date(Date.UTC(2000, 0, 1 + x.day)).toISOString().slice(0, 10),
            i,
            x.kind === 'free' ? 0 : x.rate,
          ),
        );
        const ordered = freeSharesFirstThenOldestCommission(lots, (l) => l.rate);
        const rank = (l: L) => (l.kind === 'free' ? 0 : l.rate === 0n ? 1 : 2);
        if (ordered.length !== lots.length || new Set(ordered).size !== lots.length) return false;
        for (let i = 1; i < ordered.length; i++) {
          const a = ordered[i - 1]!;
          const b = ordered[i]!;
          if (rank(a) > rank(b)) return false;
          if (
            rank(a) === rank(b) &&
            (a.dateOfOriginalIssuance > b.dateOfOriginalIssuance ||
              (a.dateOfOriginalIssuance === b.dateOfOriginalIssuance && a.sequence > b.sequence))
          )
            return false;
        }
        return true;
      }),
    );
  });
});
