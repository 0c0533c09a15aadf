/**
 * Where an EDGAR text table's columns begin: its `<S>` line puts a `<C>` tag at the first column
 * of each cell after the first. A row whose cells stand only two spaces apart ("JPMorgan
 * California Municipal Money  JPMorgan California Tax Free Money", a current name beside its
 * former name) is split there, where runs of three spaces would leave the two names as one.
 */

const C_TAG_RE = /<c>/gi;
// "<S>   <C>   <C>": nothing but layout tags and spaces
const TAG_LINE_RE = /^\s*<s>(?:\s*<c>)+\s*$/i;

/**
 * The columns of the `<C>` tags on a table's `<S>` line, or null for any other line.
 * @example columnTagStarts('<S>         <C>       <C>') → [12, 22]
 */
export function columnTagStarts(line: string): readonly number[] | null {
  if (!TAG_LINE_RE.test(line)) return null;
  return [...line.matchAll(C_TAG_RE)].map((m) => m.index);
}

/**
 * The row's cells: runs of three or more spaces separate them, and so do exactly two spaces where
 * a column begins. Null when no column begins at a two-space gap (the runs alone then split it).
 * @example cellsAtColumnStarts('Lakeshore Municipal Money  Lakeshore Tax Free Money   Harbor', [27, 55])
 *   → ['Lakeshore Municipal Money', 'Lakeshore Tax Free Money', 'Harbor']
 */
export function cellsAtColumnStarts(text: string, starts: readonly number[]): string[] | null {
  const cuts = starts.filter(
    (p) =>
      p >= 3 && p < text.length && text[p] !== ' ' && text.slice(p - 2, p) === '  ' && text[p - 3] !== ' ',
  );
  if (cuts.length === 0) return null;
  const cells: string[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    cells.push(...text.slice(from, cut).trim().split(/ {3,}/));
    from = cut;
  }
  return cells.filter((c) => c !== '');
}
