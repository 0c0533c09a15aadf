import { addDays, monthEnd, monthOf } from '../calendar/isoDate.js';
import type { NetAssetsRow } from './classSeries.js';

/**
 * The figures a closed month was sealed with: for each closed month, the rows (by date) restated
 * since its close, with the figure they had at the close.
 */
export type FiguresAtClose = ReadonlyMap<string /* YYYY-MM */, ReadonlyMap<string /* row date */, bigint>>;

/**
 * SPEC §12: reading a closed month shows its sealed results. A class's net assets as each day's
 * month was sealed with them: a day of a closed month takes the figure its row had at that month's
 * close (a restatement since is an adjustment listed beside, not a change of the month); a day of
 * any other month takes the row as it stands. A row is the figure of the days up to the next row
 * (SPEC §4), so a Friday's row restated after the close of the month its weekend falls in changes
 * that month's days only: where a month's first days carry a row whose figure differs by month, a
 * row of the carried figure is added on the month's first day.
 *
 * @example a Friday 2004-01-30 row of 100.00 restated to 130.00 after February closed:
 *   netAssetsAsSealed([{2004-01-30, 13000n}], {'2004-02' → {2004-01-30 → 10000n}})
 *   → [{2004-01-30, 13000n}, {2004-02-01, 10000n}]   (January open: 130.00; February as sealed)
 */
export function netAssetsAsSealed(rows: readonly NetAssetsRow[], atClose: FiguresAtClose): NetAssetsRow[] {
  if (atClose.size === 0 || rows.length === 0) return [...rows];
  // the months whose first days may carry another figure: each month with figures at its close,
  // and the month after it (where the row's figure as it stands resumes)
  const boundaries = new Set<string>();
  for (const month of atClose.keys()) {
    boundaries.add(month);
    boundaries.add(monthOf(addDays(monthEnd(month), 1)));
  }
  const sortedBoundaries = [...boundaries].sort();
  const figureIn = (month: string, row: NetAssetsRow) =>
    atClose.get(month)?.get(row.date) ?? row.netAssetsCents;
  const out: NetAssetsRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const next = rows[i + 1]?.date;
    let carried = figureIn(monthOf(row.date), row);
    out.push({ date: row.date, netAssetsCents: carried });
    for (const month of sortedBoundaries) {
      const first = `${month}-01`;
      if (first <= row.date) continue;
      if (next !== undefined && first >= next) break;
      const figure = figureIn(month, row);
      if (figure !== carried) {
        out.push({ date: first, netAssetsCents: figure });
        carried = figure;
      }
    }
  }
  return out;
}
