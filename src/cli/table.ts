import type { CliContext } from './context.js';

/**
 * The columns a command's text keeps to (standing rule 7, users first): a terminal's width when
 * stdout is one wider than 80 columns, else 80 — piped, redirected, or answered by `plan12b serve`
 * for another process. --json, --csv and --xlsx are never shaped by it.
 */
export const TEXT_WIDTH = 80;

export function terminalTextWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return stream.isTTY === true && (stream.columns ?? 0) > TEXT_WIDTH
    ? (stream.columns as number)
    : TEXT_WIDTH;
}

/** A plain aligned text table for terminal output (JSON is the machine format), fitted to the width. */
export function printTable(
  ctx: CliContext,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  for (const l of tableLines(header, rows, ctx.textWidth ?? TEXT_WIDTH)) ctx.out(l);
}

const GAP = '  ';
/** a figure: right-aligned, and never wrapped or cut */
const isFigure = (c: string) => /^-?[\d.,]+%?$/.test(c);
/** figures only, space-separated ("4.00 3.00 2.00"): kept on one line as a figure is */
const isFigureList = (c: string) => c !== '' && c.split(' ').every(isFigure);
/** a word up to this long stays whole (an amount, a date, a name, a hash); a longer one may break */
const MAX_WHOLE_WORD = 24;
/** a text cell is wrapped over at most this many lines; a column that would need more goes under its row */
const MAX_CELL_LINES = 2;
const length = (s: string) => [...s].length;

/**
 * The table's lines within `width` columns, never a figure wrapped, cut or moved out of its column:
 * 1. as it is, a line a row, when it fits;
 * 2. else, when its first column repeats (a portfolio's classes, months, payees), that column as a
 *    heading line over its rows and the rest below it, indented;
 * 3. the text columns (names, titles, sources) narrowed and wrapped at spaces over two lines at
 *    most, headings over as many as they need, two spaces between columns, else one;
 * 4. the widest text columns, one at a time, taken out of the table and printed under each row
 *    (`Source: …`, wrapped);
 * 5. else, when the first column does not repeat, each row under its own heading line, as in 2;
 * 6. else one block a row, each field on a line of its own under its heading ({@link blockLines}).
 */
export function tableLines(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  width: number = TEXT_WIDTH,
): string[] {
  const natural = naturalWidths(header, rows);
  if (total(natural, GAP) <= width) return alignedLines(header, rows, natural, GAP);
  const firsts = rows.map((r) => r[0] ?? '').filter((c) => c !== '');
  const textFirst = header.length > 2 && firsts.some((c) => !isFigure(c));
  const repeats = new Set(firsts).size < firsts.length;
  if (textFirst && repeats) {
    const grouped = groupedLines(header, rows, width);
    if (grouped) return grouped;
  }
  const fitted = fittedLines(header, rows, width);
  if (fitted) {
    const [heads, body] = fitted;
    const anyTall = body.some((b) => b.length > 1);
    const out = [...heads];
    body.forEach((b, k) => {
      // rows over several lines are told apart by a blank line; a row continuing the one above (its
      // first cell blank, as a payee under its portfolio) stays with it
      if (anyTall && k > 0 && (rows[k]![0] ?? '') !== '') out.push('');
      out.push(...b);
    });
    return out;
  }
  // each row's first field (a portfolio) as its own heading line, before a block a row
  return (
    (textFirst && !repeats ? groupedLines(header, rows, width) : undefined) ?? blockLines(header, rows, width)
  );
}

/** Stage 2: the first column as heading lines over the rows it heads, the rest fitted below. */
function groupedLines(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  width: number,
): string[] | undefined {
  const rest = rows.map((r) => r.slice(1));
  // indented under their heading line, or flush when the indent is what does not fit
  const indent = fittedLines(header.slice(1), rest, width - 2) ? '  ' : '';
  const grouped = fittedLines(header.slice(1), rest, width - indent.length);
  if (!grouped) return undefined;
  const [heads, body] = grouped;
  const out = [header[0]!, ...heads.map((l) => `${indent}${l}`)];
  let group: string | undefined;
  rows.forEach((r, k) => {
    const first = r[0] ?? '';
    if (first !== '' && first !== group) {
      group = first;
      out.push(...wrapText(first, width));
    }
    out.push(...body[k]!.map((l) => (l === '' ? l : `${indent}${l}`)));
  });
  return out;
}

const total = (ws: readonly number[], gap: string) =>
  ws.reduce((a, b) => a + b, 0) + gap.length * Math.max(0, ws.length - 1);

