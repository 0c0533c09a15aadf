/**
 * PostgreSQL's COPY text format (PostgreSQL docs, "COPY", File Formats: Text Format): one row a
 * line, columns separated by a tab, NULL written `\N`, and a backslash escaping the backslash, tab,
 * newline and carriage return inside a value. Pure: the bulk paths of the store (bulkCopy.ts) move
 * rows in and out as this text on PGlite and on the server alike.
 */

/** A value as it goes into COPY: text form of its column type, or null. */
export type CopyValue = string | number | bigint | boolean | null;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One value in COPY text form: `\N` for null, booleans as t/f, text escaped. */
export function encodeCopyValue(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = typeof v === 'string' ? v : String(v);
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) out += '\\\\';
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else out += s[i];
  }
  return out;
}

/** Rows in COPY text form, each line ending in a newline. */
export function encodeCopyRows(rows: Iterable<readonly CopyValue[]>): string {
  const lines: string[] = [];
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + encodeCopyValue(row[i]!);
    lines.push(line);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** One field's text with its backslash escapes undone (`\N` alone is handled by the caller). */
export function decodeCopyField(field: string): string {
  if (!field.includes('\\')) return field;
  let out = '';
  for (let i = 0; i < field.length; i++) {
    const ch = field[i]!;
    if (ch !== '\\' || i + 1 >= field.length) {
      out += ch;
      continue;
    }
    const next = field[i + 1]!;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (next >= '0' && next <= '7') {
      // \digits: one to three octal digits, a byte (PostgreSQL only writes these for bytes it must)
      let j = i + 1;
      let code = 0;
      while (j < field.length && j < i + 4 && field[j]! >= '0' && field[j]! <= '7')
        code = code * 8 + (field.charCodeAt(j++) - 48);
      out += String.fromCharCode(code);
      i = j - 1;
    } else if (next === 'x' && /^[0-9a-fA-F]/.test(field[i + 2] ?? '')) {
      let j = i + 2;
      let code = 0;
      while (j < field.length && j < i + 4 && /[0-9a-fA-F]/.test(field[j]!))
        code = code * 16 + Number.parseInt(field[j++]!, 16);
      out += String.fromCharCode(code);
      i = j - 1;
    } else {
      // any other escaped character stands for itself
      out += next;
      i++;
    }
  }
  return out;
}

/** COPY text back into rows of fields (null for `\N`). A trailing `\.` end marker is ignored. */
export function decodeCopyRows(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let lineEnd = end;
    if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--; // \r\n line ends
    const line = text.slice(start, lineEnd);
    start = end + 1;
    if (line === '\\.') break;
    const row: (string | null)[] = [];
    let from = 0;
    for (;;) {
      const tab = line.indexOf('\t', from);
      const field = tab === -1 ? line.slice(from) : line.slice(from, tab);
      row.push(field === '\\N' ? null : decodeCopyField(field));
      if (tab === -1) break;
      from = tab + 1;
    }
    rows.push(row);
  }
  return rows;
}

/**
 * A text[] literal for SQL: `'{"a","b"}'::text[]`. COPY (query) takes no parameters, so a bulk
 * read names its keys this way; each element is double-quoted with `"` and `\` escaped, and the
 * literal's single quotes doubled (standard_conforming_strings, on by default, keeps `\` as is).
 */
export function sqlTextArrayLiteral(values: readonly string[]): string {
  // the common case (account names, txn ids): no `"` or `\\` anywhere, one join and no string per
  // element (a close names 100,000 accounts a chunk, twice)
  let plain = true;
  for (let i = 0; i < values.length && plain; i++)
    plain = !values[i]!.includes('"') && !values[i]!.includes('\\');
  const elements =
    values.length === 0
      ? ''
      : plain
        ? `"${values.join('","')}"`
        : values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',');
  return `'{${elements.replace(/'/g, "''")}}'::text[]`;
}

/** A text literal for SQL (single quotes doubled), for COPY (query), which takes no parameters. */
export function sqlTextLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** How {@link decodeCopyColumns} takes a column: an integer, a boolean (t/f) as 1/0, or text. */
export type CopyColumnKind = 'int' | 'bool' | 'text';

/** The value {@link decimalIntEnd} read last (a scratch: no object per integer read). */
export const decimalInt = new Float64Array(1);

/**
 * Where the decimal integer (PostgreSQL's integer or bigint output) at `text[p]` ends, its value
 * put in `decimalInt[0]`; −1 where no safe integer stands there.
 */
