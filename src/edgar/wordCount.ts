/**
 * How many pieces `text.split(/\s+/)` would give, counted only up to `cap` (SPEC §2.1, the reader
 * in linear time — docs/PERFORMANCE.md "A line of millions of words"): the reader asks of a line
 * "eight words or fewer?", "fifteen or more?", and splitting a line of a 6 MB exhibit kept on one
 * line into its millions of words, again at each such question, is most of the time it takes to
 * refuse it. The count is exactly the split's (a leading or trailing space counts as one more
 * piece, as the split's empty string does), so every reading stays as it was.
 * @example splitCountUpTo('AMENDED AND RESTATED PLAN', 9) → 4
 * @example splitCountUpTo('a b c d e f g h i j', 9) → 9
 */
export function splitCountUpTo(text: string, cap: number): number {
  const re = /\s+/g;
  let n = 1;
  while (n < cap) {
    const m = re.exec(text);
    if (m === null) break;
    n++;
  }
  return n;
}
