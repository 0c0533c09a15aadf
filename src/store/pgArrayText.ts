/**
 * PostgreSQL's array literal (PostgreSQL docs, "Arrays", Array Value Input and Output): `{1,2,3}`,
 * one dimension, elements separated by commas. Pure, and written by hand for the stored Class B
 * ledger (issue 14: an account's lots as one row of arrays, ledgerStateRepository.ts), whose chunk
 * reads decode half a million lots at a time straight into typed arrays.
 *
 * A text element is written in double quotes when PostgreSQL's own output would quote it: empty,
 * the word NULL in any case, or holding `"` `\` `{` `}` `,` or white space; inside quotes `"` and
 * `\` are escaped by a backslash. So {@link encodeTextArray} gives exactly the text PostgreSQL
 * prints for the same array (the test checks it on both stores). In COPY text the literal is one
 * field, with COPY's escapes on top (copyText.ts `encodeCopyValue` / `decodeCopyField`).
 * A NULL element is not supported: the ledger's arrays hold none (their CHECKs refuse one).
 * The state's write builds the same text as bytes (copyTextBytes.ts); these string forms are its
 * reference (test/store/copy-text-bytes-equal-the-string-forms-both-dialects.test.ts).
 */

/** An integer array literal of `values[i]` for each i of `order` (or of every index, in order). */
export function encodeIntArray(values: ArrayLike<number>, order?: readonly number[]): string {
  const n = order === undefined ? values.length : order.length;
  if (n === 0) return '{}';
  let s = '{';
  for (let j = 0; j < n; j++) {
    const v = values[order === undefined ? j : order[j]!]!;
    if (!Number.isSafeInteger(v)) throw new RangeError(`array element ${v} is not a safe integer`);
    s += j === 0 ? `${v}` : `,${v}`;
  }
  return `${s}}`;
}

/** A boolean array literal of `values[i] !== 0` (t/f), as {@link encodeIntArray} picks them. */
export function encodeBoolArray(values: ArrayLike<number>, order?: readonly number[]): string {
  const n = order === undefined ? values.length : order.length;
  if (n === 0) return '{}';
  let s = '{';
  for (let j = 0; j < n; j++) {
    const t = values[order === undefined ? j : order[j]!] !== 0 ? 't' : 'f';
    s += j === 0 ? t : `,${t}`;
  }
  return `${s}}`;
}

/**
 * Characters that make PostgreSQL quote an element: `"` `\` `{` `}` `,` and its white space, which
 * is ASCII's only (a no-break or ideographic space is printed bare, and read back as it stands).
 */
