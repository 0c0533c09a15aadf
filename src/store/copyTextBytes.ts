import { type CopyValue, encodeCopyValue } from './copyText.js';
import { encodeTextElement } from './pgArrayText.js';

const UTF8 = new TextEncoder();

/** Rows copied per COPY statement (copyIn's pieces): bounds the text held in memory at once. */
export const COPY_CHUNK_ROWS = 100_000;

/**
 * COPY text (copyText.ts) written straight into one growing buffer of UTF-8 bytes: the same bytes
 * as the strings of `encodeCopyValue` and pgArrayText.ts's array literals, encoded, without the
 * strings. Pure. Issue 14: the close writes a million accounts' ledger state as one COPY line each,
 * and building those lines as strings (one per array, concatenated, joined, then encoded again for
 * the COPY) made most of the close's short-lived garbage; a byte buffer is one allocation a chunk.
 * The string forms stay the reference (test/store/copy-text-bytes-equal-the-string-forms.test.ts).
 */
export class CopyTextBytes {
  private buf: Uint8Array;
  private n = 0;
  private readonly digits = new Uint8Array(40);

  constructor(capacityBytes = 1 << 16) {
    this.buf = new Uint8Array(Math.max(64, capacityBytes));
  }

  /** The bytes written so far (a view: valid until the next write). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }

  get byteLength(): number {
    return this.n;
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    grown.set(this.buf.subarray(0, this.n));
    this.buf = grown;
  }

  /** The column separator. */
  tab(): this {
    this.room(1);
    this.buf[this.n++] = 9;
    return this;
  }

  /** The end of a row. */
  newline(): this {
    this.room(1);
    this.buf[this.n++] = 10;
    return this;
  }

  /** A safe integer in decimal (what `${v}` gives for one). */
  int(v: number): this {
    if (!Number.isSafeInteger(v)) throw new RangeError(`array element ${v} is not a safe integer`);
    this.room(17);
    let x = v;
    if (x < 0) {
      this.buf[this.n++] = 45; // '-'
      x = -x;
    }
    if (x < 10) {
      this.buf[this.n++] = 48 + x;
      return this;
    }
    let k = 0;
    if (x <= 0x7fffffff) {
      // most of the state's integers (keys, days, sequences): int32 arithmetic, which V8 does
      // without a floating-point remainder per digit
      let y = x | 0;
      while (y > 0) {
        const q = (y / 10) | 0;
        this.digits[k++] = 48 + y - q * 10;
        y = q;
      }
      while (k > 0) this.buf[this.n++] = this.digits[--k]!;
      return this;
    }
    while (x > 0) {
      const d = x % 10;
      this.digits[k++] = 48 + d;
      x = (x - d) / 10; // exact: x − d is a multiple of 10 below 2^53
    }
    while (k > 0) this.buf[this.n++] = this.digits[--k]!;
    return this;
  }

  /**
   * A non-negative safe integer of units as a decimal with `fractionDigits` places (4: the
   * ledger's shares and prices, `formatShareUnits` / `formatPriceUnits` of the same units).
   */
  fixedPoint(units: number, fractionDigits: number): this {
    if (!Number.isSafeInteger(units) || units < 0)
      throw new RangeError(`${units} is not a non-negative safe integer of units`);
    this.room(18 + fractionDigits);
    let x = units;
    let k = 0;
    // the digits from the last: the fraction's (zeros included), then the whole part's (at least one)
    for (let f = 0; f < fractionDigits; f++) {
      const d = x % 10;
      this.digits[k++] = 48 + d;
      x = (x - d) / 10;
    }
    this.digits[k++] = 46; // '.'
    do {
      const d = x % 10;
      this.digits[k++] = 48 + d;
      x = (x - d) / 10;
    } while (x > 0);
    while (k > 0) this.buf[this.n++] = this.digits[--k]!;
    return this;
  }

  /** A text value as `encodeCopyValue` writes it (a backslash, tab, newline or CR escaped), as UTF-8. */
  text(s: string): this {
    this.room(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return this.utf8(encodeCopyValue(s.slice(i)));
      if (c === 92 || c === 9 || c === 10 || c === 13) {
        this.buf[this.n++] = 92;
        this.buf[this.n++] = c === 92 ? 92 : c === 9 ? 116 : c === 10 ? 110 : 114;
      } else this.buf[this.n++] = c;
    }
    return this;
  }

