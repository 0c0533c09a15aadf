import { isUtf8 } from 'node:buffer';

/**
 * The month inputs digest's text of rows read as COPY text (issue 14): each row as
 * `JSON.stringify(row)` — `["T-1","A-1",null]`, a value `\N` being null — the rows joined by
 * commas (and led by one with `afterRows`), written as UTF-8 bytes straight from the COPY bytes
 * and handed to `write` a piece at a time (a buffer of {@link PIECE_BYTES}, used again after each
 * `write`). It is the text `decodeCopyRows(text).map(canonicalJson).join(',')` gives (the property
 * test holds them equal), without a string per value and an array per row: a close digests a
 * million transactions. Returns the rows.
 *
 * The COPY text is whole lines (a slice ending at a line end) of valid UTF-8; bytes that are not
 * UTF-8 throw, as the decoding reference does, before anything is written.
 */
export function copyTextRowsJson(
  copy: Uint8Array,
  write: (json: Uint8Array) => void,
  opts: { readonly afterRows?: boolean } = {},
): number {
  if (!isUtf8(copy)) throw new TypeError('COPY text: not UTF-8');
  const out = new JsonBytes(PIECE_BYTES);
  let rows = 0;
  const n = copy.length;
  let start = 0;
  while (start < n) {
    let end = copy.indexOf(10, start);
    if (end === -1) end = n;
    let lineEnd = end;
    if (lineEnd > start && copy[lineEnd - 1] === 13) lineEnd--; // \r\n line ends
    const next = end + 1;
    // the end marker `\.` ends the rows
    if (lineEnd - start === 2 && copy[start] === 92 && copy[start + 1] === 46) break;
    if (rows > 0 || opts.afterRows) out.byte(44); // ','
    out.byte(91); // '['
    let from = start;
    for (let field = 0; ; field++) {
      let tab = copy.indexOf(9, from);
      if (tab === -1 || tab > lineEnd) tab = lineEnd;
      if (field > 0) out.byte(44);
      if (tab - from === 2 && copy[from] === 92 && copy[from + 1] === 78) out.ascii('null');
      else out.field(copy, from, tab);
      if (tab === lineEnd) break;
      from = tab + 1;
    }
    out.byte(93); // ']'
    rows++;
    if (out.length >= PIECE_BYTES / 2) out.flush(write);
    start = next;
  }
  out.flush(write);
  return rows;
}

/** The buffer {@link copyTextRowsJson} writes its pieces in (a longer row: one piece of its own). */
const PIECE_BYTES = 256 * 1024;

const HEX = '0123456789abcdef';
/** COPY's one-letter escapes: \b \f \n \r \t \v, by the letter's byte. */
const ESCAPED: Record<number, number> = { 98: 8, 102: 12, 110: 10, 114: 13, 116: 9, 118: 11 };
const isOctal = (b: number) => b >= 48 && b <= 55;
const hexValue = (b: number) =>
  b >= 48 && b <= 57 ? b - 48 : b >= 97 && b <= 102 ? b - 87 : b >= 65 && b <= 70 ? b - 55 : -1;

/** A growing buffer of the JSON text's UTF-8 bytes. */
class JsonBytes {
  private buf: Uint8Array;
  private n = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }

  get length(): number {
    return this.n;
  }

  /** Hands what is written to `write`, and starts again (the buffer is used again). */
  flush(write: (json: Uint8Array) => void): void {
    if (this.n === 0) return;
    write(this.buf.subarray(0, this.n));
    this.n = 0;
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    grown.set(this.buf.subarray(0, this.n));
    this.buf = grown;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.n++] = b;
  }

  ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
  }

  /**
   * One field's bytes [from, to) as a JSON string: its COPY escapes undone as decodeCopyField
   * undoes them (copyText.ts), then escaped as JSON.stringify escapes — `"`, `\` and the control
   * characters; everything else, UTF-8 included, as it is.
   */
  field(copy: Uint8Array, from: number, to: number): void {
    // at most 6 bytes of JSON a byte of COPY (a control character as \u00XX)
    this.room(2 + 6 * (to - from));
    const buf = this.buf;
    let n = this.n;
    buf[n++] = 34;
    let i = from;
    while (i < to) {
      const b = copy[i]!;
      // most bytes are written as they are: a tight loop over them
      if (b !== 92 && b !== 34 && b >= 32) {
        buf[n++] = b;
        i++;
        continue;
      }
      this.n = n;
      if (b === 92) i = this.escape(copy, i, to);
      else {
        this.char(b);
        i++;
      }
      n = this.n;
    }
    buf[n++] = 34;
    this.n = n;
  }

  /** The COPY escape at `i` (a backslash) as JSON; the index after it. */
  private escape(copy: Uint8Array, i: number, to: number): number {
    if (i + 1 >= to) {
      // a backslash ending a value stands for itself
      this.char(92);
      return i + 1;
    }
    const next = copy[i + 1]!;
    if (isOctal(next)) {
      // \digits: one to three octal digits, one character (decodeCopyField's String.fromCharCode)
      let j = i + 1;
      let code = 0;
      while (j < to && j < i + 4 && isOctal(copy[j]!)) code = code * 8 + (copy[j++]! - 48);
      this.code(code);
      return j;
    }
    if (next === 120 && i + 2 < to && hexValue(copy[i + 2]!) >= 0) {
      // \x and one or two hex digits
      let j = i + 2;
      let code = 0;
      while (j < to && j < i + 4 && hexValue(copy[j]!) >= 0) code = code * 16 + hexValue(copy[j++]!);
      this.code(code);
      return j;
    }
    // \b \f \n \r \t \v, or any other character standing for itself (a UTF-8 lead byte's
    // continuation bytes follow it as they are)
    this.char(ESCAPED[next] ?? next);
    return i + 2;
  }

  /** The character of an escape's code (below 0x200): as {@link char}, or as UTF-8 from 0x80. */
  private code(c: number): void {
    if (c < 0x80) this.char(c);
    else {
      this.buf[this.n++] = 0xc0 | (c >> 6);
      this.buf[this.n++] = 0x80 | (c & 63);
    }
  }

  /**
   * A byte of the COPY text as JSON.stringify writes its character: `"`, `\` and the control
   * characters escaped, any other (a UTF-8 byte ≥ 0x80 too) as it is. Called with room made for 6 bytes.
   */
  private char(c: number): void {
    const buf = this.buf;
    if (c >= 32 && c !== 34 && c !== 92) {
      buf[this.n++] = c;
      return;
    }
    if (c === 34 || c === 92) {
      buf[this.n++] = 92;
      buf[this.n++] = c;
      return;
    }
    const short = c === 8 ? 98 : c === 9 ? 116 : c === 10 ? 110 : c === 12 ? 102 : c === 13 ? 114 : 0;
    buf[this.n++] = 92;
    if (short !== 0) {
      buf[this.n++] = short;
      return;
    }
    // \u00XX, lowercase, as JSON.stringify writes the other control characters
    buf[this.n++] = 117;
    buf[this.n++] = 48;
    buf[this.n++] = 48;
    buf[this.n++] = HEX.charCodeAt(c >> 4);
    buf[this.n++] = HEX.charCodeAt(c & 15);
  }
}
