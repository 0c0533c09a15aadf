/**
 * The records of a slice of a CSV file in which every record is one line, as csv-parse gives them
 * with the feeds' options (csvFeed.ts: `trim`, `skip_empty_lines`, every record as wide as the
 * first), or null where the slice needs csv-parse itself.
 *
 * csv-parse stays the feeds' parser: this takes only slices of printable ASCII whose line ends are
 * all `\n` or all `\r\n`, whose records are all as wide as the first, and whose quoted cells hold
 * no quote (so no line end and no escape): there a record is a line, a cell what lies between
 * commas outside quotes, trimming removes spaces (the only whitespace such a slice can hold) around
 * a cell, and a quoted cell is what its quotes enclose, as written. Anything else — an escaped or
 * stray quote, text after a closing quote, a tab, a byte outside ASCII, a lone `\r`, mixed line
 * ends, a ragged record, a line of spaces — is csv-parse's, errors included. A month's file of a
 * million transactions is such slices throughout: csv-parse took ~5 s of the import's CPU to
 * split it (issue 14). The property test holds both to the same records.
 */
export function plainCsvRecords(bytes: Uint8Array, text: string): string[][] | null {
  // the slice's bytes first: a text of printable ASCII is its bytes, one character each
  if (text.length !== bytes.length) return null;
  let bareLf = false;
  let crlf = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 && b <= 0x7e) continue;
    if (b === 0x0a) {
      if (i > 0 && bytes[i - 1] === 0x0d) crlf = true;
      else bareLf = true;
      continue;
    }
    // a carriage return only before a line feed
    if (b === 0x0d && bytes[i + 1] === 0x0a) continue;
    return null;
  }
  if (bareLf && crlf) return null;
  const records: string[][] = [];
  let width = -1;
  for (const line of text.split(crlf ? '\r\n' : '\n')) {
    if (line.length === 0) continue; // skip_empty_lines
    const cells = line.includes('"') ? quotedLineCells(line) : line.split(',');
    if (cells === null) return null;
    if (width < 0) width = cells.length;
    else if (cells.length !== width) return null;
    let blank = true;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (typeof cell !== 'string') {
        cells[c] = cell!.quoted; // as written, not trimmed
        blank = false;
        continue;
      }
      const trimmed = cell.trim();
      cells[c] = trimmed;
      if (trimmed.length > 0) blank = false;
    }
    // a line of spaces (and commas): as csv-parse reads it, not decided here
    if (blank) return null;
    records.push(cells as string[]);
  }
  return records;
}

const QUOTE = 34;
const COMMA = 44;
const SPACE = 32;

/**
 * The cells of a line holding quotes: unquoted cells as they lie between commas (trimmed by the
 * caller), quoted ones as `{ quoted }` — a cell whose first character after spaces is a quote,
 * running to the next quote, with only spaces after it up to the comma or the line's end. Null for
 * anything else (a quote inside an unquoted cell, an unclosed quote, text after a closing quote,
 * a doubled quote).
 */
function quotedLineCells(line: string): (string | { quoted: string })[] | null {
  const cells: (string | { quoted: string })[] = [];
  const n = line.length;
  let p = 0;
  for (;;) {
    let q = p;
    while (q < n && line.charCodeAt(q) === SPACE) q++;
    if (q < n && line.charCodeAt(q) === QUOTE) {
      const close = line.indexOf('"', q + 1);
      if (close < 0) return null;
      cells.push({ quoted: line.slice(q + 1, close) });
      let after = close + 1;
      while (after < n && line.charCodeAt(after) === SPACE) after++;
      if (after === n) return cells;
      if (line.charCodeAt(after) !== COMMA) return null; // a doubled quote, or text after the quote
      p = after + 1;
      continue;
    }
    let end = line.indexOf(',', p);
    if (end < 0) end = n;
    const cell = line.slice(p, end);
    if (cell.includes('"')) return null;
    cells.push(cell);
    if (end === n) return cells;
    p = end + 1;
  }
}