  /** One value as `encodeCopyValue` writes it: `\N` for null, booleans as t/f, text escaped. */
  value(v: CopyValue): this {
    if (v === null) {
      this.room(2);
      this.buf[this.n++] = 92;
      this.buf[this.n++] = 78; // \N
      return this;
    }
    if (typeof v === 'boolean') {
      this.room(1);
      this.buf[this.n++] = v ? 116 : 102;
      return this;
    }
    if (typeof v === 'number' && Number.isSafeInteger(v)) return this.int(v);
    return this.text(typeof v === 'string' ? v : String(v));
  }

  /** Text already in COPY form, as UTF-8. */
  private utf8(s: string): this {
    this.room(s.length * 3);
    this.n += UTF8.encodeInto(s, this.buf.subarray(this.n)).written;
    return this;
  }

  /** pgArrayText's `encodeIntArray(values, order)`: `{1,2,3}`. */
  intArray(values: ArrayLike<number>, order?: readonly number[]): this {
    const n = order === undefined ? values.length : order.length;
    this.room(2 + n);
    this.buf[this.n++] = 123; // '{'
    for (let j = 0; j < n; j++) {
      if (j > 0) {
        this.room(1);
        this.buf[this.n++] = 44; // ','
      }
      this.int(values[order === undefined ? j : order[j]!]!);
    }
    this.room(1);
    this.buf[this.n++] = 125; // '}'
    return this;
  }

  /** pgArrayText's `encodeBoolArray(values, order)`: `{t,f}` for `values[i] !== 0`. */
  boolArray(values: ArrayLike<number>, order?: readonly number[]): this {
    const n = order === undefined ? values.length : order.length;
    this.room(2 + 2 * n);
    this.buf[this.n++] = 123;
    for (let j = 0; j < n; j++) {
      if (j > 0) this.buf[this.n++] = 44;
      this.buf[this.n++] = values[order === undefined ? j : order[j]!] !== 0 ? 116 : 102;
    }
    this.buf[this.n++] = 125;
    return this;
  }

  /**
   * `encodeCopyValue(encodeTextArray(values, order))`: the array literal, COPY-escaped. An element
   * PostgreSQL prints bare (ASCII, none of the characters that make it quote, not the word NULL)
   * holds nothing COPY escapes either, and is copied byte for byte; any other goes the strings' way.
   */
  textArray(values: readonly string[], order?: readonly number[]): this {
    const n = order === undefined ? values.length : order.length;
    this.room(2);
    this.buf[this.n++] = 123;
    for (let j = 0; j < n; j++) {
      if (j > 0) {
        this.room(1);
        this.buf[this.n++] = 44;
      }
      const v = values[order === undefined ? j : order[j]!]!;
      if (!this.bareElement(v)) this.text(encodeTextElement(v));
    }
    this.room(1);
    this.buf[this.n++] = 125;
    return this;
  }

  /** Writes `v` as is and returns true when PostgreSQL prints it bare and it is ASCII. */
  private bareElement(v: string): boolean {
    const len = v.length;
    if (len === 0 || (len === 4 && v.toUpperCase() === 'NULL')) return false;
    this.room(len);
    const start = this.n;
    for (let i = 0; i < len; i++) {
      const c = v.charCodeAt(i);
      // '"' '\' '{' '}' ',' and ASCII white space (9–13, 32) make PostgreSQL quote; ≥ 0x80: UTF-8
      if (
        c >= 0x80 ||
        c === 34 ||
        c === 92 ||
        c === 123 ||
        c === 125 ||
        c === 44 ||
        c === 32 ||
        (c >= 9 && c <= 13)
      ) {
        this.n = start;
        return false;
      }
      this.buf[this.n++] = c;
    }
    return true;
  }
}

/** `encodeCopyRows(rows)`'s text as UTF-8 bytes: one line per row, each ending in a newline. */
export function encodeCopyRowsBytes(
  rows: Iterable<readonly CopyValue[]>,
  capacityBytes?: number,
): Uint8Array {
  const w = new CopyTextBytes(capacityBytes);
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) w.tab();
      w.value(row[i]!);
    }
    w.newline();
  }
  return w.bytes();
}