const NEEDS_QUOTES = /["\\{}, \t\n\r\v\f]/;
const ARRAY_SPACE = /[ \t\n\r\v\f]/;

/** One text element as PostgreSQL writes it (see the file's comment). */
export function encodeTextElement(v: string): string {
  if (v.length > 0 && !(v.length === 4 && v.toUpperCase() === 'NULL') && !NEEDS_QUOTES.test(v)) return v;
  return `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** A text array literal of `values[i]` for each i of `order` (or every index, in order). */
export function encodeTextArray(values: readonly string[], order?: readonly number[]): string {
  const n = order === undefined ? values.length : order.length;
  if (n === 0) return '{}';
  let s = '{';
  for (let j = 0; j < n; j++) {
    const e = encodeTextElement(values[order === undefined ? j : order[j]!]!);
    s += j === 0 ? e : `,${e}`;
  }
  return `${s}}`;
}

const bad = (text: string, p: number, why: string) =>
  new Error(`array literal ${JSON.stringify(text.slice(0, 80))} at ${p}: ${why}`);

/**
 * A column of integers that grows as array elements are decoded into it: a Float64Array doubled
 * when full (no JavaScript array of a million numbers to copy into a typed array afterwards).
 */
export class IntColumn {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  /** The elements pushed (a view of them). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Decodes the integer (or boolean: t → 1, f → 0) array literal that starts at `text[p]`, pushing its
 * elements to `out`; returns the position just after its closing brace. Parsed in place: no string
 * per element (a chunk's COPY text holds millions of them). Elements must be safe integers in
 * decimal, or t/f; NULL, spaces, quotes or dimensions are errors, not guesses.
 */
export function decodeIntArrayAt(text: string, p: number, out: IntColumn): number {
  if (text.charCodeAt(p) !== 123) throw bad(text, p, 'no opening brace');
  p++;
  if (text.charCodeAt(p) === 125) return p + 1;
  for (;;) {
    let ch = text.charCodeAt(p);
    if (ch === 116 || ch === 102) {
      out.push(ch === 116 ? 1 : 0);
      p++;
    } else {
      let neg = false;
      if (ch === 45) {
        neg = true;
        ch = text.charCodeAt(++p);
      }
      const from = p;
      let v = 0;
      for (; ch >= 48 && ch <= 57; ch = text.charCodeAt(++p)) v = v * 10 + (ch - 48);
      if (p === from || !Number.isSafeInteger(v)) throw bad(text, p, 'not a safe integer');
      out.push(neg ? -v : v);
    }
    const sep = text.charCodeAt(p++);
    if (sep === 125) return p;
    if (sep !== 44) throw bad(text, p - 1, 'expected , or }');
  }
}

/** {@link decodeIntArrayAt} of a whole literal, into a new array. */
export function decodeIntArray(text: string): number[] {
  const out = new IntColumn();
  if (decodeIntArrayAt(text, 0, out) !== text.length) throw bad(text, text.length, 'text after the array');
  return Array.from(out.values());
}

/**
 * A text array literal back into its strings, as PostgreSQL reads its own output: quoted elements
 * with `\` escaping the next character, unquoted ones as they stand (an unquoted NULL is a NULL
 * element: an error here). `text` is the literal itself, COPY's escapes already undone.
 */
export function decodeTextArray(text: string): string[] {
  const n = text.length;
  if (text.charCodeAt(0) !== 123 || text.charCodeAt(n - 1) !== 125) throw bad(text, 0, 'not {…}');
  if (n === 2) return [];
  const out: string[] = [];
  if (!text.includes('"') && !text.includes('\\')) {
    // the common case (txn ids): nothing quoted, nothing escaped
    for (let p = 1; p < n; ) {
      let end = text.indexOf(',', p);
      if (end === -1) end = n - 1;
      out.push(unquoted(text, p, end));
      p = end + 1;
    }
    return out;
  }
  let p = 1;
  for (;;) {
    let v: string;
    if (text.charCodeAt(p) === 34) {
      v = '';
      let from = ++p;
      for (;;) {
        const ch = text.charCodeAt(p);
        if (p >= n) throw bad(text, p, 'unterminated quotes');
        if (ch === 92) {
          v += text.slice(from, p) + text[p + 1];
          p += 2;
          from = p;
        } else if (ch === 34) {
          v += text.slice(from, p);
          p++;
          break;
        } else p++;
      }
    } else {
      let end = p;
      let escaped = false;
      for (let ch = text.charCodeAt(end); ch !== 44 && ch !== 125; ch = text.charCodeAt(end)) {
        if (end >= n) throw bad(text, end, 'unterminated element');
        if (ch === 92) {
          escaped = true;
          end++;
        }
        end++;
      }
      v = escaped ? text.slice(p, end).replace(/\\(.)/gsu, '$1') : unquoted(text, p, end);
      p = end;
    }
    out.push(v);
    const sep = text.charCodeAt(p++);
    if (sep === 125) {
      if (p !== n) throw bad(text, p, 'text after the array');
      return out;
    }
    if (sep !== 44) throw bad(text, p - 1, 'expected , or }');
  }
}

/** An unquoted element [from, to) of a text array: its characters, never empty, never NULL, no spaces. */
function unquoted(text: string, from: number, to: number): string {
  const v = text.slice(from, to);
  if (v.length === 0) throw bad(text, from, 'an empty unquoted element');
  if (v.length === 4 && v.toUpperCase() === 'NULL') throw bad(text, from, 'a NULL element');
  if (v.includes('{') || v.includes('}')) throw bad(text, from, 'a nested array or a stray brace');
  if (ARRAY_SPACE.test(v[0]!) || ARRAY_SPACE.test(v[v.length - 1]!))
    throw bad(text, from, 'white space around an unquoted element');
  return v;
}
