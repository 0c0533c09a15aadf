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
  const elements = values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
  return `'{${elements.join(',').replace(/'/g, "''")}}'::text[]`;
}

/** A text literal for SQL (single quotes doubled), for COPY (query), which takes no parameters. */
export function sqlTextLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
