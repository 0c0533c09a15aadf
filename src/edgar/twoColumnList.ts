/**
 * A plain list printed in two columns side by side (AIM Advisor Funds Amendment No. 4: "CLASS A
 * SHARES … CLASS R SHARES" on one line, each column its own lists). The columns are read one
 * after the other, left then right, as the document's order of classes has it; each line keeps
 * its line number for errors.
 */

import type { EdgarLine } from './edgarText.js';

const RATE_RE = /\d\s*%|\d\.\d/;
// a second column: at least three spaces, then text starting at a column of its own
const GAP_RE = /\S( {3,})(?=\S)/g;
const MIN_COLUMN = 20;

function lineOf(l: EdgarLine, text: string): EdgarLine {
  const trimmed = text.trim();
  return { ...l, text, trimmed, indent: trimmed === '' ? 0 : text.length - text.trimStart().length };
}

/**
 * The lines [from, to) as one column after the other, or null when they are not two columns.
 * @example sideBySideColumns(lines, i, j)?.map((l) => l.trimmed) → ['CLASS A SHARES', …, 'CLASS R SHARES', …]
 */
export function sideBySideColumns(lines: readonly EdgarLine[], from: number, to: number): EdgarLine[] | null {
  const starts = new Map<number, number>();
  for (let i = from; i < to; i++) {
    const text = lines[i]!.text;
    if (RATE_RE.test(text)) return null;
    GAP_RE.lastIndex = 0;
    const gaps = [...text.matchAll(GAP_RE)];
    if (gaps.length !== 1) continue;
    const x = gaps[0]!.index! + 1 + gaps[0]![1]!.length;
    if (x >= MIN_COLUMN) starts.set(x, (starts.get(x) ?? 0) + 1);
  }
  const [x, count] = [...starts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (count < 2) return null;
  // the lines above the first one split at the column ("OF AIM ADVISOR FUNDS", the title's last
  // line, centered across both columns) stand as printed, above the columns
  let first = from;
  while (first < to && !splitsAt(lines[first]!.text, x)) first++;
  const above = lines.slice(from, first);
  const left: EdgarLine[] = [];
  const right: EdgarLine[] = [];
  for (let i = first; i < to; i++) {
    const l = lines[i]!;
    // a line whose text crosses the column boundary is not two columns
    if (l.text.length > x && l.text.slice(0, x).trim() !== '' && l.text.slice(x - 3, x) !== '   ')
      return null;
    left.push(lineOf(l, l.text.slice(0, x).trimEnd()));
    right.push(lineOf(l, l.text.length > x ? ' '.repeat(x) + l.text.slice(x) : ''));
  }
  return [...above, ...left, ...right];
}

/** The text has its one gap of three spaces or more just before column x. */
function splitsAt(text: string, x: number): boolean {
  GAP_RE.lastIndex = 0;
  const gaps = [...text.matchAll(GAP_RE)];
  return gaps.length === 1 && gaps[0]!.index! + 1 + gaps[0]![1]!.length === x;
}
