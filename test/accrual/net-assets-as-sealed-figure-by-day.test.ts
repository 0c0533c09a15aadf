import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NetAssetsRow } from '../../src/accrual/classSeries.js';
import { type FiguresAtClose, netAssetsAsSealed } from '../../src/accrual/netAssetsAsSealed.js';
import { addDays, monthOf } from '../../src/calendar/isoDate.js';

/** SPEC §4 read directly: a day's figure is its latest row on or before it (undefined: none yet). */
function figureOn(rows: readonly NetAssetsRow[], day: string): bigint | undefined {
  let figure: bigint | undefined;
  for (const r of rows) if (r.date <= day) figure = r.netAssetsCents;
  return figure;
}

/** The reference: each day of a closed month takes its row's figure at that close, other days the row. */
function referenceFigureOn(rows: readonly NetAssetsRow[], atClose: FiguresAtClose, day: string) {
  let row: NetAssetsRow | undefined;
  for (const r of rows) if (r.date <= day) row = r;
  if (row === undefined) return undefined;
  return atClose.get(monthOf(day))?.get(row.date) ?? row.netAssetsCents;
}

const row = (date: string, cents: bigint): NetAssetsRow => ({ date, netAssetsCents: cents });

describe('net assets as each closed month was sealed with them (SPEC §12)', () => {
  it('a Friday restated after the close of the month its weekend falls in: that month’s days keep the old figure', () => {
    // 2004-01-30 is a Friday; Saturday 31 is January's, Sunday 2004-02-01 February's.
    // Restated 100.00 → 130.00 while February was closed (January open): the Friday and Saturday
    // take 130.00, Sunday (February, as sealed) 100.00, Monday its own row.
    const rows = [row('2004-01-30', 13_000n), row('2004-02-02', 20_000n)];
    const atClose: FiguresAtClose = new Map([['2004-02', new Map([['2004-01-30', 10_000n]])]]);
    const out = netAssetsAsSealed(rows, atClose);
    expect(out).toEqual([row('2004-01-30', 13_000n), row('2004-02-01', 10_000n), row('2004-02-02', 20_000n)]);
  });

  it('a row of a closed month restated since: the month takes the old figure, the open month after it the new', () => {
    // The last row, Wednesday 2007-02-28 (7.00), restated from 6.00 after February closed: it is
    // also the figure of March's days (no later row), where it stands as restated.
    const rows = [row('2007-02-27', 5_00n), row('2007-02-28', 7_00n)];
    const atClose: FiguresAtClose = new Map([['2007-02', new Map([['2007-02-28', 6_00n]])]]);
    expect(netAssetsAsSealed(rows, atClose)).toEqual([
      row('2007-02-27', 5_00n),
      row('2007-02-28', 6_00n),
      row('2007-03-01', 7_00n),
    ]);
  });

  it('no closed month restated: the rows as they stand', () => {
    const rows = [row('2007-02-27', 5_00n)];
    expect(netAssetsAsSealed(rows, new Map())).toEqual(rows);
  });

  it('every day’s figure equals the reference’s, whatever rows and closed months (property)', () => {
    const start = '2004-01-01';
    const arb = fc.record({
      offsets: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 12 }),
      figures: fc.array(fc.bigInt({ min: 0n, max: 9_999n }), { minLength: 12, maxLength: 12 }),
      restated: fc.array(
        fc.record({
          month: fc.constantFrom('2004-01', '2004-02', '2004-03', '2004-04'),
          which: fc.nat(11),
          old: fc.bigInt({ min: 0n, max: 9_999n }),
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ offsets, figures, restated }) => {
        const dates = [...offsets].sort((a, b) => a - b).map((o) => addDays(start, o));
        const rows = dates.map((d, i) => row(d, figures[i]!));
        const atClose = new Map<string, Map<string, bigint>>();
        for (const r of restated) {
          const target = rows[r.which % rows.length]!;
          const m = atClose.get(r.month) ?? new Map<string, bigint>();
          atClose.set(r.month, m);
          if (!m.has(target.date)) m.set(target.date, r.old);
        }
        const out = netAssetsAsSealed(rows, atClose);
        // one row per date, in order; every day's figure as the reference's
        const ordered = out.every((r, i) => i === 0 || r.date > out[i - 1]!.date);
        const wrong: string[] = [];
        for (let d = start; d <= '2004-06-30'; d = addDays(d, 1))
          if (figureOn(out, d) !== referenceFigureOn(rows, atClose, d)) wrong.push(d);
        return ordered && wrong.length === 0;
      }),
      { numRuns: 150 },
    );
  });
});
