/**
 * HTML exhibits rendered to text one table cell per line, each cell introduced by "|" (the
 * corpus's `htm_rendered/` files, issue 11; htmlText.ts writes the same shape from HTML). The
 * "|" marks are dropped so that each cell is a line of its own; a cell's further lines (stacked
 * "Class C / Class R" cells) stay lines of their own, in order.
 */

// A document is in this layout when cells ("|…") make up a good part of its lines.
const MIN_CELL_LINES = 1;

/**
 * The text with every cell on its own line, or null when the text is not in this layout.
 * @example cellLines('A\n|Fund\n|0.25%\n|\n') === 'A\nFund\n0.25%\n\n'
 */
export function cellLines(text: string): string | null {
  let cells = 0;
  for (const line of text.split('\n', 5000)) if (line.startsWith('|')) cells++;
  if (cells < MIN_CELL_LINES) return null;
  return text.replace(/^\|/gm, '');
}

/**
 * The 1-based numbers of the lines that go on with the cell above them: a line with no "|" under
 * a cell that already has text ("|Maximum" / "Fee*"). The first text under a bare "|" starts its
 * cell; a blank line ends it.
 * @example cellContinuations('|Maximum\nFee*\n|\nPortfolio\n') → Set { 2 }
 */
export function cellContinuations(text: string): ReadonlySet<number> {
  const out = new Set<number>();
  let inCell = false;
  let hasText = false;
  text.split('\n').forEach((line, k) => {
    if (line.startsWith('|')) {
      inCell = true;
      hasText = line.slice(1).trim() !== '';
    } else if (line.trim() === '') inCell = false;
    else if (inCell && hasText) out.add(k + 1);
    else if (inCell) hasText = true;
  });
  return out;
}
