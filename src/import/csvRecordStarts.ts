/**
 * Where each record of a CSV file starts: the 1-based line it starts on and the offset of its
 * first byte, found in the bytes before they are decoded, so that a month's file (~100 MB, a
 * million records) is decoded and parsed a slice of records at a time (csvFeed.ts). A line break
 * inside double quotes belongs to the cell, CRLF is one break, empty lines hold no record. Read
 * from the UTF-8 bytes (a quote, CR or LF byte is never part of another character), after the
 * byte-order mark if any, so the lines are those of the decoded text. Pure.
 */
export interface RecordStarts {
  /** the line each record starts on, 1-based */
  readonly lines: number[];
  /** the byte offset of each record's first byte */
  readonly offsets: number[];
}

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;

const bomLength = (bytes: Uint8Array) =>
  bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;

/** Where a walk through the bytes is: the line, inside quotes or not, a record to start, those found. */
interface Walk {
  line: number;
  quoted: boolean;
  atStart: boolean;
  readonly lines: number[];
  readonly offsets: number[];
}

/** Walks `bytes[from..through]` one byte at a time (a CRLF at `through` whole); returns where it stopped. */
function walkByteByByte(bytes: Uint8Array, w: Walk, from: number, through: number): number {
  let i = from;
  for (; i <= through; i++) {
    const b = bytes[i];
    if (b === CR || b === LF) {
      if (b === CR && bytes[i + 1] === LF) i++;
      w.line++;
      if (!w.quoted) w.atStart = true;
      continue;
    }
    if (w.atStart) {
      w.lines.push(w.line);
      w.offsets.push(i);
      w.atStart = false;
    }
    if (b === QUOTE) w.quoted = !w.quoted;
  }
  return i;
}

const newWalk = (): Walk => ({ line: 1, quoted: false, atStart: true, lines: [], offsets: [] });

/** {@link recordStarts} one byte at a time: the reference (the property test holds the two equal). */
export function recordStartsByteByByte(bytes: Uint8Array): RecordStarts {
  const w = newWalk();
  walkByteByByte(bytes, w, bomLength(bytes), bytes.length - 1);
  return { lines: w.lines, offsets: w.offsets };
}

/**
 * The record starts of {@link recordStartsByteByByte}, a line at a time: each line end found by
 * the typed array's own `indexOf`, and the quotes and carriage returns by a search that only moves
 * forward (issue 14: a byte loop in JavaScript was ~1 s of a million-row month's import). A line
 * holding a carriage return is walked byte by byte, as the reference does.
 */
export function recordStarts(bytes: Uint8Array): RecordStarts {
  const w = newWalk();
  const n = bytes.length;
  const next = (b: number, from: number) => {
    const at = bytes.indexOf(b, from);
    return at === -1 ? n : at;
  };
  let i = bomLength(bytes);
  let nextQuote = next(QUOTE, i);
  let nextCR = next(CR, i);
  while (i < n) {
    const lf = next(LF, i);
    if (nextCR < lf) {
      // a carriage return on this line (alone, or before its line feed): byte by byte through it
      i = walkByteByByte(bytes, w, i, Math.min(lf, n - 1));
      nextQuote = next(QUOTE, i);
      nextCR = next(CR, i);
      continue;
    }
    if (w.atStart && i < lf) {
      w.lines.push(w.line);
      w.offsets.push(i);
      w.atStart = false;
    }
    for (; nextQuote < lf; nextQuote = next(QUOTE, nextQuote + 1)) w.quoted = !w.quoted;
    if (lf < n) {
      w.line++;
      if (!w.quoted) w.atStart = true;
    }
    i = lf + 1;
  }
  return { lines: w.lines, offsets: w.offsets };
}
