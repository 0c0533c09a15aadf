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
 *
 * A long cell is a string of its own, as csv-parse's are, never a part of the slice's text: a feed
 * keeps some cells (an account's name in its dictionary, a value seen before), and a kept part would
 * keep the whole slice alive with it (V8 shares the text of a substring of 13 characters or more).
 */
export function plainCsvRecords(bytes: Uint8Array, text: string): string[][] | null {
  // the slice's bytes first: a text of printable ASCII is its bytes, one character each
  if (text.length !== bytes.length) return null;
  let bareLf = false;
  let crlf = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 && b <= 0x7e) continue;
    if (b === LF) {
      if (i > 0 && bytes[i - 1] === CR) crlf = true;
      else bareLf = true;
      continue;
    }
    // a carriage return only before a line feed
    if (b === CR && bytes[i + 1] === LF) continue;
    return null;
  }
  if (bareLf && crlf) return null;
  const own = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cellOf = (from: number, to: number) =>
    to - from < SHARED_FROM ? text.slice(from, to) : own.toString('latin1', from, to);
  const n = text.length;
  const records: string[][] = [];
  let width = -1;
  // the next quote at or after where the scan is (n: none), found again only once passed
  let quote = -1;
  const quoteFrom = (p: number) => {
    if (quote < p) {
      quote = text.indexOf('"', p);
      if (quote < 0) quote = n;
    }
    return quote;
  };
  for (let p = 0; p < n; ) {
    let eol = text.indexOf('\n', p);
    if (eol < 0) eol = n;
    // every line end of a CRLF slice is one (the bytes were checked)
    const to = crlf && eol < n ? eol - 1 : eol;
    const from = p;
    p = eol + 1;
    if (to === from) continue; // skip_empty_lines
    const cells: string[] = [];
    let blank = true;
    for (let c = from; ; ) {
      let q = c;
      while (q < to && text.charCodeAt(q) === SPACE) q++;
      let next: number;
      if (q < to && text.charCodeAt(q) === QUOTE) {
        // a quoted cell: as written, to the next quote, then only spaces to the comma or the end
        const close = text.indexOf('"', q + 1);
        if (close < 0 || close >= to) return null;
        cells.push(cellOf(q + 1, close));
        blank = false;
        let after = close + 1;
        while (after < to && text.charCodeAt(after) === SPACE) after++;
        if (after < to && text.charCodeAt(after) !== COMMA) return null; // a doubled quote, or text after it
        next = after;
      } else {
        let end = text.indexOf(',', q);
        if (end < 0 || end > to) end = to;
        if (quoteFrom(q) < end) return null; // a quote inside an unquoted cell
        let e = end;
        while (e > q && text.charCodeAt(e - 1) === SPACE) e--;
        if (e > q) blank = false;
        cells.push(cellOf(q, e));
        next = end;
      }
      if (next === to) break;
      c = next + 1;
    }
    if (width < 0) width = cells.length;
    else if (cells.length !== width) return null;
    // a line of spaces (and commas): as csv-parse reads it, not decided here
    if (blank) return null;
    records.push(cells);
  }
  return records;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
/** V8 makes a substring this long a view of its parent's text (SlicedString::kMinLength) */
const SHARED_FROM = 13;
