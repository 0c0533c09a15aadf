/**
 * Table shapes a schedule entry cannot hold, found before the rows are read so that the document
 * is refused at the line that shows them, saying which — never read without them (SPEC §2.1: a
 * document read only in part is refused, naming the file and line).
 *
 * - A date per row: Calvert's Amended Schedule A "Distribution Service Fee | Effective Date"
 *   (each fund's own "12/31/16"), American Funds' Exhibit A "Fund | Effective Date | Termination
 *   Date". A Schedule entry (SPEC §2) has no date of its own: the schedule's version carries one
 *   effective date, and nothing ends an entry on a date. (An "Adoption Date" column is history of
 *   the plan, read and set aside: scheduleItem.ts.)
 * - A column per class: Calvert's "Classes | A | C | I | R6", American Funds' "A | B | C | F-1 |
 *   529-A | …" with "●"/"e"/"na" marks: the reader reads a class per row (a class column, stacked
 *   class cells, a class in the title or a heading), not a matrix of portfolios × classes.
 */

import type { EdgarLine } from './edgarText.js';

export interface ColumnNotRead {
  /** 1-based line of the heading cell that shows it */
  readonly line: number;
  readonly reason: string;
}

interface Cell {
  readonly text: string;
  readonly line: number;
}

// "Effective Date", "Termination Date", "Plan Effective Date", stacked "Effective" / "Date"
const STACKED_DATE_WORD_RE = /^(?:Plan\s+)?(?:Effective|Termination|Expiration)$/i;
const ROW_DATE_HEADING_RE = /^(?:Plan\s+)?(?:Effective|Termination|Expiration)\s+Dates?\W*$/i;
const MONTH_DAY_YEAR_RE =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}$/i;
const NUMERIC_DATE_RE = /^\d{1,2}\/\d{1,2}\/(?:\d{2}|\d{4})$/;
// a bare class code as a column heading: "A", "C", "R6", "F-1", "529-A", "I"
const CLASS_CODE_CELL_RE = /^(?:[A-Z]|[A-Z]-?\d{1,2}|\d{3}-[A-Z](?:-\d)?)$/;
const CLASSES_LABEL_RE = /^(?:Share\s+)?Class(?:es)?$/i;

function isRowDate(text: string): boolean {
  return NUMERIC_DATE_RE.test(text) || MONTH_DAY_YEAR_RE.test(text);
}

/** The schedule's cells in order: "|" cells with their wrapped lines joined, text lines split at wide gaps. */
function cellsOf(
  lines: readonly EdgarLine[],
  start: number,
  stop: number,
  continuations: ReadonlySet<number>,
): Cell[] {
  const cells: Cell[] = [];
  for (let i = start; i < stop && i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.trimmed.replace(/^\|\s*/, '');
    if (t === '') continue;
    const last = cells[cells.length - 1];
    if (continuations.has(l.no) && last !== undefined) {
      cells[cells.length - 1] = { text: `${last.text} ${t}`, line: last.line };
      continue;
    }
    for (const part of t.split(/ {3,}/)) {
      const text = part.trim();
      // "Effective" over "Date" where the rendering lost the cell marks, or a text table's heading
      // stacked over two lines ("DISTRIBUTION   EFFECTIVE" / "PORTFOLIO   FEE   DATE"): one heading
      const over = /^Dates?$/i.test(text)
        ? cells.findLastIndex((c, k) => k >= cells.length - 4 && STACKED_DATE_WORD_RE.test(c.text))
        : -1;
      if (over >= 0) cells[over] = { text: `${cells[over]!.text} ${text}`, line: cells[over]!.line };
      else cells.push({ text, line: l.no });
    }
  }
  return cells;
}

/**
 * The first table shape of the schedule between `start` and `stop` that plan12b does not read, or null.
 * @example a heading cell "Effective Date" followed by rows "Growth Fund | 2/1/15" and "Bond Fund | 2/1/15"
 *   → { line: <its line>, reason: 'the "Effective Date" column gives each row a date of its own …' }
 */
export function columnNotRead(
  lines: readonly EdgarLine[],
  start: number,
  stop: number,
  continuations: ReadonlySet<number>,
): ColumnNotRead | null {
  const cells = cellsOf(lines, start, stop, continuations);
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    // a date column's heading with at least two rows' dates below it — one "Effective Date | May 1,
    // 2012" pair is the schedule's own date, not a column
    if (ROW_DATE_HEADING_RE.test(c.text)) {
      const dates = cells.slice(k + 1).filter((d) => isRowDate(d.text)).length;
      // "Effective Date | Termination Date": the heading cells side by side, named together
      const named = cells
        .slice(k, k + 3)
        .filter((d) => ROW_DATE_HEADING_RE.test(d.text))
        .map((d) => `"${d.text.replace(/\W+$/, '')}"`);
      if (dates >= 2)
        return {
          line: c.line,
          reason: `the ${named.join(' and ')} column${named.length > 1 ? 's give' : ' gives'} each row a date of its own; a schedule entry has no date of its own (the schedule has one effective date), so the schedule is not read — it would put each row in force on a date the document does not give it`,
        };
    }
    // three class codes in a row of cells (after "Classes" or not): the columns of a class matrix
    let run = 0;
    while (k + run < cells.length && CLASS_CODE_CELL_RE.test(cells[k + run]!.text)) run++;
    const labelled = k > 0 && CLASSES_LABEL_RE.test(cells[k - 1]!.text);
    if (run >= 3 || (labelled && run >= 2)) {
      const codes = cells.slice(k, k + run).map((d) => d.text);
      return {
        line: labelled ? cells[k - 1]!.line : c.line,
        reason: `a table with a column per class ("${labelled ? `${cells[k - 1]!.text} | ` : ''}${codes.join(' | ')}"); plan12b reads a class per row, not a matrix of portfolios by class columns`,
      };
    }
  }
  return null;
}