export function decimalIntEnd(text: string, p: number): number {
  let neg = false;
  if (text.charCodeAt(p) === 45) {
    neg = true;
    p++;
  }
  const from = p;
  let v = 0;
  for (let ch = text.charCodeAt(p); ch >= 48 && ch <= 57; ch = text.charCodeAt(++p)) v = v * 10 + (ch - 48);
  if (p === from || !Number.isSafeInteger(v)) return -1;
  decimalInt[0] = neg ? -v : v;
  return p;
}

const TEXT = 0;
const BOOL = 1;
const INT = 2;

/** A decoded column: numbers for `int` and `bool`, strings for `text`. */
export type CopyColumn = Float64Array | string[];

/**
 * COPY text decoded straight into columns (issue 14: a chunk's 500,000 stored lots read without a
 * string per field — integers and booleans are parsed from the text in place, only `text` columns
 * become strings). Integers must be safe integers written in decimal (PostgreSQL's integer and
 * bigint output); NULL or anything else in an `int` or `bool` column is an error, not a guess.
 * `decodeCopyRows` gives the same values as strings (the test compares them).
 */
export function decodeCopyColumns(
  text: string,
  kinds: readonly CopyColumnKind[],
): { rows: number; columns: CopyColumn[] } {
  let rows = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
  if (text.length > 0 && text.charCodeAt(text.length - 1) !== 10) rows++;
  // each kind's columns apart, so that every store is to one kind of array (text columns sized
  // once: no array grown by push), and the kinds as codes
  const K = kinds.length;
  const code = new Uint8Array(K);
  const texts: string[][] = [];
  const nums: Float64Array[] = [];
  for (let c = 0; c < K; c++) {
    code[c] = kinds[c] === 'text' ? TEXT : kinds[c] === 'bool' ? BOOL : INT;
    texts.push(code[c] === TEXT ? new Array<string>(rows) : []);
    nums.push(code[c] === TEXT ? new Float64Array(0) : new Float64Array(rows));
  }
  const columnsOf = (r: number): CopyColumn[] =>
    kinds.map((_, c) =>
      code[c] === TEXT ? (r === rows ? texts[c]! : texts[c]!.slice(0, r)) : nums[c]!.subarray(0, r),
    );
  const bad = (row: number, c: number, why: string) =>
    new Error(`COPY text, row ${row + 1}, column ${c + 1}: ${why}`);
  let p = 0;
  let row = 0;
  const n = text.length;
  while (p < n && row < rows) {
    // the end-of-data marker, if any: the rows before it
    if (
      text.charCodeAt(p) === 92 &&
      text.charCodeAt(p + 1) === 46 &&
      (p + 2 === n || text.charCodeAt(p + 2) === 10 || text.charCodeAt(p + 2) === 13)
    )
      return { rows: row, columns: columnsOf(row) };
    for (let c = 0; c < K; c++) {
      const kind = code[c];
      const last = c === K - 1;
      if (kind === TEXT) {
        let end = p;
        // COPY's escapes undone only in a field that has a backslash (\N among them)
        let escaped = false;
        for (; end < n; end++) {
          const ch = text.charCodeAt(end);
          if (ch === 9 || ch === 10) break;
          if (ch === 92) escaped = true;
        }
        let field = text.slice(p, end);
        if (last && field.endsWith('\r')) field = field.slice(0, -1);
        if (escaped) {
          if (field === '\\N') throw bad(row, c, 'NULL where text was expected');
          field = decodeCopyField(field);
        }
        texts[c]![row] = field;
        p = end;
      } else if (kind === BOOL) {
        const ch = text.charCodeAt(p);
        if (ch !== 116 && ch !== 102) throw bad(row, c, 'not t or f');
        nums[c]![row] = ch === 116 ? 1 : 0;
        p++;
      } else {
        const end = decimalIntEnd(text, p);
        if (end < 0) throw bad(row, c, 'not a safe integer');
        nums[c]![row] = decimalInt[0]!;
        p = end;
      }
      if (last && text.charCodeAt(p) === 13) p++;
      const sep = text.charCodeAt(p);
      if (last ? sep !== 10 && p < n : sep !== 9)
        throw bad(row, c, `${last ? 'more' : 'fewer'} columns than asked`);
      p++;
    }
    row++;
  }
  if (row !== rows) throw new Error(`COPY text: ${row} rows decoded of ${rows}`);
  return { rows, columns: columnsOf(rows) };
}