function naturalWidths(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  return header.map((h, i) => Math.max(length(h), ...rows.map((r) => length(r[i] ?? ''))));
}

/** Stages 3 and 4: the heading lines and each row's lines, or undefined when even that is too wide. */
function fittedLines(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  width: number,
): [string[], string[][]] | undefined {
  const cells = (i: number) => rows.map((r) => r[i] ?? '');
  const natural = naturalWidths(header, rows);
  if (total(natural, GAP) <= width)
    return [alignedLines(header, [], natural, GAP), rows.map((r) => [lineOf(r, natural, GAP)])];
  const text = header.map((_, i) => cells(i).some((c) => c !== '' && !isFigure(c)));
  const least = header.map((h, i) => {
    const widestHeadingWord = Math.max(...h.split(' ').map(length));
    const widestFigure = Math.max(0, ...cells(i).filter(isFigure).map(length));
    if (!text[i]) return Math.max(widestFigure, widestHeadingWord);
    // a word (an amount or a date in a memo, a rule's name, an id) is broken only when longer than
    // MAX_WHOLE_WORD; a list of figures never
    const widestWord = Math.max(
      0,
      ...cells(i).flatMap((c) =>
        c
          .split(' ')
          .filter((w) => length(w) <= MAX_WHOLE_WORD)
          .map(length),
      ),
      ...cells(i).filter(isFigureList).map(length),
    );
    let w = Math.max(widestFigure, widestWord, widestHeadingWord, Math.ceil(natural[i]! / MAX_CELL_LINES));
    while (w < natural[i]! && cells(i).some((c) => wrapText(c, w).length > MAX_CELL_LINES)) w++;
    return w;
  });
  // text columns taken out of the table, the widest first, until the rest fits
  const under: number[] = [];
  const kept = () => header.map((_, i) => i).filter((i) => !under.includes(i));
  const fits = (gap: string) =>
    total(
      kept().map((i) => least[i]!),
      gap,
    ) <= width;
  while (!fits(GAP) && !fits(' ')) {
    const widest = kept()
      .filter((i) => text[i] && i > 0)
      .sort((a, b) => natural[b]! - natural[a]! || a - b)[0];
    if (widest === undefined) return undefined;
    under.push(widest);
  }
  const gap = fits(GAP) ? GAP : ' ';
  const cols = kept();
  const widths = cols.map((i) => natural[i]!);
  while (total(widths, gap) > width) {
    let widest = -1;
    for (let k = 0; k < cols.length; k++)
      if (widths[k]! > least[cols[k]!]! && (widest < 0 || widths[k]! > widths[widest]!)) widest = k;
    if (widest < 0) break;
    widths[widest]!--;
  }
  const pick = (r: readonly string[]) => cols.map((i) => r[i] ?? '');
  const figureColumn = cols.map((i) => !text[i]);
  const heads = wrappedRow(pick(header), widths, gap, figureColumn, true);
  heads.push(widths.map((w) => '-'.repeat(w)).join(gap));
  const underHeading = Math.max(0, ...under.map((i) => length(header[i]!)));
  const body = rows.map((r) => {
    const lines = wrappedRow(pick(r), widths, gap, figureColumn, false);
    for (const i of under) {
      const v = r[i] ?? '';
      if (v === '') continue;
      const indent = 2 + underHeading + 2;
      const vs = wrapText(v, Math.max(MIN_VALUE_WIDTH, width - indent));
      lines.push(`  ${padEnd(header[i]!, underHeading)}  ${vs[0]}`.trimEnd());
      for (const more of vs.slice(1)) lines.push(`${' '.repeat(indent)}${more}`);
    }
    return lines;
  });
  return [heads, body];
}

/** the narrowest a value under its row is wrapped to */
const MIN_VALUE_WIDTH = 20;

function wrappedRow(
  cells: readonly string[],
  widths: readonly number[],
  gap: string,
  figureColumn: readonly boolean[],
  head: boolean,
): string[] {
  const parts = widths.map((w, i) => {
    const c = cells[i] ?? '';
    return !head && isFigureList(c) ? [c] : wrapText(c, w);
  });
  const height = Math.max(1, ...parts.map((p) => p.length));
  const lines: string[] = [];
  for (let k = 0; k < height; k++)
    lines.push(
      widths
        .map((w, i) => {
          const c = parts[i]![k] ?? '';
          return isFigure(cells[i] ?? '') || (head && figureColumn[i]) ? padStart(c, w) : padEnd(c, w);
        })
        .join(gap)
        .trimEnd(),
    );
  return lines;
}

