import { formatAmount } from '../decimal';
import { type Column, downloadCsv, downloadXlsx, totalsOf } from '../exportTable';

export type { Column };

/** Characters past which a cell's text wraps (style.css `td.long`): a name as long as an exhibit states it. */
const LONG_TEXT = 60;

/** Every table of the dashboard: exact totals for money columns, CSV and XLSX export. */
export function DataTable<Row>(props: {
  readonly name: string;
  readonly caption: string;
  readonly rows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  readonly onRowClick?: (row: Row) => void;
  /** the first cell of the totals row (default "Total") */
  readonly totalLabel?: string;
}) {
  const { name, caption, rows, columns, onRowClick, totalLabel = 'Total' } = props;
  const totals = totalsOf(rows, columns);
  return (
    <section className="table-block" aria-label={caption}>
      <div className="table-head">
        <h3>{caption}</h3>
        <span className="count">
          {rows.length} {rows.length === 1 ? 'row' : 'rows'}
        </span>
        <button type="button" onClick={() => downloadCsv(name, rows, columns)}>
          CSV
        </button>
        <button type="button" onClick={() => void downloadXlsx(name, rows, columns)}>
          XLSX
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (WCAG 2.1.1) */}
      <div className="scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.money || c.percent || c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr className="empty">
                <td colSpan={columns.length}>Nothing to show for these choices.</td>
              </tr>
            )}
            {rows.map((r, i) => (
              <tr key={i} className={onRowClick ? 'clickable' : undefined}>
                {columns.map((c, j) => {
                  const v = c.value(r);
                  const text = v === null || v === undefined ? '' : String(v);
                  const cell = c.money && text !== '' ? formatAmount(text) : text;
                  const long = text.length > LONG_TEXT ? 'long' : undefined;
                  return j === 0 && onRowClick ? (
                    <td key={c.key} className={long}>
                      <button type="button" className="link" onClick={() => onRowClick(r)}>
                        {cell || '(open)'}
                      </button>
                    </td>
                  ) : (
                    <td key={c.key} className={c.money || c.percent || c.numeric ? 'num' : long}>
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {totals.size > 0 && (
            <tfoot>
              <tr>
                {columns.map((c, i) => (
                  <td key={c.key} className={totals.has(c.key) ? 'num' : undefined}>
                    {totals.has(c.key)
                      ? formatAmount(totals.get(c.key) as string)
                      : i === 0
                        ? totalLabel
                        : ''}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
