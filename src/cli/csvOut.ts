/**
 * A cell a spreadsheet would read as a formula (OWASP "CSV injection"): it begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return. A plain decimal number such as "-12.50" is a number, not
 * a formula, and stays as it is so that a negative amount still adds up in the sheet.
 */
export function isFormulaLike(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s);
}

/** The text of a cell as written to CSV or XLSX: a formula-like text gets a leading single quote. */
export function neutralisedCell(s: string): string {
  return isFormulaLike(s) ? `'${s}` : s;
}

/** RFC 4180 CSV text from rows of strings and numbers; formula-like cells are neutralised. */
export function toCsv<T extends object>(columns: readonly string[], rows: readonly T[]): string {
  const cell = (v: unknown) => {
    const s = neutralisedCell(v === null || v === undefined ? '' : String(v));
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [
    columns.map(cell).join(','),
    ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(',')),
  ].join('\n');
}