function alignedLines(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  gap: string,
): string[] {
  return [
    lineOf(header, widths, gap),
    widths.map((w) => '-'.repeat(w)).join(gap),
    ...rows.map((r) => lineOf(r, widths, gap)),
  ];
}

const lineOf = (cells: readonly string[], widths: readonly number[], gap: string) =>
  cells
    .map((c, i) => (isFigure(c) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
    .join(gap)
    .trimEnd();

/**
 * Every row as a block: its first field as the block's head, then each other field under its
 * heading, the values wrapped at spaces; a blank field is left out.
 */
export function blockLines(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  width: number = TEXT_WIDTH,
): string[] {
  const label = Math.min(Math.max(...header.slice(1).map(length)), Math.floor(width / 2));
  const out: string[] = [];
  rows.forEach((r, k) => {
    if (k > 0 && (r[0] ?? '') !== '') out.push('');
    if ((r[0] ?? '') !== '') out.push(...wrapText(`${header[0]}: ${r[0]}`, width));
    for (let i = 1; i < header.length; i++) {
      const v = r[i] ?? '';
      if (v === '') continue;
      const lines = wrapText(v, width - label - 4);
      out.push(`  ${padEnd(header[i]!, label)}  ${lines[0]}`.trimEnd());
      for (const more of lines.slice(1)) out.push(`  ${' '.repeat(label)}  ${more}`.trimEnd());
    }
  });
  return out;
}

/** Text wrapped at spaces within width; a word longer than the width is broken where it must be. */
export function wrapText(text: string, width: number): string[] {
  if (length(text) <= width) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    let w = word;
    const candidate = current === '' ? w : `${current} ${w}`;
    if (length(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    while (length(w) > width) {
      const chars = [...w];
      lines.push(chars.slice(0, width).join(''));
      w = chars.slice(width).join('');
    }
    current = w;
  }
  if (current !== '') lines.push(current);
  return lines;
}

const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - length(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - length(s))) + s;

/**
 * A line of prose (a headline, a total, a warning) within width: wrapped at spaces, each further
 * line indented two more than the first. A line that fits, or an empty one, is as it was.
 */
export function proseLines(line: string, width: number = TEXT_WIDTH): string[] {
  if (length(line) <= width) return [line];
  const lead = /^ */.exec(line)![0];
  const more = `${lead}  `;
  const body = wrapText(line.slice(lead.length), width - lead.length);
  const first = body[0] ?? '';
  const rest = wrapText(body.slice(1).join(' '), width - more.length);
  return [`${lead}${first}`, ...rest.filter((l) => l !== '').map((l) => `${more}${l}`)];
}

/**
 * A line of clauses ("Totals: Distribution Fees 22500.00", "Earned CDSC 0.00") joined by `sep`
 * within width: one line when it fits, else as many whole clauses a line as fit, each line but the
 * last ending with the separator's mark and each further line indented two — a label is never
 * parted from its figure. A clause wider than a line on its own is wrapped as prose.
 * @example clauseLines(['Due 2004-02-13. Totals: Distribution Fees 22500.00', "Distributor's 12b-1 Share 22500.00", 'Earned CDSC 0.00'])
 *   → ['Due 2004-02-13. Totals: Distribution Fees 22500.00;', "  Distributor's 12b-1 Share 22500.00; Earned CDSC 0.00"]
 */
export function clauseLines(clauses: readonly string[], width: number = TEXT_WIDTH, sep = '; '): string[] {
  const whole = clauses.join(sep);
  if (length(whole) <= width) return [whole];
  const mark = sep.trimEnd();
  const lines: string[] = [];
  let current = '';
  clauses.forEach((c, k) => {
    const lead = lines.length === 0 && current === '' ? '' : '  ';
    const candidate = current === '' ? `${lead}${c}` : `${current}${sep}${c}`;
    // a line that goes on keeps room for the mark that says so
    if (current === '' || length(k === clauses.length - 1 ? candidate : `${candidate}${mark}`) <= width) {
      current = candidate;
      return;
    }
    lines.push(`${current}${mark}`);
    current = `  ${c}`;
  });
  lines.push(current);
  return lines.flatMap((l) => proseLines(l, width));
}

/** Text of many lines, each long one wrapped as prose ({@link proseLines}). */
export function fittedText(text: string, width: number = TEXT_WIDTH): string {
  return text
    .split('\n')
    .flatMap((l) => proseLines(l, width))
    .join('\n');
}
