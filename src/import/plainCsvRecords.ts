/**
 * The records of a slice of a CSV file in which CSV has no syntax but commas and line ends, as
 * csv-parse gives them with the feeds' options (csvFeed.ts: `trim`, `skip_empty_lines`, every
 * record as wide as the first), or null where the slice needs csv-parse itself.
 *
 * csv-parse stays the feeds' parser: this takes only slices of printable ASCII without a quote,
 * whose line ends are all `\n` or all `\r\n` and whose records are all as wide as the first — there
 * a record is a line, a cell what lies between commas, and trimming removes spaces, the only
 * whitespace such a slice can hold. Anything else (a quote, a tab, a byte outside ASCII, a lone
 * `\r`, mixed line ends, a ragged record, a line of spaces) is csv-parse's, errors included. A
 * month's file of a million transactions is such slices throughout: csv-parse took ~5 s of the
 * import's CPU to split it (issue 14). The property test holds both to the same records.
 */
export function plainCsvRecords(bytes: Uint8Array, text: string): string[][] | null {
  // the slice's bytes first: a text of printable ASCII is its bytes, one character each
  if (text.length !== bytes.length) return null;
  let bareLf = false;
  let crlf = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 && b <= 0x7e) {
      if (b === 0x22) return null; // a quote
      continue;
    }
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
    const cells = line.split(',');
    if (width < 0) width = cells.length;
    else if (cells.length !== width) return null;
    let blank = true;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!.trim();
      cells[c] = cell;
      if (cell.length > 0) blank = false;
    }
    // a line of spaces (and commas): as csv-parse reads it, not decided here
    if (blank) return null;
    records.push(cells);
  }
  return records;
}
