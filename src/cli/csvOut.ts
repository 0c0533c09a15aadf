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

/**
 * A cell as plan12b wrote it read back (`class-b-terms list --csv` imports again unchanged,
 * FORMATS.md): the leading single quote {@link neutralisedCell} put before a formula-like text is
 * taken off; any other text stays as it is.
 */
export function cellReadBack(s: string): string {
  return s.startsWith("'") && isFormulaLike(s.slice(1)) ? s.slice(1) : s;
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
